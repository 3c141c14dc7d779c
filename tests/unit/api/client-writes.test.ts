// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createReamazeClient, type ClientOptions } from '@/lib/api/client';
import { ReamazeApiError, SerializedApiErrorSchema } from '@/lib/api/errors';
import {
  fakeFetch,
  fakeSleep,
  hangingReply,
  reply,
  replyWithFixture,
  type FetchCall,
} from '../fake-fetch';
import { english } from '../i18n/locales';

const TOKEN = 'tok_9f8e7d6c5b4a3210secret';
const CREDENTIALS = { brand: 'northwind', email: 'agent@northwind.example', token: TOKEN };
const BASE = 'https://northwind.reamaze.io/api/v1';
const SLUG = 'where-is-order-1042';
const REPLY = { body: 'Thursday it is.', visibility: 'reply', originId: 'inline-7c1e' } as const;

function clientWith(fetch: typeof globalThis.fetch, options: ClientOptions = {}) {
  return createReamazeClient(CREDENTIALS, {
    t: english.t,
    fetch,
    sleep: fakeSleep().sleep,
    ...options,
  });
}

async function apiErrorOf(promise: Promise<unknown>): Promise<ReamazeApiError> {
  const error = await promise.then(
    (value) => expect.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(ReamazeApiError);
  return error as ReamazeApiError;
}

function sentJson(call: FetchCall | undefined): unknown {
  expect(typeof call?.init.body).toBe('string');
  return JSON.parse(call?.init.body as string);
}

describe('write requests', () => {
  it('sends a reply as a JSON POST under `message`, with basic auth and no cookies', async () => {
    const { fetch, calls } = fakeFetch(replyWithFixture('message-create-200.json'));
    const message = await clientWith(fetch).createMessage(SLUG, REPLY);

    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.rawUrl).toBe(`${BASE}/conversations/${SLUG}/messages`);
    expect(call?.init.method).toBe('POST');
    expect(call?.init.credentials).toBe('omit');
    expect(call?.headers.get('Content-Type')).toBe('application/json');
    expect(call?.headers.get('Accept')).toBe('application/json');
    const expected = Buffer.from(`agent@northwind.example:${TOKEN}`, 'utf8').toString('base64');
    expect(call?.headers.get('Authorization')).toBe(`Basic ${expected}`);
    // Options not given are left out, not sent as null.
    expect(sentJson(call)).toEqual({
      message: { body: 'Thursday it is.', visibility: 0, origin_id: 'inline-7c1e' },
    });

    expect(message.visibility).toBe(0);
    expect(message.origin_id).toBe('inline-7c1e2f9a-reply');
    expect(message.conversation.slug).toBe(SLUG);
    expect(message.origin).toBeUndefined();
  });

  it('sends an internal note as visibility 1, with its suppress options', async () => {
    const { fetch, calls } = fakeFetch(replyWithFixture('message-create-note-200.json'));
    const note = await clientWith(fetch).createMessage(SLUG, {
      body: 'Courier ticket CT-88213 opened.',
      visibility: 'note',
      originId: 'inline-7c1e-note',
      suppressNotifications: true,
      suppressAutoresolve: false,
    });

    expect(sentJson(calls[0])).toEqual({
      message: {
        body: 'Courier ticket CT-88213 opened.',
        visibility: 1,
        origin_id: 'inline-7c1e-note',
        suppress_notifications: true,
        suppress_autoresolve: false,
      },
    });
    expect(note.visibility).toBe(1);
  });

  it('updates a conversation with a PUT under `conversation`, the assignee as an email hash', async () => {
    const { fetch, calls } = fakeFetch(replyWithFixture('conversation-update-200.json'));
    const updated = await clientWith(fetch).updateConversation(SLUG, {
      status: 5,
      holdUntil: new Date('2024-03-07T14:00:00Z'),
      tagList: ['shipping', 'shopify', 'courier-trace'],
      assignee: 'priya@acme.example',
      data: { 'Courier Ticket': 'CT-88213' },
    });

    expect(calls[0]?.rawUrl).toBe(`${BASE}/conversations/${SLUG}`);
    expect(calls[0]?.init.method).toBe('PUT');
    expect(calls[0]?.headers.get('Content-Type')).toBe('application/json');
    expect(sentJson(calls[0])).toEqual({
      conversation: {
        status: 5,
        hold_until: '2024-03-07T14:00:00.000Z',
        tag_list: ['shipping', 'shopify', 'courier-trace'],
        assignee: { email: 'priya@acme.example' },
        data: { 'Courier Ticket': 'CT-88213' },
      },
    });
    expect(updated.status).toBe(5);
    expect(updated.hold_until).toBe('2024-03-07T09:00:00.000-05:00');
    expect(updated.assignee?.email).toBe('priya@acme.example');
  });

  it('sends only what the update names; a hold time given as text is sent in UTC', async () => {
    const { fetch, calls } = fakeFetch(
      replyWithFixture('conversation-update-200.json'),
      replyWithFixture('conversation-update-200.json'),
      replyWithFixture('conversation-update-200.json'),
    );
    const client = clientWith(fetch);
    await client.updateConversation(SLUG, { tagList: [] });
    await client.updateConversation(SLUG, { status: 2 });
    await client.updateConversation(SLUG, { status: 5, holdUntil: '2024-03-07T09:00:00-05:00' });

    expect(calls.map(sentJson)).toEqual([
      { conversation: { tag_list: [] } },
      { conversation: { status: 2 } },
      { conversation: { status: 5, hold_until: '2024-03-07T14:00:00.000Z' } },
    ]);
  });

  it('starts a conversation with the message and the customer nested', async () => {
    const { fetch, calls } = fakeFetch(replyWithFixture('conversation-create-200.json'));
    const created = await clientWith(fetch).createConversation({
      subject: 'Damaged kettle lid, order #1061',
      category: 'support',
      body: 'Customer called: the lid arrived cracked.',
      customer: { email: 'marco.bellini@example.org', name: 'Marco Bellini' },
      data: { 'Order Number': '#1061' },
      suppressNotifications: true,
    });

    expect(calls[0]?.rawUrl).toBe(`${BASE}/conversations`);
    expect(calls[0]?.init.method).toBe('POST');
    expect(sentJson(calls[0])).toEqual({
      conversation: {
        subject: 'Damaged kettle lid, order #1061',
        category: 'support',
        data: { 'Order Number': '#1061' },
        message: {
          body: 'Customer called: the lid arrived cracked.',
          suppress_notifications: true,
        },
        user: { name: 'Marco Bellini', email: 'marco.bellini@example.org' },
      },
    });
    expect(created.slug).toBe('damaged-kettle-lid-order-1061');
    expect(created.assignee).toBeNull();
  });

  it('leaves a nameless customer and absent options out of a new conversation', async () => {
    const { fetch, calls } = fakeFetch(replyWithFixture('conversation-create-200.json'));
    await clientWith(fetch).createConversation({
      subject: 'Hello',
      category: 'support',
      body: 'Hi',
      customer: { email: 'marco.bellini@example.org' },
    });
    expect(sentJson(calls[0])).toEqual({
      conversation: {
        subject: 'Hello',
        category: 'support',
        message: { body: 'Hi' },
        user: { email: 'marco.bellini@example.org' },
      },
    });
  });

  it('keeps the slug inside one path segment, and sends nothing for a dot segment', async () => {
    const { fetch, calls } = fakeFetch(replyWithFixture('message-create-200.json'));
    const client = clientWith(fetch);
    await client.createMessage('odd/slug?x', REPLY);
    expect(calls[0]?.rawUrl).toBe(`${BASE}/conversations/odd%2Fslug%3Fx/messages`);

    expect((await apiErrorOf(client.createMessage('..', REPLY))).kind).toBe('notFound');
    expect((await apiErrorOf(client.updateConversation('.', { status: 2 }))).kind).toBe('notFound');
    expect(calls).toHaveLength(1);
  });
});

