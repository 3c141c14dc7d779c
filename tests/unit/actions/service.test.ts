// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createActionService } from '@/lib/actions/service';
import type { DraftInput } from '@/lib/actions/schemas';
import { createReamazeClient } from '@/lib/api/client';
import type { ConversationMatch, SearchResult } from '@/lib/lookup/schemas';
import { createConversationSearch } from '@/lib/lookup/search';
import { createTabConversations } from '@/lib/lookup/tabs';
import { DEFAULT_SETTINGS, type Credentials, type Settings } from '@/lib/settings/schema';
import { DEFAULT_SITE_PREFS } from '@/lib/settings/site-prefs';
import { activityLog } from '@/lib/storage/activity';
import { drafts } from '@/lib/storage/drafts';
import { knownTags } from '@/lib/storage/known-tags';
import { tabState } from '@/lib/storage/tab-state';
import { fakeFetch, fixtureJson, hangingReply, reply, replyWithFixture } from '../fake-fetch';
import { english } from '../i18n/locales';

const SHOP = 'https://admin.shopify.com/store/northwind-goods/orders/5523819086117';
const ref = { brand: 'northwind', slug: 'where-is-order-1042' };
const baseSettings: Settings = {
  ...DEFAULT_SETTINGS,
  brands: [
    { brand: 'northwind', email: 'sam@acme.example', token: 't0ken', marketplaceChannels: {} },
  ],
};
const reply1: DraftInput = {
  body: 'Your parcel left the depot today.',
  visibility: 'reply',
  suppressNotifications: false,
  suppressAutoresolve: false,
};

/** The action service as the background wires it, over a fake `fetch` and the fake storage. */
function actionsWith(
  replies: Parameters<typeof fakeFetch>,
  { settings = baseSettings, timeoutMs }: { settings?: Settings; timeoutMs?: number } = {},
) {
  const fake = fakeFetch(...replies);
  const createClient = (credentials: Credentials) =>
    createReamazeClient(credentials, {
      t: english.t,
      fetch: fake.fetch,
      sleep: async () => undefined,
      timeoutMs,
    });
  const loadSettings = async () => settings;
  const tabs = createTabConversations({
    t: english.t,
    loadSettings,
    search: createConversationSearch({ t: english.t, createClient }),
    store: tabState,
    sitePrefs: { get: async () => DEFAULT_SITE_PREFS, update: async () => undefined },
    setBadge: () => undefined,
    contentText: { messages: {}, language: 'en' },
    redetect: async () => undefined,
  });
  let made = 0;
  const actions = createActionService({
    t: english.t,
    createClient,
    loadSettings,
    drafts,
    activity: activityLog,
    knownTags,
    tabs,
    now: () => 1_700_000_000_000,
    newOriginId: () => `origin-${++made}`,
  });
  return { actions, tabs, calls: fake.calls };
}

const sentOrigins = (calls: ReturnType<typeof fakeFetch>['calls']) =>
  calls
    .filter((call) => call.init.method === 'POST')
    .map(
      (call) =>
        (JSON.parse(String(call.init.body)) as { message: { origin_id: string } }).message
          .origin_id,
    );

describe('drafts', () => {
  test('keep their origin id across saves, and a sent draft’s next one gets a new id', async () => {
    const { actions } = actionsWith([replyWithFixture('message-create-200.json')]);
    const first = await actions.saveDraft(ref, { ...reply1, body: 'Your parcel' });
    const second = await actions.saveDraft(ref, reply1);
    expect(second).toMatchObject({ body: reply1.body, originId: first.originId, attempts: 0 });
    expect((await actions.tools(ref)).draft).toEqual(second);

    const sent = await actions.send(ref);
    expect(sent.alreadySent).toBe(false);
    expect(sent.message.body).toContain('courier');
    expect((await actions.tools(ref)).draft).toBeNull();
    const next = await actions.saveDraft(ref, { ...reply1, body: 'And another thing' });
    expect(next.originId).not.toBe(first.originId);
  });

  test('saves for one conversation are kept in the order they were made', async () => {
    const { actions } = actionsWith([]);
    await Promise.all(
      ['a', 'ab', 'abc', 'abcd'].map((body) => actions.saveDraft(ref, { ...reply1, body })),
    );
    expect((await drafts.get(ref))?.body).toBe('abcd');
  });

  test('an empty draft with default options goes; discarding removes any draft', async () => {
    const { actions } = actionsWith([]);
    await actions.saveDraft(ref, reply1);
    await actions.saveDraft(ref, { ...reply1, body: '' });
    expect(await drafts.get(ref)).toBeUndefined();
    await actions.saveDraft(ref, { ...reply1, visibility: 'note' });
    await actions.discardDraft(ref);
    expect(await drafts.get(ref)).toBeUndefined();
  });

  test('a damaged stored draft counts as none', async () => {
    await drafts.set(ref, { ...reply1, originId: 'x', attempts: 0, updatedAt: 1 });
    const { actions } = actionsWith([]);
    const all = await fakeBrowser.storage.local.get(null);
    const key = Object.keys(all).find((k) => k.startsWith('draft:'))!;
    await fakeBrowser.storage.local.set({ [key]: { body: 42 } });
    expect((await actions.tools(ref)).draft).toBeNull();
  });
});

