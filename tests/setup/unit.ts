import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chromeMessages } from '../unit/i18n/locales';

beforeEach(() => {
  fakeBrowser.reset();
});

// Testing Library unmounts automatically only with test globals, which this project does not use.
afterEach(() => {
  cleanup();
});

// The browser's i18n, as the built extension has it: locales/*.yml through @wxt-dev/i18n's build,
// in English (fake-browser leaves getMessage unimplemented).
beforeEach(() => {
  const messages = chromeMessages('en');
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (name: string) => messages[name]?.message ?? '',
  );
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
});
