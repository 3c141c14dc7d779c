// @vitest-environment node
import { describe, expect, test, vi } from 'vitest';
import { createReamazeClient, type ClientOptions } from '@/lib/api/client';
import type { Detection } from '@/lib/detection/schema';
import { createBudget } from '@/lib/lookup/budget';
import { createConversationSearch } from '@/lib/lookup/search';
import { createTabConversations } from '@/lib/lookup/tabs';
import type { Credentials } from '@/lib/settings/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { tabState } from '@/lib/storage/tab-state';
import { fixtureJson, reply } from '../fake-fetch';
import { english } from '../i18n/locales';

const SHOP = 'https://admin.shopify.com/store/northwind-goods/orders/5523819086117';
const settings = {
  ...DEFAULT_SETTINGS,
  brands: [
    { brand: 'northwind', email: 'sam@acme.example', token: 't0ken', marketplaceChannels: {} },
  ],
};
const order = (...orderRefs: string[]): Detection => ({
  platform: 'shopify',
  kind: 'order',
  orderRefs,
  originIds: [],
  emails: [],
});
const conversation = (slug: string) =>
  reply(JSON.stringify({ ...(fixtureJson('conversation-200.json') as object), slug }));

/**
 * One background "life": a service worker's memory (search cache, in-flight lookups) over the
 * shared session storage. A second life over the same storage is the worker after a restart.
 */
function life(
  answer: (url: URL) => Response | Promise<Response>,
  options: { now?: () => number; budget?: ReturnType<typeof createBudget> } = {},
) {
  const requests: URL[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    requests.push(url);
    return answer(url);
  };
  const createClient = (credentials: Credentials, clientOptions?: ClientOptions) =>
    createReamazeClient(credentials, {
      t: english.t,
      ...clientOptions,
      fetch: fetch as typeof globalThis.fetch,
    });
  const search = createConversationSearch({
    t: english.t,
    createClient,
    now: options.now,
    budget: options.budget,
    sleep: async () => undefined,
  });
  const badges: [number, number | null][] = [];
  const redetect = vi.fn(async () => undefined);
  const tabs = createTabConversations({
    t: english.t,
    loadSettings: async () => settings,
    search,
    store: tabState,
    sitePrefs: {
      get: async () => ({ autoOpen: false, width: 380 }),
      update: async () => undefined,
    },
    setBadge: (tabId, count) => badges.push([tabId, count]),
    contentText: { messages: { 'content.panel': 'Re:amaze conversations' }, language: 'en' },
    redetect,
    now: options.now,
  });
  return { tabs, requests, badges, redetect };
}

test('a detector’s config carries its words, so the store page never reads the catalogue', async () => {
  const { tabs } = life(() => conversation('order-1042'));
  const config = await tabs.contentConfig(7, { origin: new URL(SHOP).origin, url: SHOP });
  expect(config.text).toEqual({
    messages: { 'content.panel': 'Re:amaze conversations' },
    language: 'en',
  });
});

describe('a tab’s conversations outlive the service worker', () => {
  test('after a restart the sidebar shows the page’s conversations without asking again', async () => {
    const before = life(() => conversation('order-1042'));
    expect(await before.tabs.report(7, SHOP, order('1042'))).toEqual({ count: 1, state: 'ready' });
    expect(before.requests).toHaveLength(1);

    const after = life(() => {
      throw new Error('no request expected');
    });
    const shown = await after.tabs.forTab(7);
    expect(shown).toMatchObject({ state: 'ready', source: 'page', searched: ['order #1042'] });
    expect(shown.matches.map((m) => m.slug)).toEqual(['order-1042']);
    expect(after.requests).toHaveLength(0);
    expect(await after.tabs.urlOf(7)).toBe(SHOP);
  });

  test('a right-click search survives a restart too', async () => {
    const before = life(() => conversation('searched'));
    await before.tabs.searchIn(8, SHOP, 'ABCDEF', {
      orderRefs: [],
      originIds: [],
      emails: [],
      references: ['ABCDEF'],
    });
    await vi.waitFor(async () => expect((await tabState.get(8))?.search?.result).toBeDefined());
    const after = life(() => {
      throw new Error('no request expected');
    });
    expect(await after.tabs.forTab(8)).toMatchObject({ source: 'search', query: 'ABCDEF' });
  });

  test('a tab with nothing on record asks its page to report again', async () => {
    const { tabs, redetect } = life(() => conversation('x'));
    expect((await tabs.forTab(9)).state).toBe('none');
    expect(redetect).toHaveBeenCalledWith(9);
  });
});

