import { afterEach, describe, expect, test, vi } from 'vitest';
import { ask, extensionUrl, onTabCommands, type TabCommandHandlers } from '@/lib/messaging/ask';

type Listener = (
  message: unknown,
  sender: { id?: string },
  sendResponse: (response?: unknown) => void,
) => boolean | undefined;

/** The browser's own runtime API, as Chromium's `chrome` or Firefox's `browser` offers it. */
function nativeRuntime(reply: unknown = { ok: true, data: { count: 2, state: 'ready' } }) {
  const listeners: Listener[] = [];
  return {
    listeners,
    runtime: {
      id: 'our-extension',
      getURL: (path: string) => `chrome-extension://our-extension${path}`,
      sendMessage: vi.fn(async () => reply),
      onMessage: { addListener: (listener: Listener) => listeners.push(listener) },
    },
  };
}

const handlers = (): TabCommandHandlers => ({
  openSidebar: async () => true,
  closeSidebar: () => undefined,
  toggleSidebar: () => undefined,
  redetect: async () => undefined,
  testRule: () => ({ matched: false }) as never,
});

afterEach(() => vi.unstubAllGlobals());

describe('the content script messaging, on the native API', () => {
  test("asks through Chromium's chrome.runtime and answers the reply's data", async () => {
    const { runtime } = nativeRuntime();
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', { runtime });
    await expect(ask('reportDetection', {} as never)).resolves.toEqual({
      count: 2,
      state: 'ready',
    });
    expect(runtime.sendMessage).toHaveBeenCalledWith({ type: 'reportDetection', payload: {} });
    expect(extensionUrl('/sidebar.html')).toBe('chrome-extension://our-extension/sidebar.html');
  });

  test("uses Firefox's browser.runtime where there is one", async () => {
    const firefox = nativeRuntime();
    const chrome = nativeRuntime();
    vi.stubGlobal('browser', { runtime: firefox.runtime });
    vi.stubGlobal('chrome', { runtime: chrome.runtime });
    await ask('pageGone', {});
    expect(firefox.runtime.sendMessage).toHaveBeenCalledOnce();
    expect(chrome.runtime.sendMessage).not.toHaveBeenCalled();
  });

  test('a page element named "browser" is not taken for the API', async () => {
    const chrome = nativeRuntime();
    const element = document.createElement('form');
    element.append(Object.assign(document.createElement('input'), { name: 'runtime' }));
    vi.stubGlobal('browser', element);
    vi.stubGlobal('chrome', { runtime: chrome.runtime });
    await ask('pageGone', {});
    expect(chrome.runtime.sendMessage).toHaveBeenCalledOnce();
  });

  test('a failed or refused message is null, never a throw', async () => {
    const refused = nativeRuntime({ ok: false, error: { kind: 'forbidden', message: 'no' } });
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', { runtime: refused.runtime });
    await expect(ask('pageGone', {})).resolves.toBeNull();
    refused.runtime.sendMessage.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await expect(ask('pageGone', {})).resolves.toBeNull();
  });

  test('answers our background through sendResponse, keeping the channel open', async () => {
    const { runtime, listeners } = nativeRuntime();
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', { runtime });
    onTabCommands(handlers());
    const sendResponse = vi.fn();
    const open = { type: 'openSidebar', payload: {} };
    expect(listeners[0]!(open, { id: 'our-extension' }, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(true));
  });

  test('hears no other sender, and no message that is not a command', () => {
    const { runtime, listeners } = nativeRuntime();
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', { runtime });
    const openSidebar = vi.fn(async () => true);
    onTabCommands({ ...handlers(), openSidebar });
    const sendResponse = vi.fn();
    const open = { type: 'openSidebar', payload: {} };
    expect(listeners[0]!(open, { id: 'another-extension' }, sendResponse)).toBeUndefined();
    expect(listeners[0]!(open, {}, sendResponse)).toBeUndefined();
    for (const type of ['toString', 'hasOwnProperty', 'nothing', 42]) {
      expect(listeners[0]!({ type }, { id: 'our-extension' }, sendResponse)).toBeUndefined();
    }
    expect(listeners[0]!(null, { id: 'our-extension' }, sendResponse)).toBeUndefined();
    expect(openSidebar).not.toHaveBeenCalled();
    expect(sendResponse).not.toHaveBeenCalled();
  });
});
