// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { request } from 'node:https';
import { makeCertificate } from '../../fakes/certificate';
import { startFakeReamaze, type FakeReamaze } from '../../fakes/reamaze-server';
import { DEMO, demoData } from '../../fakes/demo-data';

const NORTHWIND = 'northwind.reamaze.io';
const SOUTHWIND = 'southwind.reamaze.io';

let fake: FakeReamaze;
let cert: string;
let key: string;

beforeAll(async () => {
  ({ cert, key } = await makeCertificate(['*.reamaze.io']));
  fake = await startFakeReamaze({ cert, key, data: demoData });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: any;
}

interface CallOptions {
  method?: string;
  host?: string;
  auth?: string;
  /** A value to send as JSON, or the raw text of the body. */
  body?: unknown;
  raw?: string;
  contentType?: string;
  timeoutMs?: number;
}

function basic(email: string, token: string) {
  return `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
}

const danaAuth = basic(DEMO.login.email, DEMO.login.token);
const solAuth = basic(DEMO.otherBrand.email, DEMO.otherBrand.token);

function call(path: string, options: CallOptions = {}): Promise<Reply> {
  const { method = 'GET', host = NORTHWIND, auth = danaAuth } = options;
  const payload =
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = { host, accept: 'application/json' };
  if (auth) headers.authorization = auth;
  if (payload !== undefined) {
    headers['content-type'] = options.contentType ?? 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: fake.port, method, path, servername: host, headers, ca: cert },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
        });
      },
    );
    if (options.timeoutMs) {
      req.setTimeout(options.timeoutMs, () => req.destroy(new Error('client timeout')));
    }
    req.on('error', reject);
    req.end(payload);
  });
}

const conversationPath = (slug: string) => `/api/v1/conversations/${encodeURIComponent(slug)}`;
const get = async (slug: string) => (await call(conversationPath(slug))).json;
const messagesOf = async (slug: string) => (await call(`${conversationPath(slug)}/messages`)).json;
const post = (slug: string, message: unknown, options: CallOptions = {}) =>
  call(`${conversationPath(slug)}/messages`, { method: 'POST', body: { message }, ...options });
const put = (slug: string, conversation: unknown, options: CallOptions = {}) =>
  call(conversationPath(slug), { method: 'PUT', body: { conversation }, ...options });
const create = (conversation: unknown, options: CallOptions = {}) =>
  call('/api/v1/conversations', { method: 'POST', body: { conversation }, ...options });

const SLUG = DEMO.conversation.slug;

describe('POST /conversations/{slug}/messages', () => {
  test('a staff reply comes back with an origin_id, is listed first and resolves the conversation', async () => {
    expect((await get(SLUG)).status).toBe(1);
    const reply = await post(SLUG, { body: 'Your parcel left the depot today.', visibility: 0 });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      body: 'Your parcel left the depot today.',
      visibility: 0,
      origin_id: expect.any(String),
      created_at: expect.any(String),
      user: { name: DEMO.login.name, email: DEMO.login.email, 'staff?': true },
      conversation: {
        subject: DEMO.conversation.subject,
        slug: SLUG,
        created_at: expect.any(String),
        category: { name: 'Support', slug: 'support', email: expect.any(String), channel: 1 },
      },
    });

    const thread = await messagesOf(SLUG);
    expect(thread.total_count).toBe(DEMO.conversation.messageCount + 1);
    expect(thread.messages[0]).toMatchObject({
      body: 'Your parcel left the depot today.',
      origin: 7,
      origin_id: reply.json.origin_id,
      recipients: [{ email: DEMO.customer.email }],
      attachments: [],
    });
    const conversation = await get(SLUG);
    expect(conversation).toMatchObject({
      status: 2,
      message_count: DEMO.conversation.messageCount + 1,
      updated_at: reply.json.created_at,
      last_staff_message: { body: 'Your parcel left the depot today.' },
      last_customer_message: { body: 'Thanks, any update on the courier?' },
    });
  });

  test('an internal note (visibility 1) is listed first and leaves the status alone', async () => {
    const note = await post(SLUG, { body: 'Called the courier again.', visibility: 1 });
    expect(note).toMatchObject({ status: 200, json: { visibility: 1 } });
    expect((await messagesOf(SLUG)).messages[0]).toMatchObject({
      body: 'Called the courier again.',
      visibility: 1,
    });
    const conversation = await get(SLUG);
    expect(conversation.status).toBe(1);
    expect(conversation.last_staff_message.body).not.toBe('Called the courier again.');
  });

  test('suppress_autoresolve keeps the status; a reply to an on-hold one resolves it and clears hold_until', async () => {
    await post(SLUG, { body: 'Still checking.', suppress_autoresolve: true });
    expect((await get(SLUG)).status).toBe(1);

    expect(await get(DEMO.onHold.slug)).toMatchObject({
      status: 5,
      hold_until: expect.any(String),
    });
    await post(DEMO.onHold.slug, { body: 'It has shipped.' });
    expect(await get(DEMO.onHold.slug)).toMatchObject({ status: 2, hold_until: null });
  });

  test('posting as the customer (user) is a customer message, and does not resolve', async () => {
    const reply = await post(SLUG, {
      body: 'Any news?',
      user: { email: DEMO.customer.email, name: DEMO.customer.name },
    });
    expect(reply.json.user).toEqual({
      name: DEMO.customer.name,
      email: DEMO.customer.email,
      'staff?': false,
    });
    expect(await get(SLUG)).toMatchObject({
      status: 1,
      last_customer_message: { body: 'Any news?' },
    });
  });

  test('both spellings of suppress_notification(s) are accepted', async () => {
    expect((await post(SLUG, { body: 'a', suppress_notifications: true })).status).toBe(200);
    expect((await post(SLUG, { body: 'b', suppress_notification: true })).status).toBe(200);
  });

  test('a missing or blank body is 422 naming body; a bad visibility too; nothing is created', async () => {
    for (const message of [{}, { body: '' }, { body: '   ' }, { visibility: 1 }]) {
      const reply = await post(SLUG, message);
      expect(reply).toMatchObject({ status: 422, json: { errors: { body: ["can't be blank"] } } });
    }
    const both = await post(SLUG, { visibility: 2 });
    expect(both.status).toBe(422);
    expect(Object.keys(both.json.errors).sort()).toEqual(['body', 'visibility']);
    expect((await post(SLUG, { body: 'x', user: {} })).json).toEqual({
      errors: { 'user.email': ["can't be blank"] },
    });
    expect((await messagesOf(SLUG)).total_count).toBe(DEMO.conversation.messageCount);
  });

  test('an unknown conversation is 404', async () => {
    expect(await post('nope', { body: 'x' })).toMatchObject({
      status: 404,
      json: { errors: 'Not Found' },
    });
  });
});

describe('origin_id de-duplication', () => {
  test('the same origin_id again in the conversation is 422 and creates nothing', async () => {
    const first = await post(SLUG, { body: 'Refund sent.', origin_id: 'rz-inline-1' });
    expect(first).toMatchObject({ status: 200, json: { origin_id: 'rz-inline-1' } });
    const again = await post(SLUG, { body: 'Refund sent.', origin_id: 'rz-inline-1' });
    expect(again).toMatchObject({
      status: 422,
      json: { errors: { origin_id: ['has already been taken'] } },
    });
    const thread = await messagesOf(SLUG);
    expect(thread.total_count).toBe(DEMO.conversation.messageCount + 1);
    expect(
      thread.messages.filter((m: { origin_id?: string }) => m.origin_id === 'rz-inline-1'),
    ).toHaveLength(1);
  });

  test('an origin_id the thread already had (an email Message-ID) is taken too', async () => {
    const thread = await messagesOf(SLUG);
    const emailed = thread.messages.find((m: { origin_id?: string }) => m.origin_id);
    expect((await post(SLUG, { body: 'x', origin_id: emailed.origin_id })).status).toBe(422);
  });

  test('the same origin_id in another conversation is a new message', async () => {
    expect((await post(SLUG, { body: 'x', origin_id: 'shared-id' })).status).toBe(200);
    expect((await post(DEMO.unassigned.slug, { body: 'x', origin_id: 'shared-id' })).status).toBe(
      200,
    );
  });

  test("with duplicateOriginId 'return-existing' the earlier message is answered", async () => {
    fake.configure({ duplicateOriginId: 'return-existing' });
    const first = await post(SLUG, { body: 'Refund sent.', origin_id: 'rz-inline-2' });
    const again = await post(SLUG, { body: 'Refund sent (retry).', origin_id: 'rz-inline-2' });
    expect(again).toMatchObject({ status: 200, json: first.json });
    expect((await messagesOf(SLUG)).total_count).toBe(DEMO.conversation.messageCount + 1);
  });

  test('a send the client gave up on still happened; its retry with the same origin_id creates nothing', async () => {
    fake.configure({ latencyMs: 400 });
    await expect(
      post(SLUG, { body: 'Sent once.', origin_id: 'rz-inline-3' }, { timeoutMs: 100 }),
    ).rejects.toThrow('client timeout');
    fake.configure({ latencyMs: 0 });
    expect((await messagesOf(SLUG)).messages[0]).toMatchObject({ origin_id: 'rz-inline-3' });
    expect((await post(SLUG, { body: 'Sent once.', origin_id: 'rz-inline-3' })).status).toBe(422);
    expect((await messagesOf(SLUG)).total_count).toBe(DEMO.conversation.messageCount + 1);
  });
});

describe('PUT /conversations/{slug}', () => {
  test('status, tags, data and assignee ({email}) change; the answer is what GET shows', async () => {
    const reply = await put(SLUG, {
      status: 2,
      tag_list: ['refund', 'vip'],
      data: { 'Refund Amount': '24.00' },
      assignee: { email: 'priya@northwind.example' },
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      slug: SLUG,
      status: 2,
      tag_list: ['refund', 'vip'],
      data: {
        [DEMO.conversation.data.key]: DEMO.conversation.data.value,
        'Shopify Order ID': '5523819086117',
        'Refund Amount': '24.00',
      },
      assignee: { name: 'Priya Raman', email: 'priya@northwind.example', id: expect.any(Number) },
    });
    expect(reply.json.followers.map((f: { email: string }) => f.email)).toContain(
      'priya@northwind.example',
    );
    expect(await get(SLUG)).toEqual(reply.json);
  });

  test('assignee as a bare email string works; an unknown staff email is 422; null unassigns', async () => {
    const bare = await put(SLUG, { assignee: DEMO.secondLogin.email });
    expect(bare.json.assignee).toMatchObject({ email: DEMO.secondLogin.email, id: 902_114 });
    const unknown = await put(SLUG, { assignee: { email: 'stranger@example.com' } });
    expect(unknown).toMatchObject({
      status: 422,
      json: { errors: { assignee: [expect.any(String)] } },
    });
    const customer = await put(SLUG, { assignee: DEMO.customer.email });
    expect(customer.status).toBe(422);
    expect((await get(SLUG)).assignee.email).toBe(DEMO.secondLogin.email);
    expect((await put(SLUG, { assignee: null })).json.assignee).toBeNull();
  });

  test('status 5 needs hold_until: 422 naming it without, stored with; another status clears it', async () => {
    const missing = await put(SLUG, { status: 5 });
    expect(missing).toMatchObject({
      status: 422,
      json: { errors: { hold_until: [expect.stringContaining("can't be blank")] } },
    });
    expect((await put(SLUG, { status: 5, hold_until: 'next week' })).json.errors).toHaveProperty(
      'hold_until',
    );
    expect((await get(SLUG)).status).toBe(1);

    const held = await put(SLUG, { status: 5, hold_until: '2026-12-07T09:00:00-05:00' });
    expect(held.json).toMatchObject({ status: 5, hold_until: '2026-12-07T14:00:00.000Z' });
    expect((await put(SLUG, { status: 0 })).json).toMatchObject({ status: 0, hold_until: null });
  });

  test('unknown status codes are kept; a status that is no code is 422', async () => {
    expect((await put(SLUG, { status: 14 })).json.status).toBe(14);
    expect((await put(SLUG, { status: '9' })).json.status).toBe(9);
    for (const status of ['open', -1, 1.5]) {
      expect((await put(SLUG, { status })).json.errors).toHaveProperty('status');
    }
  });

  test('data is merged key by key, null removes a key; tag_list may be a comma-separated string', async () => {
    const reply = await put(SLUG, {
      data: { 'Shopify Order ID': null, Carrier: 'UPS', Items: 2 },
      tag_list: 'shipping, courier ,shipping',
    });
    expect(reply.json.data).toEqual({
      [DEMO.conversation.data.key]: DEMO.conversation.data.value,
      Carrier: 'UPS',
      Items: '2',
    });
    expect(reply.json.tag_list).toEqual(['shipping', 'courier']);
    // The data lookup sees the change.
    const found = await call('/api/v1/conversations?filter=all&data[Carrier]=UPS');
    expect(found.json.conversations.map((c: { slug: string }) => c.slug)).toEqual([SLUG]);
  });

  test('several wrong fields are named at once and nothing changes', async () => {
    const before = await get(SLUG);
    const reply = await put(SLUG, {
      status: 5,
      assignee: 'nobody@example.com',
      tag_list: [1, 2],
      data: 'x',
    });
    expect(reply.status).toBe(422);
    expect(Object.keys(reply.json.errors).sort()).toEqual([
      'assignee',
      'data',
      'hold_until',
      'tag_list',
    ]);
    expect(await get(SLUG)).toEqual(before);
  });

  test('category moves it to another email channel only', async () => {
    const moved = await put(SLUG, { category: DEMO.amazon.channel });
    expect(moved.json.category).toMatchObject({ slug: DEMO.amazon.channel, channel: 1 });
    expect((await messagesOf(SLUG)).messages[0].conversation.category.slug).toBe(
      DEMO.amazon.channel,
    );
    expect((await put(SLUG, { category: DEMO.chat.channel })).json.errors).toHaveProperty(
      'category',
    );
    expect((await put(SLUG, { category: 'nope' })).status).toBe(422);
  });

  test('an unknown slug is 404; an empty update answers the conversation unchanged', async () => {
    expect((await put('nope', { status: 2 })).status).toBe(404);
    const before = await get(SLUG);
    const same = await put(SLUG, {});
    expect(same.status).toBe(200);
    expect({ ...same.json, updated_at: before.updated_at }).toEqual(before);
  });
});

describe('POST /conversations', () => {
  const valid = {
    subject: 'Missing charger for order #2210',
    category: 'support',
    message: { body: 'The charger was not in the box.' },
    user: { email: 'Noor.Haddad@example.org', name: 'Noor Haddad' },
    data: { 'Order Number': '#2210' },
    tag_list: ['missing-item'],
  };

  test('each missing required field is named: category, message.body, user.email', async () => {
    const none = await create({});
    expect(none).toMatchObject({
      status: 422,
      json: {
        errors: {
          category: ["can't be blank"],
          'message.body': ["can't be blank"],
          'user.email': ["can't be blank"],
        },
      },
    });
    const noCategory = { ...valid, category: undefined }; // dropped by JSON.stringify
    expect((await create(noCategory)).json).toEqual({ errors: { category: ["can't be blank"] } });
    expect((await create({ ...valid, message: {} })).json).toEqual({
      errors: { 'message.body': ["can't be blank"] },
    });
    expect((await create({ ...valid, user: { name: 'No Email' } })).json).toEqual({
      errors: { 'user.email': ["can't be blank"] },
    });
    expect((await create({ ...valid, category: 'nope' })).json.errors).toHaveProperty('category');
    expect((await create({ ...valid, user: { email: 'not-an-email' } })).status).toBe(422);
    expect(
      (await call('/api/v1/conversations?filter=all&data[Order%20Number]=%232210')).json
        .total_count,
    ).toBe(0);
  });

  test('creates it with a slug from the subject, and it is found by the usual lookups', async () => {
    const reply = await create({ ...valid, suppress_notifications: true });
    expect(reply.status).toBe(200);
    const created = reply.json;
    expect(created).toMatchObject({
      subject: valid.subject,
      slug: 'missing-charger-for-order-2210',
      status: 0,
      origin: 7,
      tag_list: ['missing-item'],
      data: { 'Order Number': '#2210' },
      message: { body: valid.message.body, origin_id: expect.any(String) },
      author: { name: 'Noor Haddad', email: 'Noor.Haddad@example.org' },
      assignee: null,
      category: { slug: 'support', channel: 1 },
      last_customer_message: { body: valid.message.body },
      last_staff_message: null,
      message_count: 1,
      hold_until: null,
    });
    expect(await get(created.slug)).toEqual(created);

    const forEmail = await call('/api/v1/conversations?for=noor.haddad%40example.org');
    expect(forEmail.json.conversations.map((c: { slug: string }) => c.slug)).toEqual([
      created.slug,
    ]);
    const byData = await call('/api/v1/conversations?filter=all&data[Order%20Number]=%232210');
    expect(byData.json.conversations.map((c: { slug: string }) => c.slug)).toEqual([created.slug]);
    const refId = fake.conversation(DEMO.brand, created.slug)!.refId;
    expect((await call(`${conversationPath(refId)}?id_type=ref`)).json.slug).toBe(created.slug);
    const thread = await messagesOf(created.slug);
    expect(thread.messages).toEqual([
      expect.objectContaining({
        body: valid.message.body,
        visibility: 0,
        user: { name: 'Noor Haddad', email: 'Noor.Haddad@example.org', 'staff?': false },
      }),
    ]);
  });

  test('the same subject twice gets two slugs; a known customer keeps their id and SSO id', async () => {
    const first = await create({ ...valid, user: { email: DEMO.customer.email } });
    const second = await create({ ...valid, user: { email: DEMO.customer.email } });
    expect(second.json.slug).not.toBe(first.json.slug);
    expect(first.json.author).toMatchObject({ name: DEMO.customer.name, id: 48_213_377 });
    const bySso = await call(
      `/api/v1/conversations?filter=all&for_id=${encodeURIComponent(DEMO.customer.ssoId)}`,
    );
    expect(bySso.json.total_count).toBe(DEMO.customer.conversationCount + 2);
  });

  test('status and suppress_notification are accepted; a body with no subject gives the slug', async () => {
    const reply = await create({
      category: DEMO.chat.channel,
      message: { body: 'Do you ship to Norway?' },
      user: { email: 'visitor@example.no' },
      status: 1,
      suppress_notification: true,
    });
    expect(reply.json).toMatchObject({
      subject: null,
      display_subject: 'Do you ship to Norway?',
      slug: 'do-you-ship-to-norway',
      status: 1,
      category: { slug: DEMO.chat.channel, channel: 6 },
    });
  });
});

describe('request bodies', () => {
  test('malformed JSON, a missing root key or a non-JSON content type is 400', async () => {
    const path = `${conversationPath(SLUG)}/messages`;
    const malformed = await call(path, { method: 'POST', raw: '{"message": {"body": "x"' });
    expect(malformed).toMatchObject({ status: 400, json: { error: expect.any(String) } });
    const unwrapped = await call(path, { method: 'POST', body: { body: 'x' } });
    expect(unwrapped).toMatchObject({
      status: 400,
      json: { error: 'param is missing or the value is empty: message' },
    });
    expect((await call(path, { method: 'POST' })).status).toBe(400);
    expect((await call(path, { method: 'POST', body: { message: 'x' } })).status).toBe(400);
    const form = await call(path, {
      method: 'POST',
      raw: 'message[body]=x',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(400);
    expect((await put(SLUG, undefined, { body: { status: 2 } })).status).toBe(400);
    expect((await messagesOf(SLUG)).total_count).toBe(DEMO.conversation.messageCount);
  });

  test('the log keeps the body sent', async () => {
    await post(SLUG, { body: 'Logged.', origin_id: 'log-1' });
    expect(fake.log.at(-1)).toMatchObject({
      method: 'POST',
      status: 200,
      body: { message: { body: 'Logged.', origin_id: 'log-1' } },
    });
  });
});

describe('writes and the knobs', () => {
  test('writes need the same auth, and a refused one creates nothing', async () => {
    const refused = await post(SLUG, { body: 'x' }, { auth: basic(DEMO.login.email, 'nope') });
    expect(refused.status).toBe(403);
    expect((await put(SLUG, { status: 2 }, { host: SOUTHWIND, auth: solAuth })).status).toBe(404);
    expect((await messagesOf(SLUG)).total_count).toBe(DEMO.conversation.messageCount);
  });

  test('writes count toward the rate limit; a 429 writes nothing', async () => {
    fake.configure({ rateLimitPerMinute: 2 });
    expect((await put(SLUG, { tag_list: ['a'] })).status).toBe(200);
    await call('/api/v1/staff');
    expect((await put(SLUG, { tag_list: ['b'] })).status).toBe(429);
    fake.configure({ rateLimitPerMinute: null });
    expect((await get(SLUG)).tag_list).toEqual(['a']);
  });

  test('failNext answers a write without doing it', async () => {
    fake.configure({ failNext: { status: 503, count: 1 } });
    expect((await post(SLUG, { body: 'x' })).status).toBe(503);
    expect((await messagesOf(SLUG)).total_count).toBe(DEMO.conversation.messageCount);
  });

  test('rejectNextWrite answers the next write 422 naming its field, changes nothing, then is spent', async () => {
    fake.configure({ rejectNextWrite: { field: 'hold_until', message: 'must be in the future' } });
    expect((await get(SLUG)).status).toBe(1); // reads do not spend it
    const refused = await put(SLUG, { status: 5, hold_until: '2020-01-01T00:00:00Z' });
    expect(refused.status).toBe(422);
    expect(refused.json).toEqual({ errors: { hold_until: ['must be in the future'] } });
    expect((await get(SLUG)).status).toBe(1);
    const again = await put(SLUG, { status: 5, hold_until: '2030-01-01T00:00:00Z' });
    expect(again.status).toBe(200);
    expect(again.json.status).toBe(5);
  });

  test('latency delays write answers too; malformedJson breaks them', async () => {
    fake.configure({ latencyMs: 150 });
    const started = performance.now();
    await put(SLUG, { status: 2 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    fake.configure({ latencyMs: 0, malformedJson: true });
    const broken = await put(SLUG, { status: 0 });
    expect(broken.status).toBe(200);
    expect(broken.json).toBeUndefined();
  });

  test('reset() restores the data; the data given at start is never written', async () => {
    await post(SLUG, { body: 'Gone after reset.' });
    await create({
      category: 'support',
      message: { body: 'Hello' },
      user: { email: 'temp@example.org' },
    });
    fake.reset();
    expect((await messagesOf(SLUG)).total_count).toBe(DEMO.conversation.messageCount);
    expect((await call('/api/v1/conversations?for=temp%40example.org')).json.total_count).toBe(0);
    const original = demoData.brands[DEMO.brand]!.conversations.find((c) => c.slug === SLUG)!;
    expect(original.messages).toHaveLength(DEMO.conversation.messageCount);
  });
});

describe('GET /response_templates', () => {
  test('a paged envelope of templates sorted by name, each with its group', async () => {
    const reply = await call('/api/v1/response_templates');
    expect(reply.json).toMatchObject({
      page_size: 30,
      page_count: 1,
      total_count: DEMO.responseTemplates.count,
    });
    const names = reply.json.response_templates.map((t: { name: string }) => t.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    for (const template of reply.json.response_templates) {
      expect(Object.keys(template).sort()).toEqual([
        'body',
        'id',
        'name',
        'response_template_group',
      ]);
      expect(template.response_template_group).toEqual({
        id: expect.any(Number),
        name: expect.any(String),
      });
    }
    expect((await call('/api/v1/response_templates?page=2')).json.response_templates).toEqual([]);
  });

  test('q searches names and bodies, in any case', async () => {
    const reply = await call('/api/v1/response_templates?q=REFUND');
    expect(reply.json.response_templates.map((t: { name: string }) => t.name)).toEqual(
      DEMO.responseTemplates.refundMatches,
    );
    expect((await call('/api/v1/response_templates?q=zebra')).json.total_count).toBe(0);
  });

  test('one template by id; unknown ids are 404; brands have their own', async () => {
    const one = await call(`/api/v1/response_templates/${DEMO.responseTemplates.shippingDelayId}`);
    expect(one.json).toMatchObject({
      id: DEMO.responseTemplates.shippingDelayId,
      name: DEMO.responseTemplates.shippingDelayName,
      body: expect.stringContaining('courier'),
    });
    expect((await call('/api/v1/response_templates/999')).status).toBe(404);
    expect((await call('/api/v1/response_templates/shipping')).status).toBe(404);
    const southwind = await call('/api/v1/response_templates', { host: SOUTHWIND, auth: solAuth });
    expect(southwind.json.response_templates.map((t: { name: string }) => t.name)).toEqual([
      'Spare parts',
    ]);
    expect(
      (
        await call(`/api/v1/response_templates/${DEMO.responseTemplates.shippingDelayId}`, {
          host: SOUTHWIND,
          auth: solAuth,
        })
      ).status,
    ).toBe(404);
  });
});
