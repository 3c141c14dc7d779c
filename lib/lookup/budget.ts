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

export function createBudget(limits: BudgetLimits = LOOKUP_BUDGET, now: () => number = Date.now) {
  const spent = new Map<string, number[]>();

  function recent(key: string): number[] {
    const since = now() - limits.windowMs;
    const times = (spent.get(key) ?? []).filter((time) => time > since);
    if (times.length > 0) spent.set(key, times);
    else spent.delete(key);
    return times;
  }

  return {
    /** Takes one request from the brand's (and the tab's) budget; false when either is spent. */
    take(brand: string, tabId?: number): boolean {
      const brandKey = `brand:${brand}`;
      const tabKey = tabId === undefined ? null : `tab:${tabId}`;
      if (recent(brandKey).length >= limits.perBrand) return false;
      if (tabKey && recent(tabKey).length >= limits.perTab) return false;
      const time = now();
      for (const key of tabKey ? [brandKey, tabKey] : [brandKey]) {
        spent.set(key, [...(spent.get(key) ?? []), time]);
      }
      return true;
    },
  };
}

export type Budget = ReturnType<typeof createBudget>;
