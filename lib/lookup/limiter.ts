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

  function acquire(): Promise<void> | undefined {
    if (active < concurrency) {
      active++;
      return undefined;
    }
    return new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release() {
    const next = waiting.shift();
    // Hand the slot straight to the next waiter: freeing it first would let a newcomer take it
    // in the microtask before the waiter resumes, and both would run.
    if (next) next();
    else active--;
  }

  async function run<T>(task: () => Promise<T>): Promise<T> {
    await acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }

  return { run };
}