describe('response templates', () => {
  it('lists them with a keyword and page, as a GET without a body', async () => {
    const { fetch, calls } = fakeFetch(replyWithFixture('response-templates-200.json'));
    const page = await clientWith(fetch).listResponseTemplates({ q: 'refund & co', page: 2 });

    expect(calls[0]?.rawUrl).toBe(`${BASE}/response_templates?q=refund%20%26%20co&page=2`);
    expect(calls[0]?.init.method).toBe('GET');
    expect(calls[0]?.init.body).toBeUndefined();
    expect(calls[0]?.headers.get('Content-Type')).toBeNull();
    expect(page.response_templates.map((t) => t.name)).toEqual([
      'Tracking: courier trace opened',
      'Refund issued',
    ]);
    expect(page.response_templates[0]?.response_template_group?.name).toBe('Shipping');
    expect(page.response_templates[1]?.response_template_group).toBeNull();
    // The recorded reply has no page counts; the nameless template is left out and counted.
    expect(page.total_count).toBeUndefined();
    expect(page.skipped).toBe(1);
  });

  it('asks without parameters by default', async () => {
    const { fetch, calls } = fakeFetch(reply('{"response_templates":[],"total_count":0}'));
    const page = await clientWith(fetch).listResponseTemplates();
    expect(calls[0]?.rawUrl).toBe(`${BASE}/response_templates`);
    expect(page).toEqual({ response_templates: [], total_count: 0, skipped: 0 });
  });
});

