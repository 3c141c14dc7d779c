// Debian's Firefox ESR for the Firefox end-to-end tests (scripts/debian-browser.ts).
import { debianBrowser } from './debian-browser';

/**
 * The oldest Firefox the add-on runs on; `strict_min_version` in wxt.config.ts says the same (a
 * unit test keeps them equal): built-in data-collection consent came in 140.
 */
export const MINIMUM_FIREFOX = 140;

const firefox = debianBrowser({
  name: 'Firefox',
  debianPackage: 'firefox-esr',
  pathVariable: 'FIREFOX_PATH',
  commands: ['firefox-esr', 'firefox'],
  version: /\bFirefox\s+(\d+)\.\d+/,
  minimum: MINIMUM_FIREFOX,
});

export const findFirefox = firefox.find;
export const ensureFirefox = firefox.ensure;
/** The major version in `firefox --version` output ("Mozilla Firefox 153.8.0esr"). */
export const parseFirefoxVersion = firefox.parseVersion;
export const unsupportedFirefox = (output: string, path = 'firefox') =>
  firefox.unsupported(output, path);
