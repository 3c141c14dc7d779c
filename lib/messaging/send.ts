import { browser } from 'wxt/browser';
import {
  protocol,
  resultSchema,
  type MessageType,
  type RequestOf,
  type ResponseOf,
  type Result,
} from './protocol';

/** Sends one protocol message to the background and parses the reply; never throws. */
export async function send<T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
): Promise<Result<ResponseOf<T>>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage({ type, payload });
  } catch {
    return {
      ok: false,
      error: {
        kind: 'internal',
        message: "The extension's background did not answer. Reload the extension and try again.",
      },
    };
  }
  const parsed = resultSchema(protocol[type].response).safeParse(reply);
  if (parsed.success) return parsed.data as Result<ResponseOf<T>>;
  return {
    ok: false,
    error: { kind: 'badMessage', message: 'The extension sent a reply this page could not read.' },
  };
}