describe('failures and age', () => {
  test('a failure is never served again: reloading the page asks Re:amaze again', async () => {
    let fail = true;
    const { tabs, requests } = life(() =>
      fail ? reply('{"error":"unavailable"}', 503) : conversation('back'),
    );
    expect(await tabs.report(3, SHOP, order('1042'))).toEqual({ count: 0, state: 'error' });
    fail = false;
    await tabs.forget(3); // the reload
    expect(await tabs.report(3, SHOP, order('1042'))).toEqual({ count: 1, state: 'ready' });
    expect(requests).toHaveLength(2);
  });

  test('the same page reporting again after a failure asks again too', async () => {
    let fail = true;
    const { tabs, requests } = life(() =>
      fail ? reply('{"error":"unavailable"}', 503) : conversation('back'),
    );
    await tabs.report(3, SHOP, order('1042'));
    fail = false;
    expect((await tabs.forTab(3)).matches).toHaveLength(1);
    expect(requests).toHaveLength(2);
  });

  test('a kept answer shows while fresh, shows marked stale while refreshed, and past its maximum age is asked again first', async () => {
    let time = 1_000_000;
    const now = () => time;
    await life(() => conversation('v1'), { now }).tabs.report(4, SHOP, order('1042'));

    time += 30_000; // fresh: no request
    const fresh = life(() => conversation('v2'), { now });
    expect((await fresh.tabs.forTab(4)).matches[0]?.slug).toBe('v1');
    expect(fresh.requests).toHaveLength(0);

    time += 120_000; // stale: shown at once, refreshed behind
    const stale = life(() => conversation('v2'), { now });
    const shown = await stale.tabs.forTab(4);
    expect(shown).toMatchObject({ stale: true, matches: [{ slug: 'v1' }] });
    await vi.waitFor(async () =>
      expect((await tabState.get(4))?.page?.result?.matches[0]?.slug).toBe('v2'),
    );

    time += 31 * 60_000; // past the maximum age: asked again before answering
    const old = life(() => conversation('v3'), { now });
    expect((await old.tabs.forTab(4)).matches[0]?.slug).toBe('v3');
  });
});

describe('navigation', () => {
  test('a tab that loads another document forgets what it showed', async () => {
    const { tabs } = life(() => conversation('x'));
    await tabs.report(5, SHOP, order('1042'));
    await tabs.forget(5);
    expect(await tabState.get(5)).toBeUndefined();
    expect((await tabs.forTab(5)).state).toBe('none');
  });

  test('its lookups still waiting for a slot are dropped', async () => {
    const release: (() => void)[] = [];
    const { tabs, requests } = life(
      () => new Promise<Response>((resolve) => release.push(() => resolve(conversation('x')))),
    );
    // Six order numbers: two requests each would be twelve, four run at once, the rest wait.
    const refs = ['1', '2', '3', '4', '5', '6'];
    const reported = tabs.report(6, SHOP, order(...refs));
    await vi.waitFor(() => expect(requests).toHaveLength(4));
    await tabs.forget(6);
    release.splice(0).forEach((answer) => answer());
    await reported;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests).toHaveLength(4);
  });
});

