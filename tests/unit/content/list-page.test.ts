import { contentTextIn } from './content-fakes';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Detection } from '@/lib/detection/schema';
import { ask } from '@/lib/messaging/ask';
import { createListPage } from '@/entrypoints/detector/list-page';
import { BATCH_MS, RETRY_MS } from '@/entrypoints/detector/visible-rows';
import { stubIntersectionObserver, type FakeIntersectionObserver } from './io-stub';

vi.mock('@/lib/messaging/ask', () => ({ ask: vi.fn() }));
const asked = vi.mocked(ask);

const REFS = Array.from({ length: 60 }, (_, i) => String(1001 + i));
const LIST: Detection = {
  platform: 'shopify',
  kind: 'order-list',
  orderRefs: REFS,
  originIds: [],
  emails: [],
};

let observer: () => FakeIntersectionObserver;
beforeEach(() => {
  vi.useFakeTimers();
  observer = stubIntersectionObserver();
  document.body.innerHTML = `<main><table><tbody>${REFS.map(
    (ref, i) => `<tr><td><a href="/orders/${9000 + i}">#${ref}</a></td></tr>`,
  ).join('')}</tbody></table></main>`;
  asked.mockReset();
  asked.mockImplementation(async (type, payload) => {
    if (type !== 'rowCounts') return null;
    const { orderRefs } = payload as { orderRefs: string[] };
    // #1001 has two conversations; #1003 was held back by the budget; the rest have none.
    return {
      counts: orderRefs.map((key) => ({
        key,
        count: key === '1001' ? 2 : key === '1003' ? null : 0,
      })),
    };
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const link = (ref: string) =>
  [...document.querySelectorAll('a')].find((a) => a.textContent === `#${ref}`)!;

function page() {
  const seen = vi.fn();
  const opened: string[] = [];
  const list = createListPage({
    text: contentTextIn('en'),
    later: (run, ms) => setTimeout(run, ms),
    onSeen: seen,
    onOpen: (row) => opened.push(row.key),
  });
  return { list, seen, opened };
}

test('the launcher reports only the rows seen, and more as the agent scrolls', async () => {
  const { list, seen } = page();
  const first = list.update(LIST);
  expect(first.report.orderRefs).toEqual([]);
  expect(observer().watched.size).toBe(60);

  observer().enter(...REFS.slice(0, 30).map(link));
  await vi.advanceTimersByTimeAsync(BATCH_MS);
  expect(seen).toHaveBeenCalledTimes(1);
  // One message per 25 rows: 30 rows coming into view make two.
  const counted = asked.mock.calls.filter(([type]) => type === 'rowCounts');
  expect(counted.map(([, ids]) => (ids as { orderRefs: string[] }).orderRefs)).toEqual([
    REFS.slice(0, 25),
    REFS.slice(25, 30),
  ]);
  const second = list.update(LIST);
  expect(second.report.orderRefs).toEqual(REFS.slice(0, 30).filter((ref) => ref !== '1003'));
  expect(second.report.orderRefs).not.toContain('1060');

  observer().enter(link('1060'));
  await vi.advanceTimersByTimeAsync(BATCH_MS);
  const third = list.update(LIST);
  expect(third.report.orderRefs).toContain('1060');
  expect(third.grown).toBe(true);
});

test('rows with conversations get a chip; a row held back by the budget is asked again when next in view', async () => {
  const { list } = page();
  list.update(LIST);
  observer().enter(link('1001'), link('1002'), link('1003'));
  await vi.advanceTimersByTimeAsync(BATCH_MS);
  expect(document.querySelectorAll('reamaze-inline-chip')).toHaveLength(1);
  expect(link('1001').nextElementSibling?.tagName).toBe('REAMAZE-INLINE-CHIP');

  observer().leave(link('1003'));
  observer().enter(link('1001'), link('1003'));
  await vi.advanceTimersByTimeAsync(BATCH_MS);
  const counted = asked.mock.calls.filter(([type]) => type === 'rowCounts');
  expect(counted.map(([, ids]) => (ids as { orderRefs: string[] }).orderRefs)).toEqual([
    ['1001', '1002', '1003'],
    ['1003'],
  ]);
});

test('a row held back by the budget is asked again while it stays in view, and only it', async () => {
  const { list } = page();
  list.update(LIST);
  observer().enter(link('1001'), link('1002'), link('1003'));
  await vi.advanceTimersByTimeAsync(BATCH_MS);
  const rowCounts = () =>
    asked.mock.calls
      .filter(([type]) => type === 'rowCounts')
      .map(([, ids]) => (ids as { orderRefs: string[] }).orderRefs);
  expect(rowCounts()).toEqual([['1001', '1002', '1003']]);

  await vi.advanceTimersByTimeAsync(RETRY_MS - 1);
  expect(rowCounts()).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1 + BATCH_MS);
  expect(rowCounts()).toEqual([['1001', '1002', '1003'], ['1003']]);
});

test('a held-back row the agent scrolled away from is not asked again until it is back', async () => {
  const { list } = page();
  list.update(LIST);
  observer().enter(link('1003'));
  await vi.advanceTimersByTimeAsync(BATCH_MS);
  observer().leave(link('1003'));
  await vi.advanceTimersByTimeAsync(RETRY_MS + BATCH_MS);
  const counted = asked.mock.calls.filter(([type]) => type === 'rowCounts');
  expect(counted).toHaveLength(1);
});

test('another kind of page is reported as found, with no rows watched', () => {
  const { list } = page();
  const order: Detection = { ...LIST, kind: 'order', orderRefs: ['1001'] };
  expect(list.update(order)).toEqual({ report: order, grown: false });
  expect(observer().watched.size).toBe(0);
});