describe('sending', () => {
  test('an empty draft is refused at its body without a request', async () => {
    const { actions, calls } = actionsWith([]);
    await actions.saveDraft(ref, { ...reply1, body: '   ', visibility: 'note' });
    await expect(actions.send(ref)).rejects.toMatchObject({
      kind: 'invalidInput',
      fieldErrors: { body: ['Write a message first.'] },
    });
    expect(calls).toHaveLength(0);
  });

  test('a send that times out keeps the draft; the retry carries the same origin id', async () => {
    const { actions, calls } = actionsWith(
      [hangingReply(), replyWithFixture('message-create-200.json')],
      { timeoutMs: 20 },
    );
    const draft = await actions.saveDraft(ref, reply1);
    const error = await actions.send(ref).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect((error as Error).message).toMatch(/Check the thread before sending again/);
    expect((error as Error).message).toMatch(/Your draft is kept\.$/);
    expect(await drafts.get(ref)).toMatchObject({
      body: reply1.body,
      originId: draft.originId,
      attempts: 1,
    });

    await actions.send(ref);
    expect(sentOrigins(calls)).toEqual([draft.originId, draft.originId]);
    expect(await drafts.get(ref)).toBeUndefined();
    expect((await actions.tools(ref)).activity.map((a) => [a.what, a.result])).toEqual([
      ['Reply sent', 'done'],
      ['Reply not sent', 'failed'],
    ]);
  });

  test.each([
    [
      'a 429 (after its one retry)',
      [reply('{}', 429), reply('{}', 429)],
      'rateLimited',
      /too many requests/,
    ],
    [
      'no network',
      [
        () => {
          throw new TypeError('fetch failed');
        },
      ],
      'offline',
      /^You appear to be offline/,
    ],
    [
      'a 422 on the body',
      [reply('{"errors":{"body":["can\'t be blank"]}}', 422)],
      'invalid',
      /body/,
    ],
    ['a 403', [reply('{"error":"Forbidden"}', 403)], 'unauthorized', /send this reply/],
  ] as const)(
    '%s keeps the draft as it was and logs the failure',
    async (_, replies, kind, said) => {
      const { actions } = actionsWith([...replies]);
      const draft = await actions.saveDraft(ref, reply1);
      const error = await actions.send(ref).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind });
      expect((error as Error).message).toMatch(said);
      expect((error as Error).message).toMatch(/Your draft is kept\./);
      expect(await drafts.get(ref)).toMatchObject({ body: reply1.body, originId: draft.originId });
      const [entry] = (await actions.tools(ref)).activity;
      expect(entry).toMatchObject({ what: 'Reply not sent', result: 'failed' });
      expect(entry?.detail).toBe((error as Error).message);
    },
  );

  test('Re:amaze refusing the origin id as taken counts as sent', async () => {
    const { actions } = actionsWith([
      reply('{"errors":{"origin_id":["has already been taken"]}}', 422),
    ]);
    await actions.saveDraft(ref, { ...reply1, visibility: 'note' });
    const sent = await actions.send(ref);
    expect(sent).toMatchObject({
      alreadySent: true,
      message: { body: reply1.body, internal: true, staff: true },
    });
    expect(await drafts.get(ref)).toBeUndefined();
    expect((await actions.tools(ref)).activity[0]).toMatchObject({
      what: 'Internal note added',
      result: 'done',
    });
  });
});

