import { storage } from '#imports';
import { parseRecentLookups, rememberLookup, type RecentLookup } from '../lookup/recent';

/**
 * The popup's recent searches: queries only, never results, so the popup keeps them itself.
 * Version 1, with no migration yet.
 */
const recentItem = storage.defineItem<unknown>('local:recentLookups', { fallback: [], version: 1 });

async function list(): Promise<RecentLookup[]> {
  return parseRecentLookups(await recentItem.getValue());
}

export const recentLookups = {
  list,
  /** Puts a query first and returns the new list. */
  async remember(query: string, at = Date.now()): Promise<RecentLookup[]> {
    const next = rememberLookup(await list(), query, at);
    await recentItem.setValue(next);
    return next;
  },
};
