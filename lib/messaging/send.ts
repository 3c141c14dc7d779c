import { browser } from 'wxt/browser';
import {
  protocol,
  resultSchema,
  type MessageType,
  type RequestOf,
  type ResponseOf,
  type Result,
} from './protocol';

/**
 * Sends one protocol message to the background and parses the reply; never throws. Its own
 * failures carry message keys, which ErrorAlert puts in the agent's language (issueText).
 */
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
        message: 'errors.noAnswer',
      },
    };
  }
  const parsed = resultSchema(protocol[type].response).safeParse(reply);
  if (parsed.success) return parsed.data as Result<ResponseOf<T>>;
  return {
    ok: false,
    error: { kind: 'badMessage', message: 'errors.badReply' },
  };
}
