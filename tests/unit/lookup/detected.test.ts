// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { createReamazeClient } from '@/lib/api/client';
import type { Conversation } from '@/lib/api/schemas';
import { mergeMatches, planLookups, runLookup, type PlannedRequest } from '@/lib/lookup/detected';
import { fakeFetch, fixtureJson, reply, replyWithFixture } from '../fake-fetch';

const options = { channels: { amazon: 'amazon-us' }, dataKeys: ['order_number'] };
const credentials = { brand: 'northwind', email: 'sam@acme.example', token: 't0ken' };

describe('planLookups', () => {
  test('each id kind becomes its request, de-duplicated', () => {
    const { requests, skipped } = planLookups(
      {
        orderRefs: ['1042', '1042'],
        originIds: [
          { id: '113-1234567-1234567', marketplace: 'amazon' },
          { id: '113-1234567-1234567', marketplace: 'amazon' },
        ],
        emails: ['Maya@Example.net', 'maya@example.net'],
      },
      options,
    );
    expect(requests.map((r) => r.key)).toEqual([
      'for:maya@example.net',
      'ref:1042',
      'data:order_number=1042',
      'origin:amazon-us:113-1234567-1234567',
    ]);
    expect(skipped).toEqual([]);
  });

  test('a marketplace without a channel is skipped and said', () => {
    const { requests, skipped } = planLookups(
      { orderRefs: [], originIds: [{ id: '12-34567-89012', marketplace: 'ebay' }], emails: [] },
      options,
    );
    expect(requests).toEqual([]);
    expect(skipped).toEqual([
      { id: '12-34567-89012', reason: expect.stringMatching(/channel.*ebay/) },
    ]);
  });

  test('a long order list is bounded', () => {
    const orderRefs = Array.from({ length: 2000 }, (_, i) => String(1000 + i));
    const { requests, skipped } = planLookups(
      { orderRefs, originIds: [], emails: [] },
      { channels: {}, dataKeys: [], maxRequests: 25 },
    );
    expect(requests).toHaveLength(25);
    expect(skipped).toHaveLength(1975);
    expect(skipped[0]!.reason).toMatch(/more than 25/);
  });
});

describe('runLookup', () => {
  function run(request: PlannedRequest, ...replies: Parameters<typeof fakeFetch>) {
    const fake = fakeFetch(...replies);
    return {
      result: runLookup(createReamazeClient(credentials, { fetch: fake.fetch }), request),
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

describe('mergeMatches', () => {
  const base = fixtureJson('conversation-200.json') as Conversation;
  const conversation = (slug: string, status: number, updated: string): Conversation => ({
    ...base,
    slug,
    status,
    updated_at: updated,
  });
  const order: PlannedRequest = {
    kind: 'ref',
    id: '1042',
    key: 'ref:1042',
    reason: { kind: 'order', value: '1042' },
  };
  const email: PlannedRequest = {
    kind: 'customer',
    email: 'maya@example.net',
    key: 'for:maya@example.net',
    reason: { kind: 'email', value: 'maya@example.net' },
  };

  test('one entry per conversation with every reason', () => {
    const same = conversation('a', 0, '2026-01-01T00:00:00Z');
    const merged = mergeMatches([
      { request: order, conversations: [same] },
      { request: email, conversations: [same] },
      { request: email, conversations: [same] },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.reasons).toEqual([order.reason, email.reason]);
    // Named direct match first, whatever order the requests answered in.
    const reversed = mergeMatches([
      { request: email, conversations: [same] },
      { request: order, conversations: [same] },
    ]);
    expect(reversed[0]!.reasons).toEqual([order.reason, email.reason]);
  });

  test('direct matches first, then open before done, then newest first', () => {
    const merged = mergeMatches([
      {
        request: email,
        conversations: [
          conversation('email-done-new', 2, '2026-03-01T00:00:00Z'),
          conversation('email-open-old', 0, '2025-01-01T00:00:00Z'),
          conversation('email-open-new', 1, '2026-02-01T00:00:00Z'),
        ],
      },
      {
        request: order,
        conversations: [conversation('order-done-old', 2, '2024-01-01T00:00:00Z')],
      },
    ]);
    expect(merged.map((m) => m.conversation.slug)).toEqual([
      'order-done-old',
      'email-open-new',
      'email-open-old',
      'email-done-new',
    ]);
  });
});
