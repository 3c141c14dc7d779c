import { describe, expect, test } from 'vitest';
import { MAX_RECENT_LOOKUPS, parseRecentLookups, rememberLookup } from '@/lib/lookup/recent';

describe('recent lookups', () => {
  test('newest first, repeats moved to the top, bounded', () => {
    let list = rememberLookup([], 'a', 1);
    list = rememberLookup(list, 'b', 2);
    list = rememberLookup(list, ' A ', 3);
    expect(list).toEqual([
      { query: 'A', at: 3 },
      { query: 'b', at: 2 },
    ]);
    for (let i = 0; i < 20; i++) list = rememberLookup(list, `q${i}`, 10 + i);
    expect(list).toHaveLength(MAX_RECENT_LOOKUPS);
    expect(list[0]!.query).toBe('q19');
  });

  test('damaged stored entries are dropped one by one', () => {
    expect(parseRecentLookups([{ query: 'ok', at: 1 }, { query: 5 }, 'x', null])).toEqual([
      { query: 'ok', at: 1 },
    ]);
    expect(parseRecentLookups('nonsense')).toEqual([]);
  });
});
