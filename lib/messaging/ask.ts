import { browser } from 'wxt/browser';
import type { MessageType, RequestOf, ResponseOf, Result } from './protocol';

/**
 * The content script's way to message the background: the protocol's types, without zod (they
 * are type imports, so nothing of it reaches the bundle), and a failure is just null: the
 * launcher stays away rather than breaking the store page. Extension pages use send.ts.
 */
export async function ask<T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T> | null> {
  try {
    const reply = (await browser.runtime.sendMessage({ type, payload })) as
      Result<ResponseOf<T>> | undefined;
    return reply?.ok ? reply.data : null;
  } catch {
    return null;
  }
}
