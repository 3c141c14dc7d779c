/**
 * How many requests may reach Re:amaze in a sliding minute: per store tab, and per brand for
 * every entry point together (tabs, popup, right-click, omnibox). Re:amaze limits requests per
 * minute per API token, so no page, however hostile, may spend more than its share of it.
 */
export const LOOKUP_BUDGET = { perTab: 30, perBrand: 60, windowMs: 60_000 } as const;

export interface BudgetLimits {
  perTab: number;
  perBrand: number;
  windowMs: number;
}

/** Where the spending is kept, so a restarted service worker does not start the minute afresh. */
export interface BudgetStore {
  get(): Promise<unknown>;
  set(spent: Record<string, number[]>): Promise<void>;
}

export function createBudget(
  limits: BudgetLimits = LOOKUP_BUDGET,
  now: () => number = Date.now,
  store?: BudgetStore,
) {
  let spent: Map<string, number[]> | undefined;
  /** Takes run one after another: each reads and writes the whole spending. */
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Map<string, number[]>> {
    spent ??= new Map(Object.entries(readSpent(await store?.get())));
    return spent;
  }

  function recent(all: Map<string, number[]>, key: string): number[] {
    const since = now() - limits.windowMs;
    const times = (all.get(key) ?? []).filter((time) => time > since);
    if (times.length > 0) all.set(key, times);
    else all.delete(key);
    return times;
  }

  async function take(brand: string, tabId?: number): Promise<boolean> {
    const all = await load();
    const keys = tabId === undefined ? [`brand:${brand}`] : [`brand:${brand}`, `tab:${tabId}`];
    const full = [limits.perBrand, limits.perTab];
    if (keys.some((key, i) => recent(all, key).length >= full[i]!)) return false;
    for (const key of keys) all.set(key, [...(all.get(key) ?? []), now()]);
    await store?.set(Object.fromEntries(all));
    return true;
  }

  return {
    /** Takes one request from the brand's (and the tab's) budget; false when either is spent. */
    take(brand: string, tabId?: number): Promise<boolean> {
      const taken = queue.then(() => take(brand, tabId));
      queue = taken.catch(() => undefined);
      return taken;
    },
  };
}

export type Budget = ReturnType<typeof createBudget>;

/** Stored spending, read leniently: anything unreadable counts as nothing spent. */
function readSpent(raw: unknown): Record<string, number[]> {
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(
    Object.entries(raw).flatMap(([key, times]) =>
      Array.isArray(times) && times.every((time) => typeof time === 'number') ? [[key, times]] : [],
    ),
  );
}
