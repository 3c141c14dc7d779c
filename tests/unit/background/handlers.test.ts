// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/entrypoints/background/handlers';
import { createActionService } from '@/lib/actions/service';
import { createReamazeClient } from '@/lib/api/client';
import { idsOfTerms } from '@/lib/lookup/classify';
import { createConversationSearch } from '@/lib/lookup/search';
import { createLookupService } from '@/lib/lookup/service';
import { createTabConversations } from '@/lib/lookup/tabs';
import type { SenderContext } from '@/lib/messaging/router';
import type { Credentials } from '@/lib/settings/schema';
import { createSettingsService } from '@/lib/settings/service';
import { DEFAULT_SITE_PREFS } from '@/lib/settings/site-prefs';
import { loadSettings, updateSettings } from '@/lib/storage/settings';
import { activityLog } from '@/lib/storage/activity';
import { drafts } from '@/lib/storage/drafts';
import { knownTags } from '@/lib/storage/known-tags';
import { tabState } from '@/lib/storage/tab-state';
import { fakeFetch, fixtureJson, reply, replyWithFixture } from '../fake-fetch';
import { english } from '../i18n/locales';

const page: SenderContext = { senderClass: 'extensionPage' };

const saved = {
  brand: 'northwind',
  email: 'sam@acme.example',
  token: 'saved-token-123',
  marketplaceChannels: {},
};
const southwind = {
  brand: 'southwind',
  email: 'sol@southwind.example',
  token: 'south-token-456',
  marketplaceChannels: {},
};
const staffEmail = 'sam@acme.example';

/** The background's services as its entrypoint wires them, over a fake Re:amaze. */
function handlersWith(...replies: Parameters<typeof fakeFetch>) {
  const fake = fakeFetch(...replies);
  const createClient = (credentials: Credentials) =>
    createReamazeClient(credentials, {
      t: english.t,
      fetch: fake.fetch,
      sleep: async () => undefined,
    });
  const search = createConversationSearch({ t: english.t, createClient });
  const sitePrefs = {
    get: async () => DEFAULT_SITE_PREFS,
    all: async () => ({}),
    update: async () => undefined,
  };
  const tabs = createTabConversations({
    t: english.t,
    loadSettings: async () => (await loadSettings()).settings,
    search,
    store: tabState,
    sitePrefs,
    setBadge: () => undefined,
    contentText: { messages: {}, language: 'en' },
    redetect: async () => undefined,
  });
  const handlers = createHandlers({
    settings: createSettingsService({
      t: english.t,
      createClient,
      onChange: () => tabs.clearCache(),
    }),
    lookups: createLookupService({ t: english.t, createClient, search }),
    tabs,
    actions: createActionService({
      t: english.t,
      createClient,
      loadSettings: async () => (await loadSettings()).settings,
      drafts,
      activity: activityLog,
      knownTags,
      tabs,
    }),
    sitePrefs,
    closeSidebar: async () => undefined,
    testRule: async () => {
      throw new Error('no store tab');
    },
  });
  return { handlers, tabs, calls: fake.calls };
}

/** The sidebar frame the tab's content script framed: its address carries the tab's key. */
async function sidebarFrame(
  handlers: ReturnType<typeof handlersWith>['handlers'],
  tabId: number,
  url: string,
): Promise<SenderContext> {
  const page = { senderClass: 'contentScript' as const, tabId, origin: new URL(url).origin, url };
  const { sidebarKey } = await handlers.getContentConfig({}, page);
  return { senderClass: 'extensionPage', tabId, frameKey: sidebarKey };
}

