import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ListRow } from '@/lib/detection/rows';
import { AHEAD, BATCH_MS, createRowTracker } from '@/entrypoints/detector/visible-rows';
import { stubIntersectionObserver, type FakeIntersectionObserver } from './io-stub';

let observer: () => FakeIntersectionObserver;
beforeEach(() => {
  vi.useFakeTimers();
  observer = stubIntersectionObserver();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function rowsOf(...refs: string[]): ListRow[] {
  return refs.map((orderRef) => {
    const element = document.createElement('a');
    element.textContent = `#${orderRef}`;
    return { id: { orderRef }, key: orderRef, element };
  });
}

function tracker() {
  const batches: string[][] = [];
  const rows = createRowTracker({
    onVisible: (visible) => batches.push(visible.map((row) => row.key)),
    later: (run, ms) => setTimeout(run, ms),
  });
  return { rows, batches };
}

test('watches rows in view and a screen ahead', () => {
  const { rows } = tracker();
  const list = rowsOf('1', '2', '3');
  rows.track(list);
  expect(observer().options.rootMargin).toBe(AHEAD);
  expect(AHEAD).toBe('100% 0px');
  expect([...observer().watched]).toEqual(list.map((row) => row.element));
});

test('rows entering view are reported once, in one batch per burst; the first view at once', () => {
  const { rows, batches } = tracker();
  const [a, b, c, d, e] = rowsOf('1', '2', '3', '4', '5');
  rows.track([a!, b!, c!, d!, e!]);
  observer().enter(a!.element, b!.element); // the observer's first answer: the rows in view
  expect(batches).toEqual([['1', '2']]);
  expect([...rows.seen()]).toEqual(['1', '2']);

  observer().enter(c!.element);
  observer().enter(d!.element);
  expect(batches).toHaveLength(1); // gathered, not sent row by row
  vi.advanceTimersByTime(BATCH_MS);
  expect(batches).toEqual([
    ['1', '2'],
    ['3', '4'],
  ]);

  observer().enter(e!.element);
  vi.advanceTimersByTime(BATCH_MS);
  expect(batches).toEqual([['1', '2'], ['3', '4'], ['5']]);
});

test('rows leaving and coming back, or drawn again as new elements, are not reported again', () => {
  const { rows, batches } = tracker();
  const [a, b] = rowsOf('1', '2');
  rows.track([a!, b!]);
  observer().enter(a!.element, b!.element);
  vi.advanceTimersByTime(BATCH_MS);
  observer().leave(a!.element);
  observer().enter(a!.element);
  vi.advanceTimersByTime(BATCH_MS);
  // The admin renders the list again: same ids, new elements.
  const [a2, b2] = rowsOf('1', '2');
  rows.track([a2!, b2!]);
  expect(observer().watched).toEqual(new Set([a2!.element, b2!.element]));
  observer().enter(a2!.element, b2!.element);
  vi.advanceTimersByTime(BATCH_MS * 10);
  expect(batches).toEqual([['1', '2']]);
});

test('rows out of view are never reported, and rows gone are no longer watched', () => {
  const { rows, batches } = tracker();
  const list = rowsOf(...Array.from({ length: 2000 }, (_, i) => String(1000 + i)));
  rows.track(list);
  observer().enter(...list.slice(0, 20).map((row) => row.element));
  vi.advanceTimersByTime(BATCH_MS);
  expect(batches).toHaveLength(1);
  expect(batches[0]).toHaveLength(20);
  rows.track(list.slice(0, 10));
  expect(observer().watched.size).toBe(10);
});

test('a row not looked up after all (over the budget) is reported when next in view', () => {
  const { rows, batches } = tracker();
  const [a] = rowsOf('1');
  rows.track([a!]);
  observer().enter(a!.element);
  vi.advanceTimersByTime(BATCH_MS);
  rows.forget(['1']);
  observer().leave(a!.element);
  observer().enter(a!.element);
  vi.advanceTimersByTime(BATCH_MS);
  expect(batches).toEqual([['1'], ['1']]);
});

test('another page starts with nothing seen', () => {
  const { rows, batches } = tracker();
  const [a] = rowsOf('1');
  rows.track([a!]);
  observer().enter(a!.element);
  vi.advanceTimersByTime(BATCH_MS);
  rows.reset();
  expect(rows.seen().size).toBe(0);
  observer().enter(a!.element);
  vi.advanceTimersByTime(BATCH_MS);
  expect(batches).toEqual([['1'], ['1']]);
});
