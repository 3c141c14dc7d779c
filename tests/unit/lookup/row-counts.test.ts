// @vitest-environment node
import { expect, test } from 'vitest';
import { createReamazeClient, type ClientOptions } from '@/lib/api/client';
import { createBudget } from '@/lib/lookup/budget';
import { countRows } from '@/lib/lookup/row-counts';
import { createConversationSearch } from '@/lib/lookup/search';
import type { Credentials } from '@/lib/settings/schema';
import { fixtureJson, replyWithFixture, reply } from '../fake-fetch';
import { english } from '../i18n/locales';

const account = {
  brand: 'northwind',
  email: 'sam@acme.example',
  token: 't0ken',
  marketplaceChannels: {},
};

/** Order "2" has no conversation; every other order has one of its own. */
function setUp(perTab = 30) {
  const requested: string[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    const ref = new URL(String(input)).pathname.split('/').pop()!;
    requested.push(ref);
    if (ref === '2') return replyWithFixture('error-404.json', 404);
    return reply(
      JSON.stringify({ ...(fixtureJson('conversation-200.json') as object), slug: ref }),
    );
  };
  const search = createConversationSearch({
    t: english.t,
    createClient: (credentials: Credentials, options?: ClientOptions) =>
      createReamazeClient(credentials, {
        t: english.t,
        ...options,
        fetch: fetch as typeof globalThis.fetch,
      }),
    budget: createBudget({ perTab, perBrand: 60, windowMs: 60_000 }),
  });
  return { search, requested };
}

test('a count per row, keyed as the content script keys its rows; none found is 0', async () => {
  const { search } = setUp();
  const counts = await countRows(
    search,
    account,
    { orderRefs: ['1', '2'], originIds: [] },
    { dataKeys: [], tabId: 7 },
  );
  expect(counts).toEqual([
    { key: '1', count: 1 },
    { key: '2', count: 0 },
  ]);
});

test("rows past the tab's budget are not looked up: their count is null, to ask again later", async () => {
  const { search, requested } = setUp(3);
  const counts = await countRows(
    search,
    account,
    { orderRefs: ['1', '3', '4', '5', '6'], originIds: [] },
    { dataKeys: [], tabId: 7 },
  );
  expect(requested).toHaveLength(3);
  expect(counts.filter((row) => row.count === null)).toHaveLength(2);
  expect(counts.filter((row) => row.count === 1)).toHaveLength(3);
});

test('rows already looked up (by the launcher or an earlier batch) come from the cache', async () => {
  const { search, requested } = setUp();
  await search.search(account, { orderRefs: ['1'], originIds: [], emails: [] }, { dataKeys: [] });
  const counts = await countRows(
    search,
    account,
    { orderRefs: ['1', '3'], originIds: [] },
    { dataKeys: [], tabId: 7 },
  );
  expect(counts).toEqual([
    { key: '1', count: 1 },
    { key: '3', count: 1 },
  ]);
  expect(requested).toEqual(['1', '3']);
  await countRows(search, account, { orderRefs: ['1', '3'], originIds: [] }, { dataKeys: [] });
  expect(requested).toEqual(['1', '3']);
});

test('at most 25 rows a message, however many are named', async () => {
  const { search, requested } = setUp();
  const orderRefs = Array.from({ length: 40 }, (_, i) => String(100 + i));
  const counts = await countRows(search, account, { orderRefs, originIds: [] }, { dataKeys: [] });
  expect(counts).toHaveLength(25);
  expect(requested).toHaveLength(25);
});
