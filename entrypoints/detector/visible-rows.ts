import type { ListRow } from '@/lib/detection/rows';

/** Rows in view and one screen above and below it ("a screen ahead", either way the agent scrolls). */
export const AHEAD = '100% 0px';
/**
 * Rows coming into view are gathered this long, so one scroll makes one batch. The first view of
 * a page is not held back: the observer's first answer holds every row in view at once.
 */
export const BATCH_MS = 100;
/**
 * A row held back by the lookup budget (a minute's window) is tried again this much later if it
 * is still in view or near it, so the agent need not scroll it away and back to get its count.
 */
export const RETRY_MS = 20_000;

export interface RowTracker {
  /** The list's rows as the page shows them now: new elements are watched, gone ones dropped. */
  track(rows: readonly ListRow[]): void;
  /** The keys of the rows reported on this page so far. */
  seen(): ReadonlySet<string>;
  /**
   * Rows that were not looked up after all (over the budget): reported again when next in view,
   * or after RETRY_MS while they stay there.
   */
  forget(keys: readonly string[]): void;
  /** Another page (an admin's in-page navigation): nothing seen yet. */
  reset(): void;
}

/**
 * Which rows of an order list the agent can see, or is about to: an IntersectionObserver on each
 * row's element, reporting each row once per page, in batches. A 2,000-row list costs what the
 * agent scrolls past, never 2,000 lookups.
 */
export function createRowTracker(options: {
  /** New rows in view or near it, in the order they came; each row once per page. */
  onVisible(rows: ListRow[]): void;
  /** A timer (the content script's lifetime's, so it stops with the script). */
  later(run: () => void, ms: number): unknown;
}): RowTracker {
  const rowOf = new WeakMap<Element, ListRow>();
  let watched = new Set<Element>();
  let seen = new Set<string>();
  let pending = new Map<string, ListRow>();
  let timer = false;

  const flush = () => {
    timer = false;
    if (pending.size === 0) return;
    const batch = [...pending.values()].filter((row) => !seen.has(row.key));
    pending = new Map();
    for (const row of batch) seen.add(row.key);
    if (batch.length > 0) options.onVisible(batch);
  };

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const row = rowOf.get(entry.target);
        if (!row || !entry.isIntersecting || seen.has(row.key)) continue;
        pending.set(row.key, row);
      }
      if (pending.size === 0 || timer) return;
      if (seen.size === 0) return flush();
      timer = true;
      options.later(flush, BATCH_MS);
    },
    { rootMargin: AHEAD },
  );

  return {
    track(rows) {
      const next = new Set<Element>();
      for (const row of rows) {
        next.add(row.element);
        rowOf.set(row.element, row);
        if (!watched.has(row.element)) observer.observe(row.element);
      }
      for (const element of watched) if (!next.has(element)) observer.unobserve(element);
      watched = next;
    },
    seen: () => seen,
    forget(keys) {
      for (const key of keys) seen.delete(key);
      const again = new Set(keys);
      options.later(() => {
        // Observing anew makes the observer report each one's place now: in view, or not.
        for (const element of watched) {
          const key = rowOf.get(element)?.key;
          if (key === undefined || !again.has(key) || seen.has(key)) continue;
          observer.unobserve(element);
          observer.observe(element);
        }
      }, RETRY_MS);
    },
    reset() {
      seen = new Set();
      pending = new Map();
    },
  };
}
