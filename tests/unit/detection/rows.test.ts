import { describe, expect, test } from 'vitest';
import { detectPage } from '@/lib/detection';
import { listRows, rowKey } from '@/lib/detection/rows';
import { expected } from '../../fixtures/pages/expected';
import { fixture, html } from './load-fixture';

const lists = Object.entries(expected).filter(
  ([, { detection }]) => detection.kind === 'order-list',
);

describe.each(lists)('%s', (name, { url, detection }) => {
  test('places every id the detector read on its row, in page order', () => {
    const doc = fixture(name);
    const rows = listRows(doc, detectPage(new URL(url), doc));
    const keys = [
      ...detection.orderRefs.map((orderRef) => rowKey({ orderRef })),
      ...detection.originIds.map((originId) => rowKey({ originId })),
    ];
    expect(rows.map((row) => row.key).sort()).toEqual(keys.sort());
    for (const row of rows) {
      const id = 'orderRef' in row.id ? row.id.orderRef : row.id.originId.id;
      const where = `${row.element.textContent} ${row.element.getAttribute('href') ?? ''}`;
      expect(where).toContain(id);
      expect(row.element.closest('body')).not.toBeNull();
    }
    const positions = rows.map((row) => [...doc.querySelectorAll('*')].indexOf(row.element));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

test('lists only: an order page has no rows', () => {
  const doc = html('<main><h1>#1042</h1><a href="/orders/1">#1042</a></main>');
  expect(
    listRows(doc, {
      platform: 'shopify',
      kind: 'order',
      orderRefs: ['1042'],
      originIds: [],
      emails: [],
    }),
  ).toEqual([]);
});

test("an id in another row's link address is not that row's: text wins, then whole path segments", () => {
  const doc = html(`<main><table>
    <tr><td><a href="/orders/99010421">#1300</a></td></tr>
    <tr><td><a href="/orders/55">#1042</a></td></tr>
    <tr><td><a href="/orders/7/view?ref=2001">details</a></td></tr>
  </table></main>`);
  const rows = listRows(doc, {
    platform: 'shopify',
    kind: 'order-list',
    orderRefs: ['1300', '1042', '2001'],
    originIds: [],
    emails: [],
  });
  expect(rows.map((row) => [row.key, row.element.getAttribute('href')])).toEqual([
    ['1300', '/orders/99010421'],
    ['1042', '/orders/55'],
    ['2001', '/orders/7/view?ref=2001'],
  ]);
});
