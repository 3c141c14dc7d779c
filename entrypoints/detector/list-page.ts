import type { ContentText } from '@/lib/i18n/content-text';
import { listRows, MAX_ROW_IDS, rowKey, type ListRow } from '@/lib/detection/rows';
import type { Detection } from '@/lib/detection/schema';
import { ask } from '@/lib/messaging/ask';
import { createRowChips } from './row-chips';
import { createRowTracker } from './visible-rows';

export interface ListPage {
  /**
   * What the launcher reports for the page found: on an order list whose rows it could place,
   * only the rows the agent has seen (in view or a screen ahead) so far; any other page as found.
   * `grown` says the report only added rows to the last one for this list.
   */
  update(found: Detection): { report: Detection; grown: boolean };
  /** Another page (in-page navigation): its rows start unseen, and the chips go. */
  reset(): void;
}

/**
 * An order list's rows as the agent scrolls: rows coming into view are counted in batches
 * (`rowCounts`, within the tab's lookup budget), a row with conversations gets its chip, and the
 * launcher's report grows with the rows seen. Counts only ever reach the page.
 */
export function createListPage(options: {
  later(run: () => void, ms: number): unknown;
  /** More rows were seen: report again. */
  onSeen(): void;
  /** The agent clicked a row's chip. */
  onOpen(row: ListRow): void;
  text: ContentText;
}): ListPage {
  let rows = new Map<string, ListRow>();
  let last: string[] = [];
  const chips = createRowChips({ onOpen: options.onOpen, text: options.text });
  const tracker = createRowTracker({
    later: options.later,
    onVisible(visible) {
      for (let i = 0; i < visible.length; i += MAX_ROW_IDS)
        void count(visible.slice(i, i + MAX_ROW_IDS));
      options.onSeen();
    },
  });

  async function count(batch: ListRow[]) {
    const reply = await ask('rowCounts', {
      orderRefs: batch.flatMap(({ id }) => ('orderRef' in id ? [id.orderRef] : [])),
      originIds: batch.flatMap(({ id }) => ('originId' in id ? [id.originId] : [])),
    });
    if (!reply) return tracker.forget(batch.map((row) => row.key));
    for (const { key, count } of reply.counts) {
      if (count === null) tracker.forget([key]);
      const row = rows.get(key);
      if (row && count !== null) chips.set(row, count);
    }
  }

  return {
    update(found) {
      const placed = listRows(document, found);
      rows = new Map(placed.map((row) => [row.key, row]));
      tracker.track(placed);
      chips.sync(placed);
      // Not a list, or a list whose rows could not be placed: reported as found, as before.
      if (placed.length === 0) {
        last = [];
        return { report: found, grown: false };
      }
      const seen = tracker.seen();
      const report: Detection = {
        ...found,
        orderRefs: found.orderRefs.filter((orderRef) => seen.has(rowKey({ orderRef }))),
        originIds: found.originIds.filter((originId) => seen.has(rowKey({ originId }))),
      };
      const keys = [
        ...report.orderRefs.map((orderRef) => rowKey({ orderRef })),
        ...report.originIds.map((originId) => rowKey({ originId })),
      ];
      const now = new Set(keys);
      const grown = last.length > 0 && keys.length > last.length && last.every((k) => now.has(k));
      last = keys;
      return { report, grown };
    },
    reset() {
      tracker.reset();
      chips.clear();
      last = [];
    },
  };
}
