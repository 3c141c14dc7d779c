// @vitest-environment node
import { describe, expect, test } from 'vitest';
import type { Conversation } from '@/lib/api/schemas';
import type { PlannedRequest } from '@/lib/lookup/plan';
import { mergeMatches } from '@/lib/lookup/rank';
import { fixtureJson } from '../fake-fetch';

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

describe('mergeMatches: ranking', () => {
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
