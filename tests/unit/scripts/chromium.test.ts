// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { MINIMUM_CHROMIUM, parseChromiumVersion, unsupportedChromium } from '@/scripts/chromium';
import wxtConfig from '@/wxt.config';

type ManifestFn = (env: { browser: string; manifestVersion: number }) => {
  minimum_chrome_version?: string;
};

describe('supported Chromium', () => {
  test('the oldest supported is Chromium 130, in the scripts, the manifest and the README alike', () => {
    expect(MINIMUM_CHROMIUM).toBe(130);
    const manifest = (wxtConfig.manifest as ManifestFn)({ browser: 'chrome', manifestVersion: 3 });
    expect(manifest.minimum_chrome_version).toBe('130');
    expect(readFileSync('README.md', 'utf8')).toContain('Chromium 130 or newer');
  });

  test.each([
    ['Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)\n', 156],
    ['Chromium 150.0.7871.45 built on Debian GNU/Linux 13 (trixie)', 150],
    ['Google Chrome 120.0.6099.109 ', 120],
    ['chromium: command not found', null],
  ])('reads the major version from %j', (output, major) => {
    expect(parseChromiumVersion(output)).toBe(major);
  });

  test('below the minimum it refuses, naming both versions and the fix; at it, it accepts', () => {
    expect(
      unsupportedChromium('Chromium 110.0.5481.177 built on Debian', '/usr/bin/chromium'),
    ).toBe(
      '/usr/bin/chromium is Chromium 110; Re:amaze Inline needs Chromium 130 or newer. Upgrade it: sudo apt-get update && sudo apt-get install -y chromium',
    );
    expect(unsupportedChromium('Chromium 130.0.6723.58 built on Debian')).toBeNull();
    expect(unsupportedChromium('Chromium 156.0.8078.108 built on Debian')).toBeNull();
    expect(unsupportedChromium('something else')).toMatch(/Could not tell the version/);
  });
});
