// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { createReamazeClient } from '@/lib/api/client';
import type { DetectedIds } from '@/lib/detection/schema';
import { planLookups, type PlannedRequest } from '@/lib/lookup/plan';
import { runLookup } from '@/lib/lookup/run';
import { fakeFetch, replyWithFixture, reply } from '../fake-fetch';
import { english } from '../i18n/locales';

const credentials = { brand: 'northwind', email: 'sam@acme.example', token: 't0ken' };
const none: DetectedIds = { orderRefs: [], originIds: [], emails: [] };
const options = { channels: { amazon: 'amazon-us' }, dataKeys: ['order_number'] };

describe('runLookup against the real client', () => {
  function lookUp(request: PlannedRequest, ...replies: Parameters<typeof fakeFetch>) {
    const fake = fakeFetch(...replies);
    const client = createReamazeClient(credentials, { t: english.t, fetch: fake.fetch });
    const result = runLookup(client, request).then((answer) => answer.conversations);
    return { result, calls: fake.calls };
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

  test.each(['customer', 'data'] as const)(
    'a 404 on a %s list is an error naming the brand, not "no conversations"',
    async (kind) => {
      const { result } = lookUp(planned(kind), replyWithFixture('error-404.json', 404));
      await expect(result).rejects.toMatchObject({
        name: 'ReamazeApiError',
        kind: 'notFound',
        message:
          'Re:amaze does not know the brand "northwind". Check the brand name in the extension options.',
      });
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

describe('runLookup: request shapes', () => {
  function run(request: PlannedRequest, ...replies: Parameters<typeof fakeFetch>) {
    const fake = fakeFetch(...replies);
    return {
      result: runLookup(
        createReamazeClient(credentials, { t: english.t, fetch: fake.fetch }),
        request,
      ).then((answer) => answer.conversations),
      calls: fake.calls,
    };
  }
  const plan = planLookups(
    {
      orderRefs: ['1042'],
      originIds: [{ id: '113-1234567-1234567', marketplace: 'amazon' }],
      emails: ['maya@example.net'],
    },
    options,
  ).requests;
  const byKind = (kind: PlannedRequest['kind']) => plan.find((r) => r.kind === kind)!;

  test('an order number is a reference lookup', async () => {
    const { result, calls } = run(byKind('ref'), replyWithFixture('conversation-200.json'));
    expect(await result).toHaveLength(1);
    expect(calls[0]!.rawUrl).toBe(
      'https://northwind.reamaze.io/api/v1/conversations/1042?id_type=ref',
    );
  });

  test('a marketplace id is an origin lookup in its channel', async () => {
    const { result, calls } = run(byKind('origin'), replyWithFixture('conversation-200.json'));
    await result;
    expect(Object.fromEntries(calls[0]!.url.searchParams)).toEqual({
      id_type: 'origin',
      category: 'amazon-us',
    });
    expect(calls[0]!.url.pathname).toBe('/api/v1/conversations/113-1234567-1234567');
  });

  test('an email is the customer history, archived included', async () => {
    const { result, calls } = run(byKind('customer'), replyWithFixture('conversations-200.json'));
    expect((await result).length).toBeGreaterThan(1);
    expect(Object.fromEntries(calls[0]!.url.searchParams)).toEqual({
      for: 'maya@example.net',
      filter: 'all',
    });
  });

  test('a custom-data key is a data[] filter', async () => {
    const { result, calls } = run(byKind('data'), replyWithFixture('conversations-200.json'));
    await result;
    expect(calls[0]!.url.searchParams.get('data[order_number]')).toBe('1042');
  });

  test('not found is an empty answer; other failures propagate', async () => {
    expect(await run(byKind('ref'), reply('{"errors":"Not Found"}', 404)).result).toEqual([]);
    await expect(run(byKind('ref'), reply('{}', 403)).result).rejects.toMatchObject({
      kind: 'unauthorized',
    });
  });
});
