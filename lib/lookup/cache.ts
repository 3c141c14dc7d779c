/**
 * The background's lookup cache: fresh answers are served without a request, stale ones are
 * served at once and refreshed behind, identical requests in flight are shared, failures are
 * never cached, and the least recently used entries go first when it is full.
 */
export interface CacheOptions {
  /** Served as is, without asking again. */
  freshMs: number;
  /** Older than fresh, younger than this: served, marked stale, refreshed once behind. */
  maxAgeMs: number;
  maxEntries: number;
  now?: () => number;
}

export interface CacheHit<T> {
  value: T;
  fetchedAt: number;
  stale: boolean;
}

interface Entry<T> {
  value: T;
  fetchedAt: number;
}

export function createLookupCache<T>(options: CacheOptions) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<T>>(); // insertion order = least recently used first
  const inFlight = new Map<string, Promise<Entry<T>>>();

  function touch(key: string, entry: Entry<T>) {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
  }

  function fetchOnce(key: string, fetcher: () => Promise<T>): Promise<Entry<T>> {
    const pending = inFlight.get(key);
    if (pending) return pending;
    // Through a promise executor, so a fetcher that throws at once is a rejection like any other.
    const request = new Promise<T>((resolve) => resolve(fetcher()))
      .then((value) => {
        const entry = { value, fetchedAt: now() };
        // Invalidated while asking: the answer still goes to whoever waits, not into the cache.
        if (inFlight.get(key) === request) touch(key, entry);
        return entry;
      })
      .finally(() => {
        if (inFlight.get(key) === request) inFlight.delete(key);
      });
    inFlight.set(key, request);
    return request;
  }

  function refreshBehind(key: string, fetcher: () => Promise<T>) {
    // A failed refresh keeps the old answer; the next view tries again.
    fetchOnce(key, fetcher).catch(() => undefined);
  }

  /** Forgets one key, or every key; a request already under way will not write its answer back. */
  function invalidate(key?: string) {
    if (key === undefined) {
      entries.clear();
      inFlight.clear();
    } else {
      entries.delete(key);
      inFlight.delete(key);
    }
  }

  return {
    async get(key: string, fetcher: () => Promise<T>): Promise<CacheHit<T>> {
      const entry = entries.get(key);
      const age = entry ? now() - entry.fetchedAt : Infinity;
      if (entry && age <= options.freshMs) {
        touch(key, entry);
        return { ...entry, stale: false };
      }
      if (entry && age <= options.maxAgeMs) {
        touch(key, entry);
        refreshBehind(key, fetcher);
        return { ...entry, stale: true };
      }
      if (entry) entries.delete(key); // too old to show, even while asking again
      const fresh = await fetchOnce(key, fetcher);
      return { ...fresh, stale: false };
    },

    invalidate,
    clear: () => invalidate(),
  };
}