describe('refused before sending', () => {
  it('will not put a conversation on hold without a time to hold it until', async () => {
    const { fetch, calls } = fakeFetch();
    const error = await apiErrorOf(clientWith(fetch).updateConversation(SLUG, { status: 5 }));

    expect(calls).toHaveLength(0);
    expect(error.kind).toBe('invalid');
    expect(error.status).toBeUndefined();
    expect(error.fieldErrors).toEqual({
      hold_until: [
        'A conversation is put on hold only until a given time; choose when it should reopen.',
      ],
    });
    expect(error.message).toBe(
      'Could not change the status of conversation "where-is-order-1042" in "northwind": ' +
        'A conversation is put on hold only until a given time; choose when it should reopen.',
    );
  });

  it('will not send an unreadable hold time, a made-up status or a blank origin id', async () => {
    const { fetch, calls } = fakeFetch();
    const client = clientWith(fetch);
    const errors = [
      await apiErrorOf(client.updateConversation(SLUG, { status: 5, holdUntil: 'next week' })),
      await apiErrorOf(client.updateConversation(SLUG, { status: -1 })),
      await apiErrorOf(client.updateConversation(SLUG, { status: 2.5 })),
      await apiErrorOf(client.createMessage(SLUG, { ...REPLY, originId: '  ' })),
    ];

    expect(calls).toHaveLength(0);
    expect(errors.map((error) => Object.keys(error.fieldErrors ?? {}))).toEqual([
      ['hold_until'],
      ['status'],
      ['status'],
      ['origin_id'],
    ]);
    for (const error of errors) expect(error.kind).toBe('invalid');
  });
});

