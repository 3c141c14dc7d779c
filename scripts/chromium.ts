// Finds Debian's Chromium for the end-to-end tests and the demo (never a downloaded browser);
// `ensureChromium` installs Debian's package when running as root, and refuses a Chromium older
// than the extension supports.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The oldest Chromium the extension runs on; the manifest's `minimum_chrome_version` in
 * wxt.config.ts says the same (a unit test keeps them equal). The sidebar page must load only at
 * its per-session address (`use_dynamic_url`), enforced in Chromium's 2024 releases, so 130; the
 * rest is older: the syntax the build emits (111), Manifest V3 (88),
 * `scripting.registerContentScripts` with `persistAcrossSessions` (96), `storage.session` and
 * storage access levels (102).
 */
export const MINIMUM_CHROMIUM = 130;

export function findChromium(): string | null {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH))
    return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // not this one
    }
  }
  return null;
}

export function ensureChromium(): string {
  const found = findChromium() ?? installChromium();
  requireSupportedChromium(found);
  return found;
}

function installChromium(): string {
  if (process.getuid?.() !== 0) {
    throw new Error(
      'Chromium is missing. Install it with: sudo apt-get update && sudo apt-get install -y chromium',
    );
  }
  console.log('Chromium is missing; installing Debian\'s "chromium" package…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
  const installed = findChromium();
  if (!installed) throw new Error('Installing chromium did not put it on PATH.');
  return installed;
}

/** The major version in `chromium --version` output ("Chromium 150.0.7871.45 built on …"). */
export function parseChromiumVersion(output: string): number | null {
  const match = /\b(?:Chromium|Google Chrome)\s+(\d+)\.\d+/.exec(output);
  return match ? Number(match[1]) : null;
}

/** Why this `--version` output is not a supported Chromium, or null when it is. */
export function unsupportedChromium(output: string, path = 'chromium'): string | null {
  const major = parseChromiumVersion(output);
  if (major === null) {
    return `Could not tell the version of ${path} from "${output.trim()}"; Re:amaze Inline needs Chromium ${MINIMUM_CHROMIUM} or newer.`;
  }
  if (major < MINIMUM_CHROMIUM) {
    return `${path} is Chromium ${major}; Re:amaze Inline needs Chromium ${MINIMUM_CHROMIUM} or newer. Upgrade it: sudo apt-get update && sudo apt-get install -y chromium`;
  }
  return null;
}

/** Throws, with what to do, unless `path` runs a supported Chromium. */
export function requireSupportedChromium(path: string): void {
  // Debian's wrapper script prints noise on stderr; the version is the one line on stdout.
  const output = execFileSync(path, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 30_000,
  });
  const problem = unsupportedChromium(output, path);
  if (problem) throw new Error(problem);
}
