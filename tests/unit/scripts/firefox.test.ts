// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { MINIMUM_FIREFOX, parseFirefoxVersion, unsupportedFirefox } from '@/scripts/firefox';
import wxtConfig from '@/wxt.config';

type ManifestFn = (env: { browser: string; manifestVersion: number }) => {
  browser_specific_settings?: { gecko?: { strict_min_version?: string; id?: string } };
  minimum_chrome_version?: string;
};

describe('supported Firefox', () => {
  test('the oldest supported is Firefox 140, in the scripts and the Firefox manifest alike', () => {
    expect(MINIMUM_FIREFOX).toBe(140);
    const manifest = (wxtConfig.manifest as ManifestFn)({ browser: 'firefox', manifestVersion: 3 });
    expect(manifest.browser_specific_settings?.gecko?.strict_min_version).toBe('140.0');
    expect(manifest.minimum_chrome_version).toBeUndefined();
  });

  test('the Chromium manifest carries no Firefox settings', () => {
    const manifest = (wxtConfig.manifest as ManifestFn)({ browser: 'chrome', manifestVersion: 3 });
    expect(manifest.browser_specific_settings).toBeUndefined();
  });

  test.each([
    ['Mozilla Firefox 153.8.0esr\n', 153],
    ['Mozilla Firefox 140.12.0esr', 140],
    ['firefox: command not found', null],
  ])('reads the major version from %j', (output, major) => {
    expect(parseFirefoxVersion(output)).toBe(major);
  });

  test('an older Firefox is refused with both versions named', () => {
    expect(unsupportedFirefox('Mozilla Firefox 128.14.0esr', '/usr/bin/firefox-esr')).toBe(
      '/usr/bin/firefox-esr is Firefox 128; Re:amaze Inline needs Firefox 140 or newer. Upgrade it: sudo apt-get update && sudo apt-get install -y firefox-esr',
    );
    expect(unsupportedFirefox('Mozilla Firefox 153.8.0esr')).toBeNull();
  });
});
