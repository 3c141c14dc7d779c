/**
 * At most `concurrency` tasks run at once; the rest wait their turn in order. Re:amaze limits
 * requests per token, so a page with many ids must not open them all at once.
 */
export function createLimiter(concurrency: number) {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number of at least 1, not ${concurrency}`);
  }
  let active = 0;
  const waiting: (() => void)[] = [];

  /** A slot; a waiter whose signal aborts leaves the queue and rejects with its reason. */
  function acquire(signal?: AbortSignal): Promise<void> | undefined {
    signal?.throwIfAborted();
    if (active < concurrency) {
      active++;
      return undefined;
    }
    return new Promise<void>((resolve, reject) => {
      const turn = () => {
        signal?.removeEventListener('abort', leave);
        resolve();
      };
      const leave = () => {
        waiting.splice(waiting.indexOf(turn), 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', leave, { once: true });
      waiting.push(turn);
    });
  }

  function release() {
    const next = waiting.shift();
    // Hand the slot straight to the next waiter: freeing it first would let a newcomer take it
    // in the microtask before the waiter resumes, and both would run.
    if (next) next();
    else active--;
  }

  /** Runs `task` in a slot; aborting `signal` while it waits cancels it (a running task runs on). */
  async function run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await acquire(signal);
    try {
      return await task();
    } finally {
      release();
    }
  }

  return { run };
}
