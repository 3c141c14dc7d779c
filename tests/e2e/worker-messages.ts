// What the extension's service worker was sent, seen by a listener of the test's own beside the
// extension's (it answers nothing, so the extension's replies are unchanged). Tests that check
// something did NOT happen first wait here for something that did: a content script that ran and
// asked for its configuration, or the answer to a later message.
import type { Worker } from 'playwright-core';
import type { StorePage } from '../../scripts/harness/pages/store-page';

export interface SeenMessage {
  type: string;
  /** The sender's URL, as the browser stamped it. */
  url: string;
  payload: unknown;
}

/** Starts recording (once per worker; later calls keep the listener and the record). */
export async function watchWorkerMessages(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = globalThis as any;
    if (scope.testSeenMessages) return;
    scope.testSeenMessages = [];
    scope.chrome.runtime.onMessage.addListener((message: any, sender: any) => {
      scope.testSeenMessages.push({
        type: String(message?.type),
        url: String(sender?.url ?? ''),
        payload: message?.payload,
      });
    });
  });
}

/** Every message recorded so far whose sender was on `url`. */
export function messagesFrom(worker: Worker, url: string): Promise<SeenMessage[]> {
  return worker.evaluate(
    (from) =>
      ((globalThis as any).testSeenMessages as SeenMessage[]).filter(
        (message) => message.url === from,
      ),
    url,
  );
}

/**
 * Resolves once the extension's content script on `store` has started (it asked for its
 * configuration) and then got the answer to a message sent after everything it sent before: the
 * replies come back in order, so whatever it did with the earlier ones is done by then.
 */
export async function contentScriptSettled(worker: Worker, store: StorePage): Promise<void> {
  const url = store.page.url();
  const deadline = Date.now() + 20_000;
  while (!(await messagesFrom(worker, url)).some((m) => m.type === 'getContentConfig')) {
    if (Date.now() > deadline) throw new Error(`The content script never started on ${url}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const answered = await store.evaluateInContentScript(
    `chrome.runtime.sendMessage({ type: 'getContentConfig', payload: {} }).then((reply) => reply.ok)`,
  );
  if (answered !== true) throw new Error(`The content script on ${url} got no answer.`);
}
