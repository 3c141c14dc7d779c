// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { createReamazeClient, type ClientOptions } from '@/lib/api/client';
import { createConversationSearch } from '@/lib/lookup/search';
import type { Credentials } from '@/lib/settings/schema';
import { fixtureJson, fixtureText, reply } from '../fake-fetch';
import { english } from '../i18n/locales';

const account = {
  brand: 'northwind',
  email: 'sam@acme.example',
  token: 't0ken',
  marketplaceChannels: {},
};
const conversation = (slug: string) =>
  reply(JSON.stringify({ ...(fixtureJson('conversation-200.json') as object), slug }));

describe('a 429 during a search', () => {
  test('is waited out outside the concurrency slots, so the other lookups go on meanwhile', async () => {
    const requested: string[] = [];
    const limited = new Set(['1', '2', '3', '4']);
    const endWaits: (() => void)[] = [];
    const waits: number[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      const ref = new URL(String(input)).pathname.split('/').pop()!;
      requested.push(ref);
      if (limited.delete(ref)) {
        return reply('{"error":"Too many requests"}', 429, { 'Retry-After': '3' });
      }
      return conversation(`order-${ref}`);
    };
    const createClient = (credentials: Credentials, options?: ClientOptions) =>
      createReamazeClient(credentials, {
        t: english.t,
        ...options,
        fetch: fetch as typeof globalThis.fetch,
      });
    const search = createConversationSearch({
      t: english.t,
      createClient,
      sleep: (ms) => {
        waits.push(ms);
        return new Promise<void>((resolve) => endWaits.push(resolve));
      },
    });
    const ids = { orderRefs: ['1', '2', '3', '4', '5', '6'], originIds: [], emails: [] };
    const result = search.search(account, ids, { dataKeys: [] });
    // While the first four wait out their 429s, the slots are free for the other two.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requested.slice().sort()).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(waits).toEqual([3000, 3000, 3000, 3000]);
    endWaits.forEach((end) => end());
    const { matches, warnings } = await result;
    expect(matches).toHaveLength(6);
    expect(warnings).toEqual([]);
    expect(requested).toHaveLength(10);
  });

  test('a second 429 is named, not retried again', async () => {
    const fetch = async () => reply('{"error":"Too many requests"}', 429);
    const search = createConversationSearch({
      t: english.t,
      createClient: (credentials, options) =>
        createReamazeClient(credentials, {
          t: english.t,
          ...options,
          fetch: fetch as typeof globalThis.fetch,
        }),
      sleep: async () => undefined,
    });
    const ids = { orderRefs: ['1'], originIds: [], emails: [] };
    await expect(search.search(account, ids, { dataKeys: [] })).rejects.toMatchObject({
      kind: 'rateLimited',
    });
  });
});

describe('a list page with unreadable items', () => {
  test('shows the readable ones and says how many were left out', async () => {
    const fetch = async () => reply(fixtureText('conversations-malformed-items.json'));
    const search = createConversationSearch({
      t: english.t,
      createClient: (credentials, options) =>
        createReamazeClient(credentials, {
          t: english.t,
          ...options,
          fetch: fetch as typeof globalThis.fetch,
        }),
    });
    const ids = { orderRefs: [], originIds: [], emails: ['maya.chen@example.net'] };
    const { matches, warnings } = await search.search(account, ids, { dataKeys: [] });
    expect(matches.length).toBeGreaterThan(0);
    expect(warnings).toEqual(['2 conversations could not be read and are not shown.']);
  });
});
