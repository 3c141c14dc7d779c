/*
 * The browser's own extension API, as content scripts use it: no polyfill (they stay small), the
 * same in both browsers for the parts below.
 */

/** The part of the native `runtime` API the content script uses. */
export interface NativeRuntime {
  id?: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(
      listener: (
        message: unknown,
        sender: { id?: string },
        sendResponse: (response?: unknown) => void,
      ) => boolean | undefined,
    ): void;
  };
}

type Api = { runtime?: NativeRuntime } | undefined;

/**
 * Firefox's `browser` (promises), else Chromium's `chrome` (promises in Manifest V3). `browser`
 * is checked by shape: in Chromium a page element with id="browser" shows through that name.
 */
export function nativeApi(): NonNullable<Api> {
  const { browser, chrome } = globalThis as unknown as { browser?: Api; chrome?: Api };
  return (typeof browser?.runtime?.sendMessage === 'function' ? browser : chrome)!;
}
