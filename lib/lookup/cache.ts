/**
 * The background's lookup cache: fresh answers are served without a request, stale ones are
 * served at once and refreshed behind, identical requests in flight are shared, failures are
 * never cached, and the oldest entries go first when it is full.
 */
export interface CacheOptions {
  /** Served as is, without asking again. */
  freshMs: number;
  /** Older than fresh but younger than this: served, marked stale, refreshed once in the background. */
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

  function store(key: string, entry: Entry<T>) {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
  }

  function fetchOnce(key: string, fetcher: () => Promise<T>): Promise<Entry<T>> {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const request = fetcher()
      .then((value) => {
        const entry = { value, fetchedAt: now() };
        store(key, entry);
        return entry;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, request);
    return request;
  }

  return {
    async get(key: string, fetcher: () => Promise<T>, onRefresh?: (value: T) => void): Promise<CacheHit<T>> {
      const entry = entries.get(key);
      const age = entry ? now() - entry.fetchedAt : Infinity;
      if (entry && age <= options.freshMs) {
        store(key, entry);
        return { ...entry, stale: false };
      }
      if (entry && age <= options.maxAgeMs) {
        store(key, entry);
        // A failed refresh keeps the old answer; the next view tries again.
        fetchOnce(key, fetcher).then((fresh) => onRefresh?.(fresh.value), () => undefined);
        return { ...entry, stale: true };
      }
      const fresh = await fetchOnce(key, fetcher);
      return { ...fresh, stale: false };
    },

    invalidate(key: string) {
      entries.delete(key);
    },

    clear() {
      entries.clear();
    },
  };
}
