// The background keeps the key that seals API tokens in IndexedDB (lib/storage/token-key.ts).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chromeMessages } from '../unit/i18n/locales';

beforeEach(() => {
  fakeBrowser.reset();
  // Content scripts reach the browser's own API through these globals (lib/messaging/native.ts);
  // stubbed for every test, so a test's vi.unstubAllGlobals() cannot leave the next without them.
  vi.stubGlobal('browser', fakeBrowser);
  vi.stubGlobal('chrome', fakeBrowser);
});

// Testing Library unmounts automatically only with test globals, which this project does not use.
afterEach(() => {
  cleanup();
});

// The browser's i18n, as the built extension has it: locales/*.yml through @wxt-dev/i18n's build,
// in English (fake-browser leaves getMessage unimplemented), with Chrome's positional $1…$9.
beforeEach(() => {
  const messages = chromeMessages('en');
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (name: string, substitutions?: string | string[]) =>
      (messages[name]?.message ?? '').replace(
        /\$(\d)/g,
        (_, n: string) => [substitutions ?? []].flat()[Number(n) - 1] ?? '',
      ),
  );
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
});
