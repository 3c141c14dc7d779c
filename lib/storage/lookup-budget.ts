import { storage } from '#imports';
import type { BudgetStore } from '../lookup/budget';

/**
 * What the lookup budget spent in the last minute, in session storage (trusted contexts only), so
 * a service worker restarted after going idle does not start the minute afresh. Version 1.
 */
const spentItem = storage.defineItem<unknown>('session:lookupBudget', { fallback: {}, version: 1 });

export const budgetStore: BudgetStore = {
  get: () => spentItem.getValue(),
  set: (spent) => spentItem.setValue(spent),
};
