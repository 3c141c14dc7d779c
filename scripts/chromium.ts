// Debian's Chromium for the end-to-end tests, the demo and the bench (scripts/debian-browser.ts).
import { debianBrowser } from './debian-browser';

/**
 * The oldest Chromium the extension runs on; the manifest's `minimum_chrome_version` in
 * wxt.config.ts says the same (a unit test keeps them equal). The sidebar page must load only at
 * its per-session address (`use_dynamic_url`), enforced in Chromium's 2024 releases, so 130; the
 * rest is older: the syntax the build emits (111), Manifest V3 (88),
 * `scripting.registerContentScripts` with `persistAcrossSessions` (96), `storage.session` and
 * storage access levels (102).
 */
export const MINIMUM_CHROMIUM = 130;

const chromium = debianBrowser({
  name: 'Chromium',
  debianPackage: 'chromium',
  pathVariable: 'CHROMIUM_PATH',
  commands: ['chromium', 'chromium-browser'],
  version: /\b(?:Chromium|Google Chrome)\s+(\d+)\.\d+/,
  minimum: MINIMUM_CHROMIUM,
});

export const findChromium = chromium.find;
export const ensureChromium = chromium.ensure;
/** The major version in `chromium --version` output ("Chromium 150.0.7871.45 built on …"). */
export const parseChromiumVersion = chromium.parseVersion;
export const unsupportedChromium = (output: string, path = 'chromium') =>
  chromium.unsupported(output, path);
