// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createReamazeClient } from '@/lib/api/client';
import { ReamazeApiError } from '@/lib/api/errors';
import { makeCertificate } from '../../fakes/certificate';
import { DEMO, demoData } from '../../fakes/demo-data';
import { startFakeReamaze, type FakeReamaze } from '../../fakes/reamaze-server';
import { httpsToFake } from './https-to-fake';
import { english } from '../i18n/locales';

/*
 * The product's client against the fake Re:amaze, over HTTPS: the two halves of every write must
 * agree on paths, root keys, answers and errors, or the end-to-end tests would only test the fake.
 */
let fake: FakeReamaze;
let cert: string;

beforeAll(async () => {
  const made = await makeCertificate(['*.reamaze.io']);
  cert = made.cert;
  fake = await startFakeReamaze({ cert, key: made.key, data: demoData });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** `fetch` for the client, sent to the fake's port under the real host name. */
const toFake = httpsToFake(
  () => fake.port,
  () => cert,
);

const client = () =>
  createReamazeClient(
    { brand: DEMO.brand, email: DEMO.login.email, token: DEMO.login.token },
    { t: english.t, fetch: toFake, sleep: async () => undefined },
  );
const slug = DEMO.conversation.slug;

describe('the client’s writes against the fake Re:amaze', () => {
  test('a reply is sent once: the same origin id again is refused and nothing is doubled', async () => {
    const sent = await client().createMessage(slug, {
      body: 'Your parcel left the depot today.',
      visibility: 'reply',
      originId: 'draft-1',
    });
    expect(sent.body).toContain('left the depot');
    const again = await client()
      .createMessage(slug, {
        body: 'Your parcel left the depot today.',
        visibility: 'reply',
        originId: 'draft-1',
      })
      .catch((error: unknown) => error);
    expect(again).toBeInstanceOf(ReamazeApiError);
    expect(again).toMatchObject({
      kind: 'invalid',
      fieldErrors: { origin_id: [expect.any(String)] },
    });
    const { messages } = await client().listMessages(slug);
    expect(messages.filter((m) => m.body.includes('left the depot'))).toHaveLength(1);
  });

  test('an internal note is a note, and a blank body is named at its field', async () => {
    const note = await client().createMessage(slug, {
      body: 'Courier called.',
      visibility: 'note',
      originId: 'n-1',
    });
    expect(note.visibility).toBe(1);
    await expect(
      client().createMessage(slug, { body: '', visibility: 'reply', originId: 'n-2' }),
    ).rejects.toMatchObject({ kind: 'invalid', fieldErrors: { body: [expect.any(String)] } });
  });

  test('status On Hold with a date, tags and an assignee, as GET then shows them', async () => {
    const updated = await client().updateConversation(slug, {
      status: 5,
      holdUntil: '2026-12-24T09:00:00Z',
      tagList: ['courier', 'vip'],
      assignee: 'priya@northwind.example',
    });
    expect(updated).toMatchObject({ status: 5, tag_list: ['courier', 'vip'] });
    expect(updated.assignee?.email).toBe('priya@northwind.example');
    const read = await client().getConversation(slug);
    expect(read).toMatchObject({ status: 5, tag_list: ['courier', 'vip'] });
  });

  test('a new conversation from an order is found by its customer and its order number', async () => {
    const created = await client().createConversation({
      subject: 'Order #2077',
      category: 'support',
      body: 'About your order #2077.',
      customer: { email: 'new.customer@example.net', name: 'New Customer' },
      data: { order_number: '2077' },
    });
    const byCustomer = await client().listConversations({
      for: 'new.customer@example.net',
      filter: 'all',
    });
    expect(byCustomer.conversations.map((c) => c.slug)).toContain(created.slug);
    const byOrder = await client().listConversations({
      filter: 'all',
      data: { order_number: '2077' },
    });
    expect(byOrder.conversations.map((c) => c.slug)).toContain(created.slug);
  });

  test('response templates are listed', async () => {
    const { response_templates } = await client().listResponseTemplates();
    expect(response_templates.length).toBeGreaterThan(0);
    expect(response_templates[0]).toMatchObject({
      name: expect.any(String),
      body: expect.any(String),
    });
  });
});
