import { describe, expect, test } from 'vitest';
import { describesOneOrder } from '@/lib/actions/new-conversation';

const ids = (orderRefs: string[], origins: string[] = [], emails: string[] = []) => ({
  orderRefs,
  originIds: origins.map((id) => ({ id, marketplace: 'amazon' as const })),
  emails,
});

describe('describesOneOrder', () => {
  test.each([
    ['an order with its customer', ids(['1042'], [], ['maya@example.net']), true],
    ['an Amazon order', ids([], ['113-1234567-1234567']), true],
    ['a customer page with no orders', ids([], [], ['maya@example.net']), true],
    ['an order list', ids(['1041', '1042']), false],
    ['two customers', ids(['1042'], [], ['a@example.net', 'b@example.net']), false],
    ['two marketplace orders', ids([], ['113-1', '113-2']), false],
    ['nothing', ids([]), false],
    ['no page', null, false],
  ])('%s: %s', (_, pageIds, expected) => {
    expect(describesOneOrder(pageIds)).toBe(expected);
  });
});
