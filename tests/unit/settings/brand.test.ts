import { describe, expect, test } from 'vitest';
import { normalizeBrand } from '@/lib/settings/brand';

describe('normalizeBrand', () => {
  test.each([
    ['northwind', 'northwind'],
    ['  Northwind ', 'northwind'],
    ['northwind.reamaze.io', 'northwind'],
    ['northwind.reamaze.com', 'northwind'],
    ['https://northwind.reamaze.com/admin/conversations/where-is-order-1042', 'northwind'],
    ['https://northwind.reamaze.io/api/v1/conversations', 'northwind'],
    ['NORTH-wind-2.reamaze.io/', 'north-wind-2'],
  ])('%s → %s', (input, brand) => {
    expect(normalizeBrand(input)).toEqual({ ok: true, brand });
  });

  test.each([
    '',
    '   ',
    'north wind',
    'https://example.com/admin',
    'north_wind',
    '-northwind',
    'a.b',
  ])('refuses %j with a message', (input) => {
    const result = normalizeBrand(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/brand/i);
  });
});
