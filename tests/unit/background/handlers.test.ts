// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { createHandlers } from '@/entrypoints/background/handlers';
import { createTabConversations } from '@/entrypoints/background/tab-conversations';
import { DEFAULT_SITE_PREFS } from '@/lib/settings/site-prefs';
import type { Credentials } from '@/lib/settings/schema';
import { createReamazeClient } from '@/lib/api/client';
import { loadSettings, updateSettings } from '@/lib/settings/store';
import { fakeFetch, fixtureJson, reply, replyWithFixture } from '../fake-fetch';
import type { SenderContext } from '@/lib/messaging/router';

const page: SenderContext = { senderClass: 'extensionPage' };

const saved = { brand: 'northwind', email: 'sam@acme.example', token: 'saved-token-123' };

function handlersWith(...replies: Parameters<typeof fakeFetch>) {
  const fake = fakeFetch(...replies);
  const createClient = (credentials: Credentials) =>
    createReamazeClient(credentials, { fetch: fake.fetch, sleep: async () => undefined });
  const tabs = createTabConversations({
    loadSettings: async () => (await loadSettings()).settings,
    createClient,
    setBadge: () => undefined,
    autoOpen: async () => false,
  });
  const handlers = createHandlers({
    createClient,
    tabs,
    sitePrefs: { get: async () => DEFAULT_SITE_PREFS, update: async () => undefined },
    sendToTab: async () => undefined,
  });
  return { handlers, calls: fake.calls };
}

describe('settings handlers', () => {
  test('getSettings never includes the token', async () => {
    await updateSettings({ credentials: saved });
    const { handlers } = handlersWith();
    const summary = await handlers.getSettings({}, page);
    expect(summary).toEqual({ brand: 'northwind', email: 'sam@acme.example', hasToken: true });
    expect(JSON.stringify(summary)).not.toContain(saved.token);
  });

  test('saving with a blank token keeps the saved one', async () => {
    await updateSettings({ credentials: saved });
    const { handlers } = handlersWith();
    await handlers.saveSettings({ brand: 'southwind', email: 'sam@acme.example', token: '' }, page);
    expect((await loadSettings()).settings.credentials).toEqual({ ...saved, brand: 'southwind' });
  });

  test('saving without any token names the token field', async () => {
    const { handlers } = handlersWith();
    await expect(
      handlers.saveSettings({ brand: 'northwind', email: 'sam@acme.example', token: '' }, page),
    ).rejects.toMatchObject({ kind: 'invalidInput', fieldErrors: { token: [expect.stringMatching(/API token/)] } });
    expect((await loadSettings()).settings.credentials).toBeNull();
  });

  test('testConnection uses the entered values and names the staff user', async () => {
    const { handlers, calls } = handlersWith(replyWithFixture('staff-200.json'));
    const result = await handlers.testConnection({ brand: 'northwind', email: 'SAM@acme.example', token: 'typed' }, page);
    expect(result.brand).toBe('northwind');
    const staff = (fixtureJson('staff-200.json') as { staff: { email: string; name: string }[] }).staff;
    expect(result.staffName).toBe(staff.find((s) => s.email === 'sam@acme.example')!.name);
    expect(calls[0]!.url.host).toBe('northwind.reamaze.io');
    expect(calls[0]!.headers.get('Authorization')).toBe(`Basic ${btoa('SAM@acme.example:typed')}`);
  });

  test('testConnection with a blank token tests the saved one', async () => {
    await updateSettings({ credentials: saved });
    const { handlers, calls } = handlersWith(replyWithFixture('staff-200.json'));
    await handlers.testConnection({ brand: 'northwind', email: 'sam@acme.example', token: '' }, page);
    expect(calls[0]!.headers.get('Authorization')).toBe(`Basic ${btoa(`sam@acme.example:${saved.token}`)}`);
  });

  test('a rejected token is an unauthorized error that never holds the token', async () => {
    const { handlers } = handlersWith(reply('{"error":"Unauthorized"}', 403));
    const error = await handlers
      .testConnection({ brand: 'northwind', email: 'sam@acme.example', token: 'wrong-token-xyz' }, page)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unauthorized' });
    expect(JSON.stringify(error)).not.toContain('wrong-token-xyz');
    expect(String((error as Error).message)).toContain('API token');
  });
});

describe('lookup handler', () => {
  test('refuses to run before the agent has connected', async () => {
    const { handlers, calls } = handlersWith();
    await expect(handlers.lookup({ query: '1042' }, page)).rejects.toMatchObject({ kind: 'notConfigured' });
    expect(calls).toHaveLength(0);
  });

  test('returns summaries with status names and admin links', async () => {
    await updateSettings({ credentials: saved });
    const { handlers } = handlersWith(replyWithFixture('conversation-200.json'));
    const result = await handlers.lookup({ query: 'where-is-order-1042' }, page);
    expect(result).toMatchObject({
      brand: 'northwind',
      query: 'where-is-order-1042',
      totalCount: 1,
      conversations: [
        {
          slug: 'where-is-order-1042',
          statusLabel: 'Responded',
          channel: 'Support',
          assignee: 'Sam Ortega',
          url: 'https://northwind.reamaze.com/admin/conversations/where-is-order-1042',
          lastMessage: { from: 'staff' },
        },
      ],
    });
  });
});
