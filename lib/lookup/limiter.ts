/**
 * At most `concurrency` tasks run at once; the rest wait their turn in order. Re:amaze limits
 * requests per token, so a page with many ids must not open them all at once.
 */
export function createLimiter(concurrency: number) {
  let running = 0;
  const waiting: (() => void)[] = [];

  async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  }

  return { run };
}
