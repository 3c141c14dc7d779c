import type {
  MessageType,
  RequestOf,
  ResponseOf,
  Result,
  TabCommand,
  TabCommands,
} from './protocol';
import { nativeApi, type NativeRuntime } from './native';

/**
 * The content script's messaging, on the browser's own API: no polyfill (the content script
 * stays small), and the protocol's types only (they are type imports, so no zod reaches the
 * bundle). Extension pages use send.ts.
 */

function runtime(): NativeRuntime {
  return nativeApi().runtime!;
}

/** Whether the extension is still there: a reloaded, updated or removed one leaves no runtime id. */
export function extensionAlive(): boolean {
  try {
    return Boolean(runtime().id);
  } catch {
    return false;
  }
}

/** An extension file's URL (in the content script's own world). */
export function extensionUrl(path: string): string {
  return runtime().getURL(path);
}

/**
 * Messages the background, typed by the protocol; a failure is just null: the launcher stays
 * away rather than breaking the store page.
 */
export async function ask<T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T> | null> {
  try {
    const reply = (await runtime().sendMessage({ type, payload })) as
      Result<ResponseOf<T>> | undefined;
    return reply?.ok ? reply.data : null;
  } catch {
    return null;
  }
}

/** One handler per command the background may send a tab (TabCommands in the protocol). */
export type TabCommandHandlers = {
  [T in keyof TabCommands]: (payload: TabCommands[T]['request']) => TabCommands[T]['response'];
};

/**
 * Answers the background's commands. Only our own background is heard (pages cannot reach this
 * listener at all); anything that is not a command gets no answer.
 */
export function onTabCommands(handlers: TabCommandHandlers): void {
  const api = runtime();
  api.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== api.id) return undefined;
    const { type, payload } = (message ?? {}) as TabCommand;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handle = handlers[type] as (payload: unknown) => unknown;
    // The native API answers through sendResponse; true keeps the channel open until it does.
    Promise.resolve()
      .then(() => handle(payload))
      .then(sendResponse, () => sendResponse(undefined));
    return true;
  });
}