/** A tab whose page found the demo conversation, as tabs.ts stores it. */
async function tabShowing(
  tabId: number,
  match: Partial<ConversationMatch> = {},
  customerName?: string,
) {
  const { summarizeConversation } = await import('@/lib/lookup/summarize');
  const conversation = fixtureJson('conversation-200.json') as Parameters<
    typeof summarizeConversation
  >[0];
  const result: SearchResult = {
    brand: 'northwind',
    searched: ['order #1042'],
    unsearched: false,
    matches: [
      {
        ...summarizeConversation(conversation, 'northwind'),
        reasons: [{ kind: 'order', value: '1042' }],
        ...match,
      },
    ],
    warnings: [],
    fetchedAt: Date.now(),
    stale: false,
  };
  const ids = {
    orderRefs: ['1042'],
    originIds: [],
    emails: ['maya.chen@example.net'],
  };
  await tabState.set(tabId, { url: SHOP, page: { key: 'k', ids, result, customerName } });
}

describe('changing a conversation', () => {
  test('logs the change in words, remembers the tags and shows it changed in the tab', async () => {
    const updated = fixtureJson('conversation-update-200.json') as object;
    const { actions, tabs, calls } = actionsWith([
      reply(
        JSON.stringify({ ...updated, status: 1, hold_until: null, tag_list: ['shipping', 'vip'] }),
      ),
    ]);
    await tabShowing(4, { tags: ['shipping', 'shopify'] });
    const { conversation } = await actions.update(4, ref, {
      kind: 'tags',
      tags: ['shipping', 'vip'],
    });
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      conversation: { tag_list: ['shipping', 'vip'] },
    });
    expect(conversation.tags).toEqual(['shipping', 'vip']);
    const tools = await actions.tools(ref);
    expect(tools.activity[0]).toMatchObject({
      what: 'Tag vip added; Tag shopify removed',
      result: 'done',
    });
    expect(tools.knownTags).toEqual(['shipping', 'vip']);
    const shown = await tabs.forTab(4);
    expect(shown.matches[0]).toMatchObject({
      tags: ['shipping', 'vip'],
      reasons: [{ kind: 'order', value: '1042' }],
    });
    expect(shown.ids).toMatchObject({ orderRefs: ['1042'] });
  });

  test('on hold says until when', async () => {
    const { actions } = actionsWith([replyWithFixture('conversation-update-200.json')]);
    await tabShowing(4);
    const { conversation } = await actions.update(4, ref, {
      kind: 'status',
      status: 5,
      holdUntil: '2026-12-03T12:00:00Z',
    });
    expect(conversation.status).toBe(5);
    expect((await actions.activity(ref))[0]?.what).toBe(
      'Status changed to On Hold until 3 Dec 2026',
    );
    expect(await tabs4Status()).toBe(5);
  });

  test('a refused change is logged as failed, and the tab still shows the conversation as it was', async () => {
    const { actions } = actionsWith([
      reply('{"errors":{"assignee":["is not a staff member"]}}', 422),
    ]);
    await tabShowing(4);
    const error = await actions
      .update(4, ref, { kind: 'assignee', email: 'nobody@acme.example' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid' });
    expect((await actions.activity(ref))[0]).toMatchObject({
      what: 'Not assigned to nobody@acme.example',
      result: 'failed',
      detail: (error as Error).message,
    });
    expect(await tabs4Status()).toBe(1);
  });
});

async function tabs4Status() {
  return (await tabState.get(4))?.page?.result?.matches[0]?.status;
}

