// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { createReamazeClient } from '@/lib/api/client';
import type { Conversation } from '@/lib/api/schemas';
import {
  DEFAULT_MAX_REQUESTS,
  mergeMatches,
  planLookups,
  runLookup,
  type DetectedIds,
  type PlannedRequest,
} from '@/lib/lookup/detected';
import { fakeFetch, fixtureJson, reply, replyWithFixture } from '../fake-fetch';

const credentials = { brand: 'northwind', email: 'sam@acme.example', token: 't0ken' };
const none: DetectedIds = { orderRefs: [], originIds: [], emails: [] };

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
    expect(skipped).toEqual([
      { id: '12-34567-89012', reason: expect.stringMatching(/channel.*ebay/) },
    ]);
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
    expect(skipped.every((s) => /more than 25/.test(s.reason))).toBe(true);
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
    expect(skipped).toEqual([{ id: '1002', reason: expect.stringMatching(/more than 5/) }]);
  });
});

describe('runLookup against the real client', () => {
  function lookUp(request: PlannedRequest, ...replies: Parameters<typeof fakeFetch>) {
    const fake = fakeFetch(...replies);
    const client = createReamazeClient(credentials, { fetch: fake.fetch });
    return { result: runLookup(client, request), calls: fake.calls };
  }
  const { requests } = planLookups(
    {
      orderRefs: ['1042'],
      originIds: [{ id: '113-1234567-1234567', marketplace: 'amazon' }],
      emails: ['dana.whitfield@example.net'],
    },
    { channels: { amazon: 'amazon-us' }, dataKeys: ['order_number'] },
  );
  const planned = (kind: PlannedRequest['kind']) => requests.find((r) => r.kind === kind)!;
  const api = 'https://northwind.reamaze.io/api/v1/conversations';

  test.each([
    ['ref', `${api}/1042?id_type=ref`, 'conversation-200.json'],
    [
      'origin',
      `${api}/113-1234567-1234567?id_type=origin&category=amazon-us`,
      'conversation-200.json',
    ],
    ['customer', `${api}?for=dana.whitfield%40example.net&filter=all`, 'conversations-200.json'],
    ['data', `${api}?filter=all&data[order_number]=1042`, 'conversations-200.json'],
  ] as const)('a %s request asks %s, once', async (kind, url, fixture) => {
    const { result, calls } = lookUp(planned(kind), replyWithFixture(fixture));
    const conversations = await result;
    expect(calls.map((call) => call.rawUrl)).toEqual([url]);
    expect(conversations.map((c) => c.slug)).toContain('where-is-order-1042');
  });

  test('a marketplace id with characters that need escaping stays one path segment', async () => {
    const [request] = planLookups(
      { ...none, originIds: [{ id: 'A/B 7', marketplace: 'ebay' }] },
      { channels: { ebay: 'ebay main' }, dataKeys: [] },
    ).requests;
    const { result, calls } = lookUp(request!, replyWithFixture('conversation-200.json'));
    await result;
    expect(calls[0]!.rawUrl).toBe(`${api}/A%2FB%207?id_type=origin&category=ebay%20main`);
  });

  test.each(['ref', 'origin'] as const)(
    'a %s lookup that is not found is an empty answer',
    async (kind) => {
      const { result } = lookUp(planned(kind), replyWithFixture('error-404.json', 404));
      expect(await result).toEqual([]);
    },
  );

  test('an empty list is an empty answer', async () => {
    const empty = JSON.stringify({
      page_size: 30,
      page_count: 0,
      total_count: 0,
      conversations: [],
    });
    const { result } = lookUp(planned('data'), reply(empty));
    expect(await result).toEqual([]);
  });

  test('other failures are not hidden as "nothing found"', async () => {
    const { result } = lookUp(planned('customer'), replyWithFixture('error-403.json', 403));
    await expect(result).rejects.toMatchObject({ name: 'ReamazeApiError', kind: 'unauthorized' });
  });
});

