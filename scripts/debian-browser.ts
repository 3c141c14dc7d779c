// A browser the tests and the demo run from Debian's packages (never a downloaded one): found on
// PATH or at an environment variable's path, installed with apt-get when running as root, and
// refused when older than the extension supports. scripts/chromium.ts and scripts/firefox.ts
// describe the two we use.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface DebianBrowser {
  /** As the messages name it: "Chromium", "Firefox". */
  name: string;
  /** The Debian package: "chromium", "firefox-esr". */
  debianPackage: string;
  /** An explicit binary to use instead of PATH's. */
  pathVariable: string;
  /** The commands looked for on PATH, in order. */
  commands: readonly string[];
  /** The major version in `--version` output, as its first group. */
  version: RegExp;
  minimum: number;
}

export function debianBrowser(browser: DebianBrowser) {
  const { name, debianPackage, minimum } = browser;
  const install = `sudo apt-get update && sudo apt-get install -y ${debianPackage}`;

  /** The variable's path if set and present, else the first of the commands on PATH. */
  function find(): string | null {
    const explicit = process.env[browser.pathVariable];
    if (explicit && existsSync(explicit)) return explicit;
    for (const command of browser.commands) {
      try {
        return execFileSync('which', [command], { encoding: 'utf8' }).trim();
      } catch {
        // not this one
      }
    }
    return null;
  }

  function installIt(): string {
    if (process.getuid?.() !== 0)
      throw new Error(`${name} is missing. Install it with: ${install}`);
    console.log(`${name} is missing; installing Debian's "${debianPackage}" package…`);
    execSync(
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${debianPackage}`,
      { stdio: 'inherit' },
    );
    const installed = find();
    if (!installed) throw new Error(`Installing ${debianPackage} did not put it on PATH.`);
    return installed;
  }

  /** The major version in `--version` output. */
  function parseVersion(output: string): number | null {
    const match = browser.version.exec(output);
    return match ? Number(match[1]) : null;
  }

  /** Why this `--version` output is not a supported version, or null when it is. */
  function unsupported(output: string, path: string): string | null {
    const major = parseVersion(output);
    if (major === null) {
      return `Could not tell the version of ${path} from "${output.trim()}"; Re:amaze Inline needs ${name} ${minimum} or newer.`;
    }
    if (major < minimum) {
      return `${path} is ${name} ${major}; Re:amaze Inline needs ${name} ${minimum} or newer. Upgrade it: ${install}`;
    }
    return null;
  }

  /** Throws, with what to do, unless `path` runs a supported version. */
  function requireSupported(path: string): void {
    // Debian's wrapper scripts print noise on stderr; the version is the one line on stdout.
    const output = execFileSync(path, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 30_000,
    });
    const problem = unsupported(output, path);
    if (problem) throw new Error(problem);
  }

  /** The browser to test with: found, else installed, and supported either way. */
  function ensure(): string {
    const found = find() ?? installIt();
    requireSupported(found);
    return found;
  }

  return { find, ensure, parseVersion, unsupported };
}