describe('write failures', () => {
  it.each([401, 403])('a %i names the action the token may not do', async (status) => {
    const { fetch } = fakeFetch(
      replyWithFixture('error-403.json', status),
      replyWithFixture('error-403.json', status),
      replyWithFixture('error-403.json', status),
      replyWithFixture('error-403.json', status),
      replyWithFixture('error-403.json', status),
    );
    const client = clientWith(fetch);
    const errors = [
      await apiErrorOf(client.createMessage(SLUG, REPLY)),
      await apiErrorOf(client.createMessage(SLUG, { ...REPLY, visibility: 'note' })),
      await apiErrorOf(client.updateConversation(SLUG, { status: 2 })),
      await apiErrorOf(
        client.updateConversation(SLUG, { assignee: 'priya@acme.example', tagList: ['vip'] }),
      ),
      await apiErrorOf(
        client.createConversation({
          subject: 'Hello',
          category: 'support',
          body: 'Hi',
          customer: { email: 'marco.bellini@example.org' },
        }),
      ),
    ];

    for (const error of errors) expect(error).toMatchObject({ kind: 'unauthorized', status });
    expect(errors.map((error) => error.message.split(' in "northwind"')[0])).toEqual([
      'Re:amaze did not let this API token send this reply to conversation "where-is-order-1042"',
      'Re:amaze did not let this API token add this internal note to conversation ' +
        '"where-is-order-1042"',
      'Re:amaze did not let this API token change the status of conversation "where-is-order-1042"',
      'Re:amaze did not let this API token change the assignee and tags of conversation ' +
        '"where-is-order-1042"',
      'Re:amaze did not let this API token start the conversation "Hello"',
    ]);
    expect(errors[0]?.message).toContain('may lack the permission for it');
  });

  it('a 404 names the missing conversation', async () => {
    const { fetch } = fakeFetch(replyWithFixture('error-404.json', 404));
    const error = await apiErrorOf(clientWith(fetch).createMessage('nope-123', REPLY));
    expect(error).toMatchObject({ kind: 'notFound', status: 404 });
    expect(error.message).toBe('Re:amaze has no conversation "nope-123" in brand "northwind".');
  });

  it('a 422 carries the field errors, named for their fields', async () => {
    const { fetch } = fakeFetch(replyWithFixture('error-422.json', 422));
    const error = await apiErrorOf(
      clientWith(fetch).createConversation({
        subject: 'Hello',
        category: '',
        body: '',
        customer: { email: 'marco.bellini@example.org' },
      }),
    );

    expect(error).toMatchObject({ kind: 'invalid', status: 422 });
    expect(error.fieldErrors).toEqual({
      category: ["can't be blank"],
      'message.body': ["can't be blank", 'is too short (minimum is 1 character)'],
    });
    expect(error.message).toBe(
      'Re:amaze refused to start the conversation "Hello" in "northwind": ' +
        "category: can't be blank; message.body: can't be blank, is too short (minimum is 1 " +
        'character).',
    );
  });

  it.each([
    [
      'nested fields',
      'error-422-nested.json',
      {
        'message.body': ["can't be blank"],
        'user.email': ['is invalid'],
        category: ["can't be blank"],
      },
    ],
    ['one string per field', '{"errors":{"body":"can\'t be blank"}}', { body: ["can't be blank"] }],
    ['a list of messages', '{"errors":["Body is required"]}', { base: ['Body is required'] }],
    ['a bare message', '{"errors":"Conversation is closed"}', { base: ['Conversation is closed'] }],
  ])('a 422 with %s gives field errors', async (_shape, body, fieldErrors) => {
    const recorded = body.endsWith('.json') ? replyWithFixture(body, 422) : reply(body, 422);
    const { fetch } = fakeFetch(recorded);
    const error = await apiErrorOf(clientWith(fetch).createMessage(SLUG, REPLY));
    expect(error.kind).toBe('invalid');
    expect(error.fieldErrors).toEqual(fieldErrors);
  });

  it('a 422 with only an `error` string, or no body, still says what was refused', async () => {
    const { fetch } = fakeFetch(
      reply('{"error":"Conversation is read-only"}', 422),
      reply('', 422),
    );
    const client = clientWith(fetch);
    const said = await apiErrorOf(client.createMessage(SLUG, REPLY));
    const silent = await apiErrorOf(client.createMessage(SLUG, REPLY));

    expect(said.fieldErrors).toBeUndefined();
    expect(said.message).toBe(
      'Re:amaze refused to send this reply to conversation "where-is-order-1042" in ' +
        '"northwind": Conversation is read-only.',
    );
    expect(silent.message).toContain('"northwind": no details given.');
  });

  it('a 5xx is not retried and says to check whether it was done', async () => {
    const { fetch, calls } = fakeFetch(reply('<h1>Bad Gateway</h1>', 502));
    const { sleep, waits } = fakeSleep();
    const error = await apiErrorOf(
      clientWith(fetch, { sleep }).updateConversation(SLUG, { status: 2 }),
    );

    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(error).toMatchObject({ kind: 'server', status: 502 });
    expect(error.message).toContain(
      'while trying to change the status of conversation "where-is-order-1042"',
    );
    expect(error.message).toContain('check in Re:amaze whether it was done before trying again');
  });

  it('an unreadable 2xx reply says the write was probably done', async () => {
    const { fetch } = fakeFetch(reply('<html>OK</html>', 200), reply('{"body":1}', 200));
    const client = clientWith(fetch);
    for (const error of [
      await apiErrorOf(client.createMessage(SLUG, REPLY)),
      await apiErrorOf(client.createMessage(SLUG, REPLY)),
    ]) {
      expect(error.kind).toBe('badResponse');
      expect(error.message).toContain('Re:amaze accepted the request, so it was probably done');
    }
  });
});

