import { describe, expect, test } from 'vitest';
import { createBudget, LOOKUP_BUDGET } from '@/lib/lookup/budget';
import { budgetStore } from '@/lib/storage/lookup-budget';

describe('the lookup budget', () => {
  test('is 30 requests a minute per tab and 60 per brand', () => {
    expect(LOOKUP_BUDGET).toEqual({ perTab: 30, perBrand: 60, windowMs: 60_000 });
  });

  test('a tab’s minute is its own; the brand’s is shared; the window slides', async () => {
    let time = 0;
    const budget = createBudget({ perTab: 2, perBrand: 3, windowMs: 1000 }, () => time);
    expect(await budget.take('north', 1)).toBe(true);
    expect(await budget.take('north', 1)).toBe(true);
    expect(await budget.take('north', 1)).toBe(false); // the tab's two are spent
    expect(await budget.take('north', 2)).toBe(true);
    expect(await budget.take('north')).toBe(false); // the brand's three are spent
    expect(await budget.take('south')).toBe(true); // another brand, another budget
    time = 1001;
    expect(await budget.take('north', 1)).toBe(true);
  });

  test('a restarted service worker goes on with the minute already spent', async () => {
    const time = 5_000;
    const before = createBudget(LOOKUP_BUDGET, () => time, budgetStore);
    const taken = await Promise.all(Array.from({ length: 31 }, () => before.take('north', 9)));
    expect(taken.filter(Boolean)).toHaveLength(30);
    const after = createBudget(LOOKUP_BUDGET, () => time, budgetStore);
    expect(await after.take('north', 9)).toBe(false);
    expect(await after.take('north', 10)).toBe(true);
  });
});
