import { extensionAlive } from '@/lib/messaging/ask';

/**
 * How long a content script works: until its extension is reloaded, updated or removed, which
 * leaves the script in the page with its runtime gone. It notices at its next timer or event, and
 * everything it set up with the lifetime's `signal` ends then (listeners, observers, the launcher).
 */
export interface Lifetime {
  readonly signal: AbortSignal;
  /** Whether the extension is still there; the first time it is not, the lifetime ends. */
  alive(): boolean;
  /** Runs `run` after `ms`, if the lifetime has not ended by then. */
  later(run: () => void, ms: number): void;
}

export function createLifetime(): Lifetime {
  const controller = new AbortController();
  const alive = () => {
    if (!controller.signal.aborted && !extensionAlive()) controller.abort();
    return !controller.signal.aborted;
  };
  return {
    signal: controller.signal,
    alive,
    later: (run, ms) => void setTimeout(() => alive() && run(), ms),
  };
}
