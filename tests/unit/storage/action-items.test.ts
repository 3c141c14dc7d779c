import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activityLog, MAX_CONVERSATIONS, MAX_ENTRIES } from '@/lib/storage/activity';
import { knownTags, MAX_TAGS } from '@/lib/storage/known-tags';

const entry = (at: number) => ({ at, what: `Tag t${at} added`, result: 'done' as const });

describe('activity', () => {
  test('newest first, at most 30 a conversation', async () => {
    const ref = { brand: 'northwind', slug: 'a' };
    for (let at = 1; at <= MAX_ENTRIES + 5; at++) await activityLog.add(ref, entry(at));
    const list = await activityLog.list(ref);
    expect(list).toHaveLength(MAX_ENTRIES);
    expect(list[0]?.at).toBe(MAX_ENTRIES + 5);
  });

  test('the conversations acted on longest ago go beyond 100', async () => {
    await Promise.all(
      Array.from({ length: MAX_CONVERSATIONS + 2 }, (_, i) =>
        activityLog.add({ brand: 'northwind', slug: `c${i}` }, entry(i)),
      ),
    );
    expect(await activityLog.list({ brand: 'northwind', slug: 'c0' })).toEqual([]);
    expect(await activityLog.list({ brand: 'northwind', slug: 'c1' })).toEqual([]);
    expect(await activityLog.list({ brand: 'northwind', slug: 'c2' })).toHaveLength(1);
    const keys = Object.keys(await fakeBrowser.storage.local.get(null));
    expect(keys.filter((key) => key.startsWith('activity:'))).toHaveLength(MAX_CONVERSATIONS);
  });
});

describe('known tags', () => {
  test('per brand, most recent first, a repeat moved up, at most 200', async () => {
    await knownTags.remember('northwind', ['vip', 'rush']);
    await knownTags.remember('southwind', ['other']);
    expect(await knownTags.remember('northwind', ['RUSH', 'new'])).toEqual(['RUSH', 'new', 'vip']);
    await knownTags.remember(
      'northwind',
      Array.from({ length: MAX_TAGS + 10 }, (_, i) => `t${i}`),
    );
    expect(await knownTags.list('northwind')).toHaveLength(MAX_TAGS);
    expect(await knownTags.list('southwind')).toEqual(['other']);
  });
});