describe('brand handlers', () => {
  test('getSettings never includes a token', async () => {
    await updateSettings({ brands: [saved] });
    const { handlers } = handlersWith();
    const summary = await handlers.getSettings({}, page);
    expect(summary).toEqual({
      brands: [
        { brand: 'northwind', email: 'sam@acme.example', hasToken: true, marketplaceChannels: {} },
      ],
      defaultBrand: 'northwind',
      storeBrands: [],
      dataKeys: [],
      undoSeconds: 5,
    });
    expect(JSON.stringify(summary)).not.toContain(saved.token);
  });

  test('the undo window is 5 s unsaved, and saving another section never resets a saved one', async () => {
    // Settings stored before the undo window existed.
    await fakeBrowser.storage.local.set({
      settings: {
        brands: [saved],
        defaultBrand: null,
        storeBrands: [],
        dataKeys: [],
        userRules: [],
      },
      settings$: { v: 3 },
    });
    const { handlers } = handlersWith();
    expect((await handlers.getSettings({}, page)).undoSeconds).toBe(5);
    expect((await handlers.saveUndoSeconds({ undoSeconds: 0 }, page)).undoSeconds).toBe(0);
    await handlers.saveDataKeys(['order_number'], page);
    await handlers.saveStoreBrands([], page);
    expect((await loadSettings()).settings.undoSeconds).toBe(0);
    const file = await handlers.exportSettings({}, page);
    expect(file.undoSeconds).toBe(0);
    await handlers.importSettings({ ...file, undoSeconds: undefined }, page);
    expect((await handlers.getSettings({}, page)).undoSeconds).toBe(0);
  });

  test('a brand is tested on save and saved only when the connection works', async () => {
    const { handlers, calls } = handlersWith(
      replyWithFixture('staff-200.json'),
      reply('{"error":"Unauthorized"}', 403),
    );
    const added = await handlers.saveBrand(
      { brand: 'northwind', email: staffEmail, token: 'typed-token' },
      page,
    );
    expect(calls[0]!.headers.get('Authorization')).toBe(
      `Basic ${btoa(`${staffEmail}:typed-token`)}`,
    );
    expect(added.staffName).toBeTruthy();
    expect(added.settings.brands.map((b) => b.brand)).toEqual(['northwind']);

    await expect(
      handlers.saveBrand(
        { brand: 'southwind', email: 'sol@southwind.example', token: 'wrong' },
        page,
      ),
    ).rejects.toMatchObject({ kind: 'unauthorized' });
    expect((await loadSettings()).settings.brands.map((b) => b.brand)).toEqual(['northwind']);
  });

  test('editing with a blank token keeps the saved one', async () => {
    await updateSettings({ brands: [saved] });
    const { handlers, calls } = handlersWith(replyWithFixture('staff-200.json'));
    await handlers.saveBrand(
      { brand: 'northwind', email: 'dana@acme.example', token: '', replaces: 'northwind' },
      page,
    );
    expect(calls[0]!.url.host).toBe('northwind.reamaze.io');
    expect(calls[0]!.headers.get('Authorization')).toBe(
      `Basic ${btoa(`dana@acme.example:${saved.token}`)}`,
    );
    expect((await loadSettings()).settings.brands).toEqual([
      { ...saved, email: 'dana@acme.example' },
    ]);
  });

  test('a rename with its new token carries the brand’s channels, mappings and default', async () => {
    await updateSettings({
      brands: [{ ...saved, marketplaceChannels: { amazon: 'amazon-us' } }],
      storeBrands: [{ store: 'shop.example.com', brand: 'northwind' }],
      defaultBrand: 'northwind',
    });
    const { handlers, calls } = handlersWith(replyWithFixture('staff-200.json'));
    await handlers.saveBrand(
      { brand: 'northwind-eu', email: staffEmail, token: 'eu-token-789', replaces: 'northwind' },
      page,
    );
    expect(calls[0]!.url.host).toBe('northwind-eu.reamaze.io');
    const { settings } = await loadSettings();
    expect(settings.brands).toEqual([
      {
        ...saved,
        brand: 'northwind-eu',
        token: 'eu-token-789',
        marketplaceChannels: { amazon: 'amazon-us' },
      },
    ]);
    expect(settings.storeBrands).toEqual([{ store: 'shop.example.com', brand: 'northwind-eu' }]);
    expect(settings.defaultBrand).toBe('northwind-eu');
  });

  test.each(['saveBrand', 'testConnection'] as const)(
    '%s after a rename with a blank token asks for the token and sends the old one nowhere',
    async (action) => {
      await updateSettings({ brands: [saved] });
      const { handlers, calls } = handlersWith(replyWithFixture('staff-200.json'));
      const input = { brand: 'northwind-eu', email: staffEmail, token: '', replaces: 'northwind' };
      await expect(handlers[action](input, page)).rejects.toMatchObject({
        kind: 'invalidInput',
        fieldErrors: {
          token: [
            'Enter the API token for northwind-eu again: the saved token belongs to northwind ' +
              'and is never sent to another brand.',
          ],
        },
      });
      expect(calls).toHaveLength(0);
      expect((await loadSettings()).settings.brands).toEqual([saved]);
    },
  );

  test('saving without any token names the token field and saves nothing', async () => {
    const { handlers, calls } = handlersWith();
    await expect(
      handlers.saveBrand({ brand: 'northwind', email: staffEmail, token: '' }, page),
    ).rejects.toMatchObject({
      kind: 'invalidInput',
      fieldErrors: { token: [expect.stringMatching(/API token/)] },
    });
    expect(calls).toHaveLength(0);
    expect((await loadSettings()).settings.brands).toEqual([]);
  });

  test('removing a brand removes its store mappings and its default', async () => {
    await updateSettings({
      brands: [saved, southwind],
      defaultBrand: 'southwind',
      storeBrands: [{ store: 'shop.example.com', brand: 'southwind' }],
    });
    const { handlers } = handlersWith();
    const summary = await handlers.removeBrand({ brand: 'southwind' }, page);
    expect(summary).toMatchObject({ defaultBrand: 'northwind', storeBrands: [] });
    expect(summary.brands.map((b) => b.brand)).toEqual(['northwind']);
  });

  test('store mappings are normalised, and each bad row is named', async () => {
    await updateSettings({ brands: [saved, southwind] });
    const { handlers } = handlersWith();
    const summary = await handlers.saveStoreBrands(
      [{ store: 'https://admin.shopify.com/store/SouthWind-Goods/orders', brand: 'southwind' }],
      page,
    );
    expect(summary.storeBrands).toEqual([
      { store: 'admin.shopify.com/store/southwind-goods', brand: 'southwind' },
    ]);
    await expect(
      handlers.saveStoreBrands(
        [
          { store: 'not a store', brand: 'southwind' },
          { store: 'shop.example.com', brand: 'nobody' },
        ],
        page,
      ),
    ).rejects.toMatchObject({
      kind: 'invalidInput',
      fieldErrors: {
        '0.store': [expect.any(String)],
        '1.brand': [expect.stringMatching(/no brand nobody/)],
      },
    });
  });

  test('a duplicate store is named on its own row, even after a bad row', async () => {
    await updateSettings({ brands: [saved] });
    const { handlers } = handlersWith();
    const rows = [
      { store: 'not a store', brand: 'northwind' },
      { store: 'shop.example.com', brand: 'northwind' },
      { store: 'https://shop.example.com/wp-admin', brand: 'northwind' },
    ];
    const error = await handlers.saveStoreBrands(rows, page).catch((e: unknown) => e);
    expect(Object.keys((error as { fieldErrors: object }).fieldErrors)).toEqual([
      '0.store',
      '2.store',
    ]);
  });

  test('custom-data keys save without asking any brand’s API (an imported brand has no token yet)', async () => {
    await updateSettings({ brands: [{ ...saved, token: undefined }] });
    const { handlers, calls } = handlersWith();
    const summary = await handlers.saveDataKeys(['order_number'], page);
    expect(summary.dataKeys).toEqual(['order_number']);
    expect(calls).toHaveLength(0);
  });

  test('a brands section that could not be read survives saving other sections, still named', async () => {
    const damaged = [{ brand: 'north wind', email: 'nope', token: 'saved-token-123' }];
    await fakeBrowser.storage.local.set({
      settings: { brands: damaged, defaultBrand: 'north wind', storeBrands: [], dataKeys: [] },
      settings$: { v: 3 },
    });
    const { handlers, calls } = handlersWith();
    const summary = await handlers.saveDataKeys(['order_number'], page);
    await handlers.saveStoreBrands([], page);
    await handlers.removeBrand({ brand: 'southwind' }, page);

    expect(summary.problem).toMatch(/brands could not be read/);
    expect(summary.dataKeys).toEqual(['order_number']);
    const stored = (await fakeBrowser.storage.local.get('settings')).settings;
    // Kept as it was, but for its token, sealed like every stored token.
    expect(stored).toMatchObject({
      brands: [{ brand: 'north wind', email: 'nope', token: { iv: expect.any(String) } }],
      defaultBrand: 'north wind',
    });
    expect(calls).toHaveLength(0);
  });

  test('adding a brand while store mappings cannot be read keeps them as stored', async () => {
    const unreadable = [{ store: 'not a host!', brand: 'northwind' }];
    await fakeBrowser.storage.local.set({
      settings: { brands: [], storeBrands: unreadable },
      settings$: { v: 3 },
    });
    const { handlers } = handlersWith(replyWithFixture('staff-200.json'));
    const { settings } = await handlers.saveBrand(
      { brand: 'northwind', email: staffEmail, token: 'typed-token' },
      page,
    );
    expect(settings.brands.map((b) => b.brand)).toEqual(['northwind']);
    expect(settings.problem).toMatch(/store-to-brand mappings could not be read/);
    const stored = (await fakeBrowser.storage.local.get('settings')).settings;
    expect(stored).toMatchObject({ storeBrands: unreadable });
  });

  test('testConnection uses the entered values and names the staff user', async () => {
    const { handlers, calls } = handlersWith(replyWithFixture('staff-200.json'));
    const result = await handlers.testConnection(
      { brand: 'northwind', email: 'SAM@acme.example', token: 'typed' },
      page,
    );
    expect(result.brand).toBe('northwind');
    const staff = (fixtureJson('staff-200.json') as { staff: { email: string; name: string }[] })
      .staff;
    expect(result.staffName).toBe(staff.find((s) => s.email === 'sam@acme.example')!.name);
    expect(calls[0]!.url.host).toBe('northwind.reamaze.io');
    expect(calls[0]!.headers.get('Authorization')).toBe(`Basic ${btoa('SAM@acme.example:typed')}`);
  });

  test('testConnection with a blank token tests the saved one', async () => {
    await updateSettings({ brands: [saved] });
    const { handlers, calls } = handlersWith(replyWithFixture('staff-200.json'));
    await handlers.testConnection(
      { brand: 'northwind', email: 'sam@acme.example', token: '' },
      page,
    );
    expect(calls[0]!.headers.get('Authorization')).toBe(
      `Basic ${btoa(`sam@acme.example:${saved.token}`)}`,
    );
  });

  test('a rejected token is an unauthorized error that never holds the token', async () => {
    const { handlers } = handlersWith(reply('{"error":"Unauthorized"}', 403));
    const error = await handlers
      .testConnection(
        { brand: 'northwind', email: 'sam@acme.example', token: 'wrong-token-xyz' },
        page,
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unauthorized' });
    expect(JSON.stringify(error)).not.toContain('wrong-token-xyz');
    expect(String((error as Error).message)).toContain('API token');
  });

  test('an export never holds a token; an imported brand new here needs one', async () => {
    await updateSettings({ brands: [saved, southwind] });
    const { handlers } = handlersWith();
    const file = await handlers.exportSettings({}, page);
    expect(JSON.stringify(file)).not.toMatch(/token-/);
    await updateSettings({ brands: [saved] });
    const { needsToken, settings } = await handlers.importSettings(file, page);
    expect(needsToken).toEqual(['southwind']);
    expect(settings.brands.map((b) => [b.brand, b.hasToken])).toEqual([
      ['northwind', true],
      ['southwind', false],
    ]);
  });
});

describe('lookup handler', () => {
  test('refuses to run before the agent has connected', async () => {
    const { handlers, calls } = handlersWith();
    await expect(handlers.lookup({ query: '1042' }, page)).rejects.toMatchObject({
      kind: 'notConfigured',
    });
    expect(calls).toHaveLength(0);
  });

  test('returns summaries with status names and admin links', async () => {
    await updateSettings({ brands: [saved] });
    const { handlers } = handlersWith(replyWithFixture('conversation-200.json'));
    const result = await handlers.lookup({ query: 'where-is-order-1042' }, page);
    expect(result).toMatchObject({
      brand: 'northwind',
      query: 'where-is-order-1042',
      totalCount: 1,
      conversations: [
        {
          slug: 'where-is-order-1042',
          channel: 'Support',
          assignee: 'Sam Ortega',
          url: 'https://northwind.reamaze.com/admin/conversations/where-is-order-1042',
          lastMessage: { from: 'staff' },
        },
      ],
    });
  });
});

describe('a customer’s history with malformed items', () => {
  test('shows what could be read, with defaults, and says how many were left out', async () => {
    await updateSettings({ brands: [saved] });
    const { handlers } = handlersWith(replyWithFixture('conversations-malformed-items.json'));
    const result = await handlers.lookup({ query: 'dana.whitfield@example.net' }, page);
    const bySlug = new Map(result.conversations.map((c) => [c.slug, c]));
    expect([...bySlug.keys()]).toEqual([
      'where-is-order-1042',
      'return-label-for-order-0977',
      'chat-from-visitor-7731',
      'gift-wrap-for-order-1050',
    ]);
    expect(bySlug.get('where-is-order-1042')?.tags).toEqual([]);
    expect(bySlug.get('return-label-for-order-0977')?.channel).toBeNull();
    expect(bySlug.get('chat-from-visitor-7731')?.customer).toBeNull();
    expect(bySlug.get('gift-wrap-for-order-1050')?.followers).toEqual([]);
    expect(result.warnings).toEqual(['2 conversations could not be read and are not shown.']);
  });
});

describe('a 404 from a conversation list', () => {
  const notFound = () => reply('{"errors":"Not Found"}', 404);
  const unknownBrand =
    'Re:amaze does not know the brand "northwind". Check the brand name in the extension options.';

  test('is a warning beside the other lookups, while a single lookup’s 404 is no match', async () => {
    await updateSettings({ brands: [saved], dataKeys: ['order_number'] });
    // The reference lookup, the custom-data list, then the database-id fallback.
    const { handlers, calls } = handlersWith(notFound(), notFound(), notFound());
    const result = await handlers.lookup({ query: '1042' }, page);
    expect(calls.map((call) => call.url.pathname + call.url.search)).toContain(
      '/api/v1/conversations?filter=all&data[order_number]=1042',
    );
    expect(result.conversations).toEqual([]);
    expect(result.warnings).toEqual([unknownBrand]);
  });

  test('is an error when every lookup was a list and failed', async () => {
    await updateSettings({ brands: [saved] });
    const { handlers } = handlersWith(notFound(), notFound());
    await expect(
      handlers.lookup({ query: 'dana@example.net sol@example.net' }, page),
    ).rejects.toMatchObject({ kind: 'notFound', message: unknownBrand });
  });
});

describe('searches', () => {
  const conversationFor = (slug: string) => {
    const base = fixtureJson('conversation-200.json') as Record<string, unknown>;
    return reply(JSON.stringify({ ...base, slug }));
  };

  test('an Amazon id goes to the origin lookup in the marketplace’s channel, and says so', async () => {
    await updateSettings({ brands: [{ ...saved, marketplaceChannels: { amazon: 'amazon-us' } }] });
    const { handlers, calls } = handlersWith(conversationFor('amz-thread'));
    const result = await handlers.lookup({ query: 'Amazon order 113-1234567-1234567' }, page);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.pathname).toBe('/api/v1/conversations/113-1234567-1234567');
    expect(Object.fromEntries(calls[0]!.url.searchParams)).toEqual({
      id_type: 'origin',
      category: 'amazon-us',
    });
    expect(result.searched).toBe('Amazon order 113-1234567-1234567 in channel amazon-us');
    expect(result.conversations[0]?.reasons).toEqual([
      {
        kind: 'marketplace',
        value: '113-1234567-1234567',
        marketplace: 'amazon',
        channel: 'amazon-us',
      },
    ]);
  });

  test('the chosen brand is searched with its own credentials', async () => {
    await updateSettings({ brands: [saved, southwind] });
    const { handlers, calls } = handlersWith(conversationFor('x'));
    const result = await handlers.lookup({ query: 'ABCDEF', brand: 'southwind' }, page);
    expect(result.brand).toBe('southwind');
    expect(calls[0]!.url.host).toBe('southwind.reamaze.io');
    expect(calls[0]!.headers.get('Authorization')).toBe(
      `Basic ${btoa(`${southwind.email}:${southwind.token}`)}`,
    );
  });

  test('a bare number found nowhere is then tried as a conversation’s database id', async () => {
    await updateSettings({ brands: [saved] });
    const { handlers, calls } = handlersWith(
      reply('{"errors":"Not Found"}', 404),
      conversationFor('by-db-id'),
    );
    const result = await handlers.lookup({ query: '918273' }, page);
    expect(calls.map((call) => call.url.search)).toEqual(['?id_type=ref', '']);
    expect(result.conversations.map((c) => c.slug)).toEqual(['by-db-id']);
  });

  test('text with nothing to search is refused without a request', async () => {
    await updateSettings({ brands: [saved] });
    const { handlers, calls } = handlersWith();
    await expect(handlers.lookup({ query: 'email: nope' }, page)).rejects.toMatchObject({
      kind: 'invalidInput',
    });
    expect(calls).toHaveLength(0);
  });

  test('a store tab uses the brand its store maps to; other stores use the default', async () => {
    await updateSettings({
      brands: [saved, southwind],
      storeBrands: [{ store: 'admin.shopify.com/store/southwind-goods', brand: 'southwind' }],
    });
    const { handlers, tabs, calls } = handlersWith(
      conversationFor('south'),
      conversationFor('north'),
    );
    const detection = {
      platform: 'shopify' as const,
      kind: 'order' as const,
      orderRefs: ['1042'],
      originIds: [],
      emails: [],
    };
    const south = 'https://admin.shopify.com/store/southwind-goods/orders/5523819086117';
    const north = 'https://admin.shopify.com/store/northwind-goods/orders/5523819086117';
    await handlers.reportDetection(detection, {
      senderClass: 'contentScript',
      tabId: 1,
      origin: 'https://admin.shopify.com',
      url: south,
    });
    await handlers.reportDetection(detection, {
      senderClass: 'contentScript',
      tabId: 2,
      origin: 'https://admin.shopify.com',
      url: north,
    });
    expect(calls.map((call) => call.url.host)).toEqual([
      'southwind.reamaze.io',
      'northwind.reamaze.io',
    ]);
    const sidebar = await handlers.getTabConversations({}, await sidebarFrame(handlers, 1, south));
    expect(sidebar).toMatchObject({
      brand: 'southwind',
      source: 'page',
      searched: ['order #1042'],
    });
    // What the omnibox reads to search in the active store tab's brand.
    expect(await tabs.urlOf(1)).toBe(south);
    expect(await tabs.urlOf(99)).toBeUndefined();
  });

  test('a right-click search shows in that tab until the agent goes back to the page', async () => {
    await updateSettings({ brands: [saved] });
    const { handlers, tabs, calls } = handlersWith(
      conversationFor('page-conv'),
      conversationFor('searched-conv'),
    );
    const sender = {
      senderClass: 'contentScript' as const,
      tabId: 3,
      origin: 'https://admin.shopify.com',
      url: 'https://admin.shopify.com/store/a/orders/1',
    };
    await handlers.reportDetection(
      { platform: 'shopify', kind: 'order', orderRefs: ['1042'], originIds: [], emails: [] },
      sender,
    );
    await tabs.searchIn(3, sender.url, 'ABCDEF', idsOfTerms([{ kind: 'reference', id: 'ABCDEF' }]));
    const frame = await sidebarFrame(handlers, 3, sender.url);
    const searched = await handlers.getTabConversations({}, frame);
    expect(searched).toMatchObject({
      source: 'search',
      query: 'ABCDEF',
      hasPage: true,
      searched: ['reference id or slug ABCDEF'],
    });
    expect(searched.matches.map((m) => m.slug)).toEqual(['searched-conv']);
    await handlers.clearSearch({}, frame);
    const back = await handlers.getTabConversations({}, frame);
    expect(back).toMatchObject({ source: 'page', matches: [{ slug: 'page-conv' }] });
    expect(calls).toHaveLength(2);
  });

  test('the popup reads the active tab’s conversations by its id', async () => {
    await updateSettings({ brands: [saved] });
    const { handlers } = handlersWith(conversationFor('page-conv'));
    const sender = {
      senderClass: 'contentScript' as const,
      tabId: 4,
      origin: 'https://admin.shopify.com',
      url: 'https://admin.shopify.com/store/a/orders/1',
    };
    await handlers.reportDetection(
      { platform: 'shopify', kind: 'order', orderRefs: ['1042'], originIds: [], emails: [] },
      sender,
    );
    const fromPopup = await handlers.getTabConversations({ tabId: 4 }, page);
    expect(fromPopup.matches.map((m) => m.slug)).toEqual(['page-conv']);
  });
});

