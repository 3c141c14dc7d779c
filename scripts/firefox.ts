// Finds Debian's Firefox ESR for the Firefox end-to-end tests (never a downloaded browser);
// `ensureFirefox` installs Debian's `firefox-esr` package when running as root, and refuses a
// Firefox older than the add-on's `strict_min_version`.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The oldest Firefox the add-on runs on; `strict_min_version` in wxt.config.ts says the same (a
 * unit test keeps them equal): built-in data-collection consent came in 140.
 */
export const MINIMUM_FIREFOX = 140;

/** `FIREFOX_PATH` if set and present, else `firefox-esr` or `firefox` on PATH. */
export function findFirefox(): string | null {
  if (process.env.FIREFOX_PATH && existsSync(process.env.FIREFOX_PATH))
    return process.env.FIREFOX_PATH;
  for (const name of ['firefox-esr', 'firefox']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // not this one
    }
  }
  return null;
}

export function ensureFirefox(): string {
  const found = findFirefox() ?? installFirefox();
  requireSupportedFirefox(found);
  return found;
}

const INSTALL = 'apt-get update && apt-get install -y firefox-esr';

function installFirefox(): string {
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Firefox is missing. Install it with: sudo ${INSTALL.replace('&& ', '&& sudo ')}`,
    );
  }
  console.log('Firefox is missing; installing Debian\'s "firefox-esr" package…');
  execSync(
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr',
    {
      stdio: 'inherit',
    },
  );
  const installed = findFirefox();
  if (!installed) throw new Error('Installing firefox-esr did not put it on PATH.');
  return installed;
}

/** The major version in `firefox --version` output ("Mozilla Firefox 153.8.0esr"). */
export function parseFirefoxVersion(output: string): number | null {
  const match = /\bFirefox\s+(\d+)\.\d+/.exec(output);
  return match ? Number(match[1]) : null;
}

/** Why this `--version` output is not a supported Firefox, or null when it is. */
export function unsupportedFirefox(output: string, path = 'firefox'): string | null {
  const major = parseFirefoxVersion(output);
  if (major === null) {
    return `Could not tell the version of ${path} from "${output.trim()}"; Re:amaze Inline needs Firefox ${MINIMUM_FIREFOX} or newer.`;
  }
  if (major < MINIMUM_FIREFOX) {
    return `${path} is Firefox ${major}; Re:amaze Inline needs Firefox ${MINIMUM_FIREFOX} or newer. Upgrade it: sudo ${INSTALL.replace('&& ', '&& sudo ')}`;
  }
  return null;
}

/** Throws, with what to do, unless `path` runs a supported Firefox. */
export function requireSupportedFirefox(path: string): void {
  const output = execFileSync(path, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 30_000,
  });
  const problem = unsupportedFirefox(output, path);
  if (problem) throw new Error(problem);
}