describe('a new conversation', () => {
  test('for an Amazon order is prefilled with the Amazon channel and the order-number key', async () => {
    const channels = {
      total_count: 3,
      channels: [
        { slug: 'acme-chat', name: 'Website Chat', channel: 6 },
        { slug: 'support', name: 'Support', channel: 1 },
        { slug: 'amazon-us', name: 'Amazon US', channel: 1 },
      ],
    };
    const { actions } = actionsWith([reply(JSON.stringify(channels))], {
      settings: { ...baseSettings, dataKeys: ['order_number'] },
    });
    await tabState.set(5, {
      url: SHOP,
      page: {
        key: 'k',
        ids: {
          orderRefs: [],
          originIds: [{ id: '113-1234567-1234567', marketplace: 'amazon' }],
          emails: [],
        },
      },
    });
    expect(await actions.newConversationForm(5)).toEqual({
      brand: 'northwind',
      customerEmail: '',
      customerName: '',
      subject: 'Amazon order 113-1234567-1234567',
      channel: 'amazon-us',
      channels: channels.channels.map(({ slug, name }) => ({ slug, name })),
      data: { order_number: '113-1234567-1234567', 'Amazon Order ID': '113-1234567-1234567' },
      draftKey: 'new:113-1234567-1234567',
    });
  });

  test('for a store order uses the first email channel and the default key', async () => {
    const { actions } = actionsWith([replyWithFixture('channels-200.json')]);
    await tabShowing(6);
    expect(await actions.newConversationForm(6)).toMatchObject({
      subject: 'Order #1042',
      customerEmail: 'maya.chen@example.net',
      channel: 'support',
      data: { 'Order Number': '1042' },
    });
  });

  test('takes the customer’s name from the order page before a conversation’s', async () => {
    const customer = { name: 'M. Chen', email: 'maya.chen@example.net' };
    const fromPage = actionsWith([replyWithFixture('channels-200.json')]);
    await tabShowing(8, { customer }, 'Maya Chen');
    expect(await fromPage.actions.newConversationForm(8)).toMatchObject({
      customerName: 'Maya Chen',
      customerEmail: 'maya.chen@example.net',
    });

    const fromMatch = actionsWith([replyWithFixture('channels-200.json')]);
    await tabShowing(9, { customer });
    expect(await fromMatch.actions.newConversationForm(9)).toMatchObject({
      customerName: 'M. Chen',
    });
  });

  test('a new customer’s order page names them, though no conversation does', async () => {
    // Re:amaze knows neither the order nor the email; then the form asks for the channels.
    const answer = (url: string) =>
      url.includes('/channels')
        ? replyWithFixture('channels-200.json')
        : url.includes('id_type=ref')
          ? reply('{"error":"Not found"}', 404)
          : reply('{"conversations":[],"page_count":1,"total_count":0}');
    const { actions, tabs, calls } = actionsWith([answer, answer, answer]);
    await tabs.report(10, SHOP, {
      platform: 'shopify',
      kind: 'order',
      orderRefs: ['1187'],
      originIds: [],
      emails: ['nora.lindqvist@example.org'],
      customerName: 'Nora Lindqvist',
    });
    expect(await actions.newConversationForm(10)).toMatchObject({
      subject: 'Order #1187',
      customerEmail: 'nora.lindqvist@example.org',
      customerName: 'Nora Lindqvist',
    });
    // The name was never a search term: only the order number and the email were asked.
    const asked = calls.map((call) => call.rawUrl).filter((url) => !url.includes('/channels'));
    expect(asked).toHaveLength(2);
    expect(asked.join(' ')).not.toMatch(/nora%20|lindqvist(?!%40|@)/i);
  });

  test('once created, is listed first in the tab with why, and logged', async () => {
    const { actions, tabs } = actionsWith([replyWithFixture('conversation-create-200.json')]);
    await tabShowing(6);
    const { conversation } = await actions.create(6, {
      brand: 'northwind',
      subject: 'Order #1042',
      channel: 'support',
      customerEmail: 'maya.chen@example.net',
      customerName: 'Maya Chen',
      body: 'About your order',
      data: { 'Order Number': '1042' },
      suppressNotifications: false,
    });
    expect(conversation.reasons).toEqual([
      { kind: 'order', value: '1042' },
      { kind: 'email', value: 'maya.chen@example.net' },
    ]);
    const shown = await tabs.forTab(6);
    expect(shown.matches.map((m) => m.slug)).toEqual([conversation.slug, ref.slug]);
    expect(await actions.activity({ brand: 'northwind', slug: conversation.slug })).toMatchObject([
      { what: 'Conversation created', result: 'done' },
    ]);
  });
});

describe('tools', () => {
  test('the undo window is 5 s before anyone saves it, and follows the saved value', async () => {
    expect((await actionsWith([]).actions.tools(ref)).undoSeconds).toBe(5);
    const saved = actionsWith([], { settings: { ...baseSettings, undoSeconds: 0 } });
    expect((await saved.actions.tools(ref)).undoSeconds).toBe(0);
  });

  test('staff and templates are read once per brand for a while', async () => {
    const { actions, calls } = actionsWith([
      replyWithFixture('staff-200.json'),
      replyWithFixture('response-templates-200.json'),
    ]);
    const staff = await actions.staff('northwind');
    expect(staff.length).toBeGreaterThan(0);
    expect(Object.keys(staff[0]!).sort()).toEqual(['email', 'name']);
    expect(await actions.staff('northwind')).toEqual(staff);
    const templates = await actions.templates('northwind');
    expect(templates[0]).toMatchObject({ id: expect.any(String), name: expect.any(String) });
    expect(calls).toHaveLength(2);
  });
});