describe('the lookup budget', () => {
  test('a page that keeps adding ids is held to 30 requests a minute, and says which ids wait', async () => {
    const time = 5_000_000;
    const budget = createBudget(undefined, () => time);
    const { tabs, requests } = life(() => reply('{"error":"Not found"}', 404), {
      now: () => time,
      budget,
    });
    const page = (n: number) => Array.from({ length: 20 }, (_, i) => String(1000 + n * 20 + i));
    await tabs.report(11, `${SHOP}?page=0`, order(...page(0)));
    await tabs.report(11, `${SHOP}?page=1`, order(...page(1)));
    expect(requests).toHaveLength(30);
    const shown = await tabs.forTab(11);
    expect(shown.warnings).toEqual([
      `Not searched now: ${page(1).slice(10).join(', ')}. Re:amaze Inline makes at most 30 lookups a minute from this page, so your API token keeps its rate limit; refresh in a minute.`,
    ]);
    // A page whose every lookup is held back says so instead of "no conversations".
    expect(await tabs.report(11, `${SHOP}?page=2`, order(...page(2)))).toEqual({
      count: 0,
      state: 'error',
    });
    await expect(tabs.forTab(11)).rejects.toMatchObject({ kind: 'overBudget' });
    expect(requests).toHaveLength(30);
  });

  test('all brands’ entry points share 60 requests a minute', async () => {
    const budget = createBudget(undefined, () => 0);
    const { tabs, requests } = life(() => reply('{"error":"Not found"}', 404), { budget });
    for (let tab = 20; tab < 25; tab++) {
      const refs = Array.from({ length: 20 }, (_, i) => String(tab * 100 + i));
      await tabs.report(tab, SHOP, order(...refs));
    }
    expect(requests).toHaveLength(60);
  });
});

describe('the customer’s name an order page prints', () => {
  const named = (customerName: string, ...refs: string[]): Detection => ({
    ...order(...refs),
    customerName,
  });

  test('is kept beside the ids: a page reporting only another name asks Re:amaze nothing', async () => {
    const { tabs, requests } = life(() => conversation('order-1042'));
    await tabs.report(12, SHOP, named('Nora Lindqvist', '1042'));
    expect(requests).toHaveLength(1);
    const key = (await tabState.get(12))?.page?.key;
    expect((await tabs.shown(12))?.customerName).toBe('Nora Lindqvist');

    expect(await tabs.report(12, SHOP, named('Nora L. Lindqvist', '1042'))).toEqual({
      count: 1,
      state: 'ready',
    });
    expect(requests).toHaveLength(1);
    // After a restart too: the name is in neither the stored key nor the search cache's.
    const after = life(() => {
      throw new Error('no request expected');
    });
    expect(await after.tabs.report(12, SHOP, named('Nora Lindqvist', '1042'))).toEqual({
      count: 1,
      state: 'ready',
    });
    expect(after.requests).toHaveLength(0);
    const page = (await tabState.get(12))?.page;
    expect(page?.key).toBe(key);
    expect(page?.ids).toEqual({ orderRefs: ['1042'], originIds: [], emails: [] });
    expect(page?.result?.matches.map((m) => m.slug)).toEqual(['order-1042']);
    expect((await after.tabs.shown(12))?.customerName).toBe('Nora Lindqvist');
  });

  test('a report while the first lookup is under way joins it', async () => {
    const release: (() => void)[] = [];
    const { tabs, requests } = life(
      () => new Promise<Response>((resolve) => release.push(() => resolve(conversation('x')))),
    );
    const first = tabs.report(13, SHOP, named('Nora Lindqvist', '1042'));
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    const second = tabs.report(13, SHOP, named('Ava Lindqvist', '1042'));
    release.splice(0).forEach((answer) => answer());
    expect(await Promise.all([first, second])).toEqual([
      { count: 1, state: 'ready' },
      { count: 1, state: 'ready' },
    ]);
    expect(requests).toHaveLength(1);
    expect((await tabs.shown(13))?.customerName).toBe('Ava Lindqvist');
  });

  test('follows the latest report, survives a cache clear, and is not offered for a search', async () => {
    const { tabs } = life(() => conversation('x'));
    await tabs.report(14, SHOP, named('Nora Lindqvist', '1042'));
    await tabs.clearCache();
    expect((await tabs.shown(14))?.customerName).toBe('Nora Lindqvist');

    await tabs.report(14, SHOP, order('1042'));
    expect((await tabs.shown(14))?.customerName).toBeNull();

    await tabs.report(14, SHOP, named('Nora Lindqvist', '1042'));
    await tabs.searchIn(14, SHOP, 'ava@example.org', {
      orderRefs: [],
      originIds: [],
      emails: ['ava@example.org'],
    });
    expect((await tabs.shown(14))?.customerName).toBeNull();
  });

  test('is kept for order pages only', async () => {
    const { tabs } = life(() => conversation('x'));
    await tabs.report(15, SHOP, { ...named('Nora Lindqvist', '1042'), kind: 'order-list' });
    expect((await tabs.shown(15))?.customerName).toBeNull();
  });
});