describe('writes are not sent twice', () => {
  it('a timeout is not retried, and says the reply may have been sent', async () => {
    const { fetch, calls } = fakeFetch(hangingReply());
    const { sleep, waits } = fakeSleep();
    const error = await apiErrorOf(
      clientWith(fetch, { sleep, timeoutMs: 20 }).createMessage(SLUG, REPLY),
    );

    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(calls[0]?.init.signal?.aborted).toBe(true);
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      'Re:amaze did not answer within 0.02 seconds while trying to send this reply to ' +
        'conversation "where-is-order-1042" for "northwind". Re:amaze may be slow right now, and ' +
        'it may have been done all the same: check in Re:amaze whether it was done before ' +
        'trying again.',
    );
  });

  it('a network failure is not retried', async () => {
    const { fetch, calls } = fakeFetch(() => {
      throw new TypeError('fetch failed');
    });
    const error = await apiErrorOf(
      clientWith(fetch).updateConversation(SLUG, { assignee: 'priya@acme.example' }),
    );

    expect(calls).toHaveLength(1);
    expect(error.kind).toBe('offline');
    expect(error.message).toContain(
      'Could not reach Re:amaze to change the assignee of conversation "where-is-order-1042"',
    );
    expect(error.message).toContain('it may have been done');
  });

  it('a 429 is retried once after Retry-After, with the same request', async () => {
    const { fetch, calls } = fakeFetch(
      reply('', 429, { 'Retry-After': '4' }),
      replyWithFixture('message-create-200.json'),
    );
    const { sleep, waits } = fakeSleep();
    const message = await clientWith(fetch, { sleep }).createMessage(SLUG, REPLY);

    expect(message.conversation.slug).toBe(SLUG);
    expect(waits).toEqual([4000]);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.rawUrl).toBe(calls[0]?.rawUrl);
    expect(calls[1]?.init.method).toBe('POST');
    expect(calls[1]?.init.body).toBe(calls[0]?.init.body);
  });

  it('a second 429 gives up with rateLimited after two requests', async () => {
    const { fetch, calls } = fakeFetch(
      reply('', 429, { 'Retry-After': '1' }),
      reply('', 429, { 'Retry-After': '30' }),
    );
    const error = await apiErrorOf(
      clientWith(fetch).updateConversation(SLUG, { tagList: ['vip'] }),
    );
    expect(calls).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'rateLimited', status: 429, retryAfterSeconds: 30 });
  });

  it('a 429 is not retried when the caller waits elsewhere', async () => {
    const { fetch, calls } = fakeFetch(reply('', 429, { 'Retry-After': '1' }));
    const error = await apiErrorOf(
      clientWith(fetch, { retryRateLimited: false }).createMessage(SLUG, REPLY),
    );
    expect(calls).toHaveLength(1);
    expect(error.kind).toBe('rateLimited');
  });
});

describe('the token never leaks from a write', () => {
  const encodedAuth = Buffer.from(`${CREDENTIALS.email}:${TOKEN}`).toString('base64');
  const echoesToken = JSON.stringify({
    error: `Invalid token ${TOKEN}`,
    errors: { body: [`${TOKEN} is not valid`], [TOKEN]: { nested: [TOKEN] } },
  });

  it.each([
    ['401', () => reply(echoesToken, 401)],
    ['403', () => reply(echoesToken, 403)],
    ['404', () => reply(echoesToken, 404)],
    ['422', () => reply(echoesToken, 422)],
    ['418', () => reply(echoesToken, 418)],
    ['502', () => reply(echoesToken, 502)],
    ['bad JSON', () => reply(`{"token":"${TOKEN}"`, 200)],
    ['bad shape', () => reply(JSON.stringify({ body: TOKEN }), 200)],
    ['timeout', hangingReply()],
    [
      'network failure',
      () => {
        throw new TypeError(`fetch failed for ${TOKEN}`);
      },
    ],
  ])('keeps it out of a %s error', async (_name, respond) => {
    const { fetch } = fakeFetch(respond);
    const error = await apiErrorOf(clientWith(fetch, { timeoutMs: 20 }).createMessage(SLUG, REPLY));
    const serialized = JSON.stringify(error.toJSON());

    for (const text of [error.message, String(error), serialized]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(encodedAuth);
    }
    expect(SerializedApiErrorSchema.parse(JSON.parse(serialized))).toEqual(error.toJSON());
  });

  it('keeps it out of a refusal before sending', async () => {
    const { fetch } = fakeFetch();
    const error = await apiErrorOf(clientWith(fetch).updateConversation(SLUG, { status: 5 }));
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(TOKEN);
  });
});
