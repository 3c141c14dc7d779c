// @vitest-environment node
import { describe, expect, test } from 'vitest';
import type { DetectedIds } from '@/lib/detection/schema';
import { DEFAULT_MAX_REQUESTS, planLookups } from '@/lib/lookup/plan';

const none: DetectedIds = { orderRefs: [], originIds: [], emails: [] };
const options = { channels: { amazon: 'amazon-us' }, dataKeys: ['order_number'] };

describe('planLookups: requests', () => {
  test('an order number is a reference lookup plus one custom-data lookup per key', () => {
    const { requests } = planLookups(
      { ...none, orderRefs: ['1042'] },
      { channels: {}, dataKeys: ['order_number', 'shopify_order', 'order_number'] },
    );
    expect(requests).toEqual([
      { kind: 'ref', id: '1042', key: 'ref:1042', reason: { kind: 'order', value: '1042' } },
      {
        kind: 'data',
        dataKey: 'order_number',
        value: '1042',
        key: 'data:order_number=1042',
        reason: { kind: 'customData', key: 'order_number', value: '1042' },
      },
      {
        kind: 'data',
        dataKey: 'shopify_order',
        value: '1042',
        key: 'data:shopify_order=1042',
        reason: { kind: 'customData', key: 'shopify_order', value: '1042' },
      },
    ]);
  });

  test('each marketplace id is looked up in its own channel; one without a channel is skipped', () => {
    const { requests, skipped } = planLookups(
      {
        ...none,
        originIds: [
          { id: '113-1234567-1234567', marketplace: 'amazon' },
          { id: '1234567890', marketplace: 'etsy' },
          { id: '12-34567-89012', marketplace: 'ebay' },
        ],
      },
      { channels: { amazon: 'amazon-us', etsy: 'etsy-shop' }, dataKeys: ['order_number'] },
    );
    expect(requests.map((r) => r.key)).toEqual([
      'origin:amazon-us:113-1234567-1234567',
      'origin:etsy-shop:1234567890',
    ]);
    expect(requests[1]!.reason).toEqual({
      kind: 'marketplace',
      value: '1234567890',
      marketplace: 'etsy',
      channel: 'etsy-shop',
    });
    expect(skipped).toEqual([{ id: '12-34567-89012', reason: 'noChannel', marketplace: 'ebay' }]);
  });

  test('ids are trimmed, blanks dropped, emails compared without case; order refs keep their case', () => {
    const { requests } = planLookups(
      {
        orderRefs: [' BG7228 ', 'BG7228', 'bg7228', ''],
        originIds: [{ id: '  ', marketplace: 'amazon' }],
        emails: [' Dana@Example.net', 'DANA@example.NET ', '   '],
      },
      { channels: { amazon: 'amazon' }, dataKeys: [] },
    );
    expect(requests.map((r) => r.key)).toEqual([
      'for:dana@example.net',
      'ref:BG7228',
      'ref:bg7228',
    ]);
  });

  test('nothing detected plans nothing', () => {
    expect(planLookups(none, { channels: {}, dataKeys: ['order_number'] })).toEqual({
      requests: [],
      skipped: [],
    });
  });
});

describe('planLookups: the bound per page', () => {
  const manyRefs = (n: number) => Array.from({ length: n }, (_, i) => String(1000 + i));

  test(`defaults to ${DEFAULT_MAX_REQUESTS} requests`, () => {
    const { requests, skipped } = planLookups(
      { ...none, orderRefs: manyRefs(30) },
      { channels: {}, dataKeys: [] },
    );
    expect(requests).toHaveLength(DEFAULT_MAX_REQUESTS);
    expect(skipped.map((s) => s.id)).toEqual(manyRefs(30).slice(DEFAULT_MAX_REQUESTS));
  });

  test('an id is searched whole or skipped whole, and each skipped id is reported once', () => {
    const { requests, skipped } = planLookups(
      { ...none, orderRefs: manyRefs(100) },
      { channels: {}, dataKeys: ['order_number'], maxRequests: 25 },
    );
    expect(requests).toHaveLength(24); // 12 order numbers × (reference + custom data)
    expect(new Set(requests.map((r) => r.reason.value))).toEqual(new Set(manyRefs(12)));
    expect(skipped.map((s) => s.id)).toEqual(manyRefs(100).slice(12));
    expect(skipped.every((s) => s.reason === 'tooMany' && s.max === 25)).toBe(true);
  });

  test('emails go first, and a later id that still fits is searched', () => {
    const { requests, skipped } = planLookups(
      {
        orderRefs: ['1001', '1002'],
        originIds: [{ id: '113-1234567-1234567', marketplace: 'amazon' }],
        emails: ['dana@example.net'],
      },
      { channels: { amazon: 'amazon' }, dataKeys: ['order_number', 'order_id'], maxRequests: 5 },
    );
    expect(requests.map((r) => r.key)).toEqual([
      'for:dana@example.net',
      'ref:1001',
      'data:order_number=1001',
      'data:order_id=1001',
      'origin:amazon:113-1234567-1234567',
    ]);
    expect(skipped).toEqual([{ id: '1002', reason: 'tooMany', max: 5 }]);
  });
});

describe('planLookups: each kind', () => {
  test('each id kind becomes its request, de-duplicated', () => {
    const { requests, skipped } = planLookups(
      {
        orderRefs: ['1042', '1042'],
        originIds: [
          { id: '113-1234567-1234567', marketplace: 'amazon' },
          { id: '113-1234567-1234567', marketplace: 'amazon' },
        ],
        emails: ['Maya@Example.net', 'maya@example.net'],
      },
      options,
    );
    expect(requests.map((r) => r.key)).toEqual([
      'for:maya@example.net',
      'ref:1042',
      'data:order_number=1042',
      'origin:amazon-us:113-1234567-1234567',
    ]);
    expect(skipped).toEqual([]);
  });

  test('a marketplace without a channel is skipped and said', () => {
    const { requests, skipped } = planLookups(
      { orderRefs: [], originIds: [{ id: '12-34567-89012', marketplace: 'ebay' }], emails: [] },
      options,
    );
    expect(requests).toEqual([]);
    expect(skipped).toEqual([{ id: '12-34567-89012', reason: 'noChannel', marketplace: 'ebay' }]);
  });

  test('a long order list is bounded', () => {
    const orderRefs = Array.from({ length: 2000 }, (_, i) => String(1000 + i));
    const { requests, skipped } = planLookups(
      { orderRefs, originIds: [], emails: [] },
      { channels: {}, dataKeys: [], maxRequests: 25 },
    );
    expect(requests).toHaveLength(25);
    expect(skipped).toHaveLength(1975);
    expect(skipped[0]).toMatchObject({ reason: 'tooMany', max: 25 });
  });
});
