import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A recorded API reply from `tests/fixtures/api`, as text: some fixtures are broken on purpose. */
export function fixtureText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/api/${name}`, import.meta.url)), 'utf8');
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

export function reply(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

export function replyWithFixture(name: string, status = 200, headers: Record<string, string> = {}) {
  return reply(fixtureText(name), status, headers);
}

type Responder = (url: string, init: RequestInit) => Response | Promise<Response>;

export interface FetchCall {
  /** Exactly what the client passed, to check encoding. */
  rawUrl: string;
  url: URL;
  init: RequestInit;
  headers: Headers;
}

/**
 * A `fetch` that answers with the given replies in order and records every call. A reply may be a
 * function, to throw or to hang. More calls than replies fail the test.
 */
export function fakeFetch(...replies: Array<Response | Responder>) {
  const calls: FetchCall[] = [];
  const queue = [...replies];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const rawUrl = String(input);
    calls.push({ rawUrl, url: new URL(rawUrl), init, headers: new Headers(init.headers) });
    const next = queue.shift();
    if (!next) throw new Error(`Unexpected extra request to ${rawUrl}`);
    return typeof next === 'function' ? next(rawUrl, init) : next;
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** Never answers; rejects like real fetch when its signal aborts. */
export function hangingReply(): Responder {
  return (_url, init) =>
    new Promise<Response>((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
    });
}

/** Records requested waits and returns at once. */
export function fakeSleep() {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return { sleep, waits };
}
