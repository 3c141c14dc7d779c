// The background keeps the key that seals API tokens in IndexedDB (lib/storage/token-key.ts).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});

// Testing Library unmounts automatically only with test globals, which this project does not use.
afterEach(() => {
  cleanup();
});
