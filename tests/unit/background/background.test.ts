import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background/index';

/** The sender fields Chromium stamps; the fake's type predates `origin`. */
type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];

/** APIs the fake browser does not implement; the background only registers listeners on them. */
function stubListeners() {
  for (const event of [
    fakeBrowser.commands.onCommand,
    fakeBrowser.permissions.onAdded,
    fakeBrowser.permissions.onRemoved,
  ]) {
    vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
  }
  const listener = () => ({ addListener: vi.fn() });
  Object.assign(fakeBrowser, {
    contextMenus: {
      onClicked: listener(),
      create: vi.fn(),
      removeAll: vi.fn(async () => undefined),
    },
    omnibox: {
      onInputStarted: listener(),
      onInputChanged: listener(),
      onInputEntered: listener(),
      onInputCancelled: listener(),
      setDefaultSuggestion: vi.fn(),
    },
  });
}

describe('background start-up', () => {
  beforeEach(stubListeners);

  test('restricts storage to trusted contexts and answers extension pages', async () => {
    const setAccessLevel = vi.fn(async () => undefined);
    Object.assign(fakeBrowser.storage.local, { setAccessLevel });

    background.main();

    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    const origin = fakeBrowser.runtime.getURL('/').replace(/\/$/, '');
    const [reply] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'getSettings', payload: {} },
      { id: fakeBrowser.runtime.id, origin, url: `${origin}/popup.html` } as Sender,
    );
    expect(reply).toEqual({
      ok: true,
      data: { brands: [], defaultBrand: null, storeBrands: [], dataKeys: [], undoSeconds: 5 },
    });
  });

  test('refuses settings to a content script', async () => {
    background.main();
    const [reply] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'getSettings', payload: {} },
      {
        id: fakeBrowser.runtime.id,
        origin: 'https://admin.shopify.com',
        tab: { id: 4 },
      } as unknown as Sender,
    );
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});

describe('the toolbar popup', () => {
  beforeEach(stubListeners);

  test('opens pre-rendered in the agent’s language, set again at every browser start', async () => {
    const setPopup = vi.fn(async () => undefined);
    Object.assign(fakeBrowser.action, { setPopup });
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('fr-CA');
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // the site sync, not faked

    background.main();
    await fakeBrowser.runtime.onStartup.trigger();

    expect(setPopup).toHaveBeenCalledWith({ popup: 'popup-fr.html' });
  });
});
