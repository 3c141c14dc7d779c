import type { DetectedIds, OriginId } from '../detection/schema';
import { MAX_ROW_IDS, rowKey } from '../detection/rows';
import type { BrandAccount } from '../settings/schema';
import type { ConversationSearch, SearchOptions } from './search';

/** The rows of an order list to count: order numbers and marketplace order ids. */
export type RowIds = Pick<DetectedIds, 'orderRefs' | 'originIds'>;

/**
 * One row's count, keyed as the content script keys its rows (rowKey); null when it was not
 * looked up now (over the budget, a failure), so the row may be asked again later.
 */
export interface RowCount {
  key: string;
  count: number | null;
}

/**
 * How many conversations each row of an order list has: one search per id, through the one
 * search every lookup takes (its cache, its concurrency bound, the tab's and the brand's budget),
 * so a row already looked up, by the launcher or an earlier batch, costs nothing. Counts only:
 * what goes back to the store page is a number per row, never a conversation.
 */
export async function countRows(
  search: ConversationSearch,
  account: BrandAccount,
  ids: RowIds,
  options: SearchOptions,
): Promise<RowCount[]> {
  const rows: [string, RowIds][] = [
    ...ids.orderRefs.map((orderRef): [string, RowIds] => [
      rowKey({ orderRef }),
      { orderRefs: [orderRef], originIds: [] },
    ]),
    ...ids.originIds.map((originId: OriginId): [string, RowIds] => [
      rowKey({ originId }),
      { orderRefs: [], originIds: [originId] },
    ]),
  ].slice(0, MAX_ROW_IDS);
  return Promise.all(
    rows.map(async ([key, one]) => {
      try {
        const result = await search.search(account, { ...one, emails: [] }, options);
        // A lookup held back by the budget is no "none found": ask again later.
        return { key, count: result.unsearched ? null : result.matches.length };
      } catch {
        return { key, count: null };
      }
    }),
  );
}