describe('order-list rows', () => {
  const conversationFor = (slug: string) =>
    reply(JSON.stringify({ ...(fixtureJson('conversation-200.json') as object), slug }));

  test('rows are answered with counts only, and a chip shows its order in the sidebar until the agent goes back', async () => {
    await updateSettings({ brands: [saved] });
    const { handlers, calls } = handlersWith(
      conversationFor('order-1042'),
      reply('{"errors":"Not Found"}', 404),
    );
    const sender = {
      senderClass: 'contentScript' as const,
      tabId: 8,
      origin: 'https://admin.shopify.com',
      url: 'https://admin.shopify.com/store/a/orders',
    };
    const counted = await handlers.rowCounts(
      { orderRefs: ['1042', '1043'], originIds: [] },
      sender,
    );
    expect(counted).toEqual({
      counts: [
        { key: '1042', count: 1 },
        { key: '1043', count: 0 },
      ],
    });
    // The launcher's report of the same rows is served from the cache.
    await handlers.reportDetection(
      {
        platform: 'shopify',
        kind: 'order-list',
        orderRefs: ['1042', '1043'],
        originIds: [],
        emails: [],
      },
      sender,
    );
    expect(calls).toHaveLength(2);

    await handlers.showRow({ orderRef: '1042' }, sender);
    const frame = await sidebarFrame(handlers, 8, sender.url);
    const shown = await handlers.getTabConversations({}, frame);
    expect(shown).toMatchObject({ source: 'search', query: '#1042', hasPage: true });
    expect(shown.matches.map((m) => m.slug)).toEqual(['order-1042']);
    await handlers.clearSearch({}, frame);
    expect(await handlers.getTabConversations({}, frame)).toMatchObject({ source: 'page' });
    expect(calls).toHaveLength(2);
  });
});

