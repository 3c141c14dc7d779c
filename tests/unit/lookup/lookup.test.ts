// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { createReamazeClient } from '@/lib/api/client';
import { classifyQuery, lookupConversations } from '@/lib/lookup/lookup';
import { fakeFetch, reply, replyWithFixture } from '../fake-fetch';

const credentials = { brand: 'northwind', email: 'sam@acme.example', token: 't0ken' };
const notFound = () => reply('{"errors":"Not Found"}', 404);

function client(...replies: Parameters<typeof fakeFetch>) {
  const fake = fakeFetch(...replies);
  return { client: createReamazeClient(credentials, { fetch: fake.fetch }), calls: fake.calls };
}

describe('classifyQuery', () => {
  test.each([
    ['Dana.Whitfield@Example.net', { kind: 'email', value: 'dana.whitfield@example.net' }],
    ['  1042 ', { kind: 'id', value: '1042' }],
    ['where-is-order-1042', { kind: 'id', value: 'where-is-order-1042' }],
    ['not an @ email', { kind: 'id', value: 'not an @ email' }],
    [
      'https://northwind.reamaze.com/admin/conversations/where-is-order-1042?tab=notes',
      { kind: 'id', value: 'where-is-order-1042' },
    ],
    ['https://example.com/admin/conversations/x', { kind: 'id', value: 'https://example.com/admin/conversations/x' }],
  ])('%s', (text, expected) => {
    expect(classifyQuery(text)).toEqual(expected);
  });
});

describe('lookupConversations', () => {
  test('an email lists that customer’s conversations, archived included', async () => {
    const { client: c, calls } = client(replyWithFixture('conversations-200.json'));
    const outcome = await lookupConversations(c, classifyQuery('dana.whitfield@example.net'));
    expect(calls[0]!.url.pathname).toBe('/api/v1/conversations');
    expect(Object.fromEntries(calls[0]!.url.searchParams)).toEqual({
      for: 'dana.whitfield@example.net',
      filter: 'all',
      page: '1',
    });
    expect(outcome.conversations.map((c) => c.status)).toContain(4);
    expect(outcome.searched).toBe('customer email dana.whitfield@example.net');
  });

  test('anything else is looked up as a slug or reference id', async () => {
    const { client: c, calls } = client(replyWithFixture('conversation-200.json'));
    const outcome = await lookupConversations(c, classifyQuery('AB-1042'));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.pathname).toBe('/api/v1/conversations/AB-1042');
    expect(calls[0]!.url.searchParams.get('id_type')).toBe('ref');
    expect(outcome.conversations).toHaveLength(1);
  });

  test('a bare number with no slug or reference match falls back to the database id', async () => {
    const { client: c, calls } = client(notFound(), replyWithFixture('conversation-200.json'));
    const outcome = await lookupConversations(c, classifyQuery('918273'));
    expect(calls.map((call) => call.url.search)).toEqual(['?id_type=ref', '']);
    expect(outcome.conversations).toHaveLength(1);
  });

  test('no match of a non-number is one request and an empty result', async () => {
    const { client: c, calls } = client(notFound());
    const outcome = await lookupConversations(c, classifyQuery('nothing-here'));
    expect(calls).toHaveLength(1);
    expect(outcome).toMatchObject({ conversations: [], totalCount: 0, searched: 'slug or reference id nothing-here' });
  });

  test('failures other than not found propagate', async () => {
    const { client: c } = client(reply('{}', 500));
    await expect(lookupConversations(c, classifyQuery('1042'))).rejects.toMatchObject({ kind: 'server' });
  });
});