describe('mergeMatches', () => {
  const base = fixtureJson('conversation-200.json') as Conversation;
  function conversation(
    slug: string,
    status: number,
    times: { updated?: string; created?: string } = {},
  ) {
    const copy: Conversation = {
      ...base,
      slug,
      status,
      created_at: times.created ?? '2020-01-01T00:00:00Z',
    };
    if (times.updated) copy.updated_at = times.updated;
    else delete copy.updated_at;
    return copy;
  }
  const request = (reason: PlannedRequest['reason'], key: string): PlannedRequest =>
    reason.kind === 'email'
      ? { kind: 'customer', email: reason.value, key, reason }
      : { kind: 'ref', id: reason.value, key, reason };
  const byOrder = request({ kind: 'order', value: '1042' }, 'ref:1042');
  const byEmail = request({ kind: 'email', value: 'dana@example.net' }, 'for:dana@example.net');
  const byData = request(
    { kind: 'customData', key: 'order_number', value: '1042' },
    'data:order_number=1042',
  );
  const byMarketplace = request(
    {
      kind: 'marketplace',
      value: '113-1234567-1234567',
      marketplace: 'amazon',
      channel: 'amazon-us',
    },
    'origin:amazon-us:113-1234567-1234567',
  );
  const slugs = (matches: { conversation: Conversation }[]) =>
    matches.map((m) => m.conversation.slug);

  test('one entry per slug, with the reasons of every request that found it, each once', () => {
    const shared = conversation('shared', 0);
    const merged = mergeMatches([
      { request: byEmail, conversations: [shared, conversation('email-only', 0)] },
      { request: byOrder, conversations: [shared] },
      { request: byData, conversations: [shared] },
      { request: byMarketplace, conversations: [shared] },
      { request: byOrder, conversations: [shared] },
    ]);
    expect(slugs(merged).sort()).toEqual(['email-only', 'shared']);
    // Direct matches first (in arrival order), the email last.
    expect(merged.find((m) => m.conversation.slug === 'shared')!.reasons).toEqual([
      byOrder.reason,
      byData.reason,
      byMarketplace.reason,
      byEmail.reason,
    ]);
    expect(merged.find((m) => m.conversation.slug === 'email-only')!.reasons).toEqual([
      byEmail.reason,
    ]);
  });

  test('two copies of one conversation combine: the newer wins, and fields it lacks are kept', () => {
    const fromList = conversation('shared', 1, { updated: '2026-02-02T00:00:00Z' });
    delete fromList.data;
    delete fromList.last_staff_message;
    const fromId = {
      ...conversation('shared', 0, { updated: '2026-02-01T00:00:00Z' }),
      data: { order_number: '1042' },
    };
    for (const order of [
      [fromList, fromId],
      [fromId, fromList],
    ]) {
      const [match] = mergeMatches([
        { request: byEmail, conversations: [order[0]!] },
        { request: byOrder, conversations: [order[1]!] },
      ]);
      expect(match!.conversation.status).toBe(1);
      expect(match!.conversation.updated_at).toBe('2026-02-02T00:00:00Z');
      expect(match!.conversation.data).toEqual({ order_number: '1042' });
      expect(match!.conversation.last_staff_message).toEqual(base.last_staff_message);
    }
  });

  test('any direct match ranks above every email-only match, however open or new', () => {
    const merged = mergeMatches([
      {
        request: byEmail,
        conversations: [conversation('email-open-newest', 0, { updated: '2026-06-01T00:00:00Z' })],
      },
      {
        request: byData,
        conversations: [conversation('data-done-old', 2, { updated: '2021-01-01T00:00:00Z' })],
      },
      {
        request: byMarketplace,
        conversations: [
          conversation('marketplace-archived-old', 4, { updated: '2020-06-01T00:00:00Z' }),
        ],
      },
    ]);
    expect(slugs(merged)).toEqual([
      'data-done-old',
      'marketplace-archived-old',
      'email-open-newest',
    ]);
  });

  test('within direct matches, open (any waiting status) before done, then newest first', () => {
    const merged = mergeMatches([
      {
        request: byOrder,
        conversations: [
          conversation('done-newest', 2, { updated: '2026-05-01T00:00:00Z' }),
          conversation('open-old', 0, { updated: '2025-01-01T00:00:00Z' }),
          conversation('on-hold-new', 5, { updated: '2026-03-01T00:00:00Z' }),
          conversation('spam-new', 3, { updated: '2026-04-01T00:00:00Z' }),
          conversation('responded-mid', 1, { updated: '2025-06-01T00:00:00Z' }),
        ],
      },
    ]);
    expect(slugs(merged)).toEqual([
      'on-hold-new',
      'responded-mid',
      'open-old',
      'done-newest',
      'spam-new',
    ]);
  });

  test('newest means last update, else creation', () => {
    const merged = mergeMatches([
      {
        request: byEmail,
        conversations: [
          conversation('updated-2025', 0, {
            created: '2019-01-01T00:00:00Z',
            updated: '2025-01-01T00:00:00Z',
          }),
          conversation('created-2026-never-updated', 0, { created: '2026-01-01T00:00:00Z' }),
          conversation('created-2024-never-updated', 0, { created: '2024-01-01T00:00:00Z' }),
        ],
      },
    ]);
    expect(slugs(merged)).toEqual([
      'created-2026-never-updated',
      'updated-2025',
      'created-2024-never-updated',
    ]);
  });

  test('nothing found merges to nothing', () => {
    expect(mergeMatches([{ request: byOrder, conversations: [] }])).toEqual([]);
  });
});
