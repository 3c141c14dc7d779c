// Finds Debian's Chromium for the end-to-end tests and the demo (never a downloaded browser);
// `ensureChromium` installs Debian's package when running as root.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

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
  const found = findChromium();
  if (found) return found;
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