describe('a right-click search and page changes', () => {
  test('another page in the tab shows its own conversations, not the old search', async () => {
    await updateSettings({ brands: [saved] });
    const conversation = (slug: string) =>
      reply(JSON.stringify({ ...(fixtureJson('conversation-200.json') as object), slug }));
    const { handlers, tabs } = handlersWith(conversation('searched'), conversation('next-page'));
    const first = 'https://admin.shopify.com/store/a/orders/1';
    const frame = await sidebarFrame(handlers, 6, first);
    await tabs.searchIn(6, first, 'ABCDEF', idsOfTerms([{ kind: 'reference', id: 'ABCDEF' }]));
    expect((await handlers.getTabConversations({}, frame)).source).toBe('search');
    const next = {
      senderClass: 'contentScript' as const,
      tabId: 6,
      origin: 'https://admin.shopify.com',
      url: 'https://admin.shopify.com/store/a/orders/2',
    };
    await handlers.reportDetection(
      { platform: 'shopify', kind: 'order', orderRefs: ['1043'], originIds: [], emails: [] },
      next,
    );
    expect(await handlers.getTabConversations({}, frame)).toMatchObject({
      source: 'page',
      matches: [{ slug: 'next-page' }],
    });
  });
});

describe('only the sidebar the tab’s content script framed speaks for the tab', () => {
  test('a frame without the tab’s key, or with another tab’s, gets nothing and changes nothing', async () => {
    await updateSettings({ brands: [saved] });
    const { handlers } = handlersWith(reply(JSON.stringify(fixtureJson('conversation-200.json'))));
    const url = 'https://admin.shopify.com/store/a/orders/1';
    const own = await sidebarFrame(handlers, 7, url);
    const other = await sidebarFrame(handlers, 8, url);
    await handlers.reportDetection(
      { platform: 'shopify', kind: 'order', orderRefs: ['1042'], originIds: [], emails: [] },
      { senderClass: 'contentScript', tabId: 7, origin: 'https://admin.shopify.com', url },
    );
    const strangers: SenderContext[] = [
      { senderClass: 'extensionPage', tabId: 7 },
      { senderClass: 'extensionPage', tabId: 7, frameKey: 'guessed' },
      { ...other, tabId: 7 },
    ];
    for (const stranger of strangers) {
      await expect(handlers.getTabConversations({}, stranger)).rejects.toMatchObject({
        kind: 'forbidden',
      });
      await expect(
        handlers.getThread({ slug: 'where-is-order-1042', brand: 'northwind' }, stranger),
      ).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(handlers.clearSearch({}, stranger)).rejects.toMatchObject({
        kind: 'forbidden',
      });
      await expect(handlers.setAutoOpen({ autoOpen: true }, stranger)).rejects.toMatchObject({
        kind: 'forbidden',
      });
      await expect(handlers.closeSidebar({}, stranger)).rejects.toMatchObject({
        kind: 'forbidden',
      });
      const ref = { brand: 'northwind', slug: 'where-is-order-1042' };
      const draft = {
        body: 'Hello',
        visibility: 'reply' as const,
        suppressNotifications: false,
        suppressAutoresolve: false,
      };
      const refused = [
        () => handlers.getConversationTools(ref, stranger),
        () => handlers.saveDraft({ ...ref, draft }, stranger),
        () => handlers.discardDraft(ref, stranger),
        () => handlers.sendDraft(ref, stranger),
        () =>
          handlers.updateConversation({ ...ref, change: { kind: 'tags', tags: ['x'] } }, stranger),
        () => handlers.getActivity(ref, stranger),
        () => handlers.listStaff({ brand: 'northwind' }, stranger),
        () => handlers.listTemplates({ brand: 'northwind' }, stranger),
        () => handlers.getNewConversationForm({}, stranger),
        () =>
          handlers.createConversation(
            {
              brand: 'northwind',
              subject: 'Order #1042',
              channel: 'support',
              customerEmail: 'maya@example.net',
              customerName: '',
              body: 'Hello',
              data: {},
              suppressNotifications: false,
            },
            stranger,
          ),
      ];
      for (const act of refused) await expect(act()).rejects.toMatchObject({ kind: 'forbidden' });
      expect(await drafts.get(ref)).toBeUndefined();
    }
    expect((await handlers.getTabConversations({}, own)).matches).toHaveLength(1);
    const ref = { brand: 'northwind', slug: 'where-is-order-1042' };
    const draft = {
      body: 'Hello',
      visibility: 'reply' as const,
      suppressNotifications: false,
      suppressAutoresolve: false,
    };
    await handlers.saveDraft({ ...ref, draft }, own);
    expect((await handlers.getConversationTools(ref, own)).draft).toMatchObject({ body: 'Hello' });
  });
});
