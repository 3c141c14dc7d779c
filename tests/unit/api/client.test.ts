// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  adminConversationUrl,
  apiBaseUrl,
  createReamazeClient,
  retryAfterMs,
  type ClientOptions,
} from '@/lib/api/client';
import { ReamazeApiError, SerializedApiErrorSchema } from '@/lib/api/errors';
import { statusLabel } from '@/lib/api/labels';
import { english } from '../i18n/locales';
import {
  fakeFetch,
  fakeSleep,
  fixtureJson,
  hangingReply,
  reply,
  replyWithFixture,
} from '../fake-fetch';

const TOKEN = 'tok_9f8e7d6c5b4a3210secret';
const CREDENTIALS = { brand: 'northwind', email: 'agent@northwind.example', token: TOKEN };
const BASE = 'https://northwind.reamaze.io/api/v1';

function clientWith(fetch: typeof globalThis.fetch, options: ClientOptions = {}) {
  return createReamazeClient(CREDENTIALS, {
    t: english.t,
    fetch,
    sleep: fakeSleep().sleep,
    ...options,
  });
}

/** The rejection of `promise`, failing the test if it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => expect.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

async function apiErrorOf(promise: Promise<unknown>): Promise<ReamazeApiError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(ReamazeApiError);
  return error as ReamazeApiError;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('URLs', () => {
  it('uses the .reamaze.io API host and the .reamaze.com admin UI', () => {
    expect(apiBaseUrl('northwind')).toBe('https://northwind.reamaze.io/api/v1');
    expect(adminConversationUrl('northwind', 'where-is-order-1042')).toBe(
      'https://northwind.reamaze.com/admin/conversations/where-is-order-1042',
    );
    expect(adminConversationUrl('northwind', 'a/b c?')).toBe(
      'https://northwind.reamaze.com/admin/conversations/a%2Fb%20c%3F',
    );
  });
});

describe('requests', () => {
  it('sends a GET with JSON accept, basic auth and no browser cookies', async () => {
    const { fetch, calls } = fakeFetch(replyWithFixture('conversation-200.json'));
    await clientWith(fetch).getConversation('where-is-order-1042');

    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.rawUrl).toBe(`${BASE}/conversations/where-is-order-1042`);
    expect(call?.init.method).toBe('GET');
    expect(call?.init.credentials).toBe('omit');
    expect(call?.headers.get('Accept')).toBe('application/json');
    const expected = Buffer.from(`agent@northwind.example:${TOKEN}`, 'utf8').toString('base64');
    expect(call?.headers.get('Authorization')).toBe(`Basic ${expected}`);
  });

  it('encodes basic-auth credentials as UTF-8', async () => {
    const { fetch, calls } = fakeFetch(replyWithFixture('staff-200.json'));
    const client = createReamazeClient(
      { brand: 'northwind', email: 'zoë@northwind.example', token: 'tök€n' },
      { t: english.t, fetch },
    );
    await client.listStaff();

    const encoded = calls[0]?.headers.get('Authorization')?.replace(/^Basic /, '') ?? '';
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe('zoë@northwind.example:tök€n');
  });

  it('keeps ids inside one path segment', async () => {
    const { fetch, calls } = fakeFetch(
      replyWithFixture('conversation-200.json'),
      replyWithFixture('conversation-200.json'),
      replyWithFixture('messages-200.json'),
    );
    const client = clientWith(fetch);
    await client.getConversation('113-1234567-1234567', { idType: 'ref' });
    await client.getConversation('../staff/a b?x=1#frag');
    await client.listMessages('odd/slug');

    expect(calls.map((call) => call.rawUrl)).toEqual([
      `${BASE}/conversations/113-1234567-1234567?id_type=ref`,
      `${BASE}/conversations/..%2Fstaff%2Fa%20b%3Fx%3D1%23frag`,
      `${BASE}/conversations/odd%2Fslug/messages`,
    ]);
    expect(calls[1]?.url.pathname).toBe('/api/v1/conversations/..%2Fstaff%2Fa%20b%3Fx%3D1%23frag');
  });

  it('answers not found for dot-segment ids without asking, since they would leave the path', async () => {
    const { fetch, calls } = fakeFetch();
    const client = clientWith(fetch);

    for (const id of ['', '.', '..']) {
      const error = await apiErrorOf(client.getConversation(id));
      expect(error.kind).toBe('notFound');
    }
    expect((await apiErrorOf(client.listMessages('..'))).kind).toBe('notFound');
    expect(calls).toHaveLength(0);
  });

  it('passes an origin-id lookup with its channel', async () => {
    const { fetch, calls } = fakeFetch(replyWithFixture('conversation-200.json'));
    await clientWith(fetch).getConversation('AMZ 113-1234567', {
      idType: 'origin',
      category: 'amazon-uk',
      channel: 1,
    });

    expect(calls[0]?.rawUrl).toBe(
      `${BASE}/conversations/AMZ%20113-1234567?id_type=origin&category=amazon-uk&channel=1`,
    );
  });

  it('builds the conversation query in Rails style', async () => {
    const { fetch, calls } = fakeFetch(replyWithFixture('conversations-200.json'));
    await clientWith(fetch).listConversations({
      for: 'dana+shop@example.net',
      forId: 'sso-77',
      filter: 'all',
      tag: ['vip', 'refund'],
      category: 'support',
      sort: 'changed',
      page: 2,
      data: { order_number: '1042', 'Order Number': '#1042 & co' },
    });

    const call = calls[0];
    expect(call?.rawUrl).toBe(
      `${BASE}/conversations?for=dana%2Bshop%40example.net&for_id=sso-77&filter=all` +
        '&tag=vip%2Crefund&category=support&sort=changed&page=2' +
        '&data[order_number]=1042&data[Order%20Number]=%231042%20%26%20co',
    );
    // What a Rails server decodes from it:
    const params = call?.url.searchParams;
    expect(params?.get('for')).toBe('dana+shop@example.net');
    expect(params?.get('tag')).toBe('vip,refund');
    expect(params?.get('data[order_number]')).toBe('1042');
    expect(params?.get('data[Order Number]')).toBe('#1042 & co');
  });

  it('leaves out absent and empty parameters', async () => {
    const { fetch, calls } = fakeFetch(
      replyWithFixture('conversations-200.json'),
      replyWithFixture('conversations-200.json'),
    );
    const client = clientWith(fetch);
    await client.listConversations({ for: 'dana.whitfield@example.net', tag: [], category: '' });
    await client.listConversations({ tag: 'shipping' });

    expect(calls.map((call) => call.rawUrl)).toEqual([
      `${BASE}/conversations?for=dana.whitfield%40example.net`,
      `${BASE}/conversations?tag=shipping`,
    ]);
  });

  it('builds message, channel and staff requests', async () => {
    const { fetch, calls } = fakeFetch(
      replyWithFixture('messages-200.json'),
      replyWithFixture('channels-200.json'),
      replyWithFixture('staff-200.json'),
      replyWithFixture('channels-200.json'),
    );
    const client = clientWith(fetch);
    await client.listMessages('where-is-order-1042', { filter: 'customer', page: 2 });
    await client.listChannels({ channel: 'email', page: 1 });
    await client.listStaff({ page: 3 });
    await client.listChannels();

    expect(calls.map((call) => call.rawUrl)).toEqual([
      `${BASE}/conversations/where-is-order-1042/messages?filter=customer&page=2`,
      `${BASE}/channels?channel=email&page=1`,
      `${BASE}/staff?page=3`,
      `${BASE}/channels`,
    ]);
  });
});

describe('parsing replies', () => {
  it('returns the recorded conversation page', async () => {
    const { fetch } = fakeFetch(replyWithFixture('conversations-200.json'));
    const page = await clientWith(fetch).listConversations({ for: 'dana.whitfield@example.net' });

    expect(page.total_count).toBe(2);
    expect(page.conversations.map((c) => c.slug)).toEqual([
      'where-is-order-1042',
      'return-label-for-order-0977',
    ]);
    expect(page.conversations[1]?.assignee).toBeNull();
    expect(page.conversations[1]?.category?.channel).toBe(6);
  });

  it('tolerates unknown statuses, nulls and extra fields, keeping the extras', async () => {
    const { fetch } = fakeFetch(replyWithFixture('conversation-tolerant.json'));
    const conversation = await clientWith(fetch).getConversation('where-is-order-1042');

    expect(conversation.status).toBe(12);
    expect(statusLabel(english.t, conversation.status)).toBe('Unknown (12)');
    expect(conversation.subject).toBeNull();
    expect(conversation.assignee).toBeNull();
    expect(conversation.last_customer_message).toBeNull();
    expect(conversation.author?.email).toBeNull();
    expect(conversation.data).toEqual({
      'Order Number': '#1042',
      Items: 3,
      Gift: false,
      Coupon: null,
      Total: 214.5,
    });
    expect(conversation['sentiment']).toEqual({ label: 'negative', score: -0.62 });
    expect(conversation.author?.['loyalty_tier']).toBe('gold');
    expect(conversation.category?.['brand_id']).toBe(77);
    expect(conversation.followers[2]?.['bot?']).toBe(true);
  });

  it('reads messages with unusual visibility, origins and attachments', async () => {
    const { fetch } = fakeFetch(replyWithFixture('messages-tolerant.json'));
    const page = await clientWith(fetch).listMessages('where-is-order-1042');

    expect(page.messages.map((m) => m.visibility)).toEqual([2, 5, 0]);
    expect(page.messages[1]?.origin).toBe(19);
    expect(page.messages[1]?.recipients).toBeUndefined();
    expect(page.messages[1]?.['reactions']).toEqual(['thumbs_up']);
    expect(page.messages[0]?.user['staff?']).toBe(true);
    expect(page.messages[2]?.attachments?.[1]).toMatchObject({
      file_file_name: 'invoice.pdf',
      thumb_url: null,
      'image?': false,
      scanned: true,
    });
  });

  it('reads staff and channel lists', async () => {
    const { fetch } = fakeFetch(
      replyWithFixture('staff-200.json'),
      replyWithFixture('channels-200.json'),
    );
    const client = clientWith(fetch);
    const staff = await client.listStaff();
    const channels = await client.listChannels();

    expect(staff.staff.map((s) => s.email)).toEqual(['sam@acme.example', 'priya@acme.example']);
    expect(staff.staff[1]?.role.id).toBeNull();
    expect(staff.staff[0]?.role['admin?']).toBe(false);
    expect(channels.channels.map((c) => c.slug)).toEqual(['support', 'acme-chat']);
    expect(channels.channels[1]?.['chat_widget_color']).toBe('#2d6cdf');
  });

  it('reports truncated JSON as a bad response', async () => {
    const { fetch } = fakeFetch(replyWithFixture('conversations-truncated.json'));
    const error = await apiErrorOf(clientWith(fetch).listConversations({ filter: 'all' }));

    expect(error.kind).toBe('badResponse');
    expect(error.status).toBe(200);
    expect(error.message).toBe(
      'Re:amaze\'s reply for the conversation list in "northwind" was not valid JSON. ' +
        'If this keeps happening, check the brand name in the extension options.',
    );
  });

  it('reports an HTML page answered with 200 as a bad response', async () => {
    const { fetch } = fakeFetch(reply('<!doctype html><title>Sign in</title>', 200));
    const error = await apiErrorOf(clientWith(fetch).listStaff());
    expect(error.kind).toBe('badResponse');
    expect(error.message).toContain('not valid JSON');
  });

  it('leaves out a list item it cannot read, keeps the rest of the page and counts it', async () => {
    const { fetch } = fakeFetch(replyWithFixture('conversations-slug-number.json'));
    const page = await clientWith(fetch).listConversations({ filter: 'all' });

    expect(page.conversations.map((c) => c.slug)).toEqual(['where-is-order-1042']);
    expect(page.skipped).toBe(1);
    expect(page.total_count).toBe(2);
  });

  it('names the first failing field path when no item of a page can be read', async () => {
    const recorded = fixtureJson('conversations-slug-number.json') as { conversations: unknown[] };
    const unreadable = { ...recorded, conversations: recorded.conversations.slice(1) };
    const { fetch } = fakeFetch(reply(JSON.stringify(unreadable)));
    const error = await apiErrorOf(clientWith(fetch).listConversations({ filter: 'all' }));

    expect(error.kind).toBe('badResponse');
    expect(error.message).toContain('at conversations.0.slug (');
    expect(error.message).toContain('expected string, received number');
  });

  it('still fails a page whose envelope cannot be read', async () => {
    const recorded = fixtureJson('conversations-200.json') as object;
    const { fetch } = fakeFetch(reply(JSON.stringify({ ...recorded, page_count: 'one' })));
    const error = await apiErrorOf(clientWith(fetch).listConversations({ filter: 'all' }));
    expect(error.message).toContain('at page_count (');
  });

  it('names the top level when the reply is not an object', async () => {
    const { fetch } = fakeFetch(reply('[]'));
    const error = await apiErrorOf(clientWith(fetch).getConversation('where-is-order-1042'));
    expect(error.kind).toBe('badResponse');
    expect(error.message).toContain('at the top level (');
  });
});

describe('one malformed item in a list page', () => {
  async function malformedPage() {
    const { fetch } = fakeFetch(replyWithFixture('conversations-malformed-items.json'));
    const page = await clientWith(fetch).listConversations({ for: 'dana.whitfield@example.net' });
    const bySlug = new Map(page.conversations.map((c) => [c.slug, c]));
    return { page, bySlug };
  }

  it('null tags read as no tags', async () => {
    const { bySlug } = await malformedPage();
    expect(bySlug.get('where-is-order-1042')?.tag_list).toEqual([]);
  });

  it('a missing channel reads as none', async () => {
    const { bySlug } = await malformedPage();
    expect(bySlug.get('return-label-for-order-0977')?.category).toBeNull();
  });

  it('a null author reads as no customer', async () => {
    const { bySlug } = await malformedPage();
    expect(bySlug.get('chat-from-visitor-7731')?.author).toBeNull();
  });

  it('null followers read as none', async () => {
    const { bySlug } = await malformedPage();
    expect(bySlug.get('gift-wrap-for-order-1050')?.followers).toEqual([]);
  });

  it('items still unreadable (no slug, a text status) are left out and counted', async () => {
    const { page } = await malformedPage();
    expect(page.conversations.map((c) => c.slug)).toEqual([
      'where-is-order-1042',
      'return-label-for-order-0977',
      'chat-from-visitor-7731',
      'gift-wrap-for-order-1050',
    ]);
    expect(page.skipped).toBe(2);
  });

  it('a message without its sender is left out of the thread page, the others kept', async () => {
    const { fetch } = fakeFetch(replyWithFixture('messages-malformed-items.json'));
    const page = await clientWith(fetch).listMessages('where-is-order-1042');
    expect(page.messages).toHaveLength(2);
    expect(page.skipped).toBe(1);
  });
});

describe('status mapping', () => {
  it.each([401, 403])('maps %i to unauthorized, pointing at the API token', async (status) => {
    const { fetch } = fakeFetch(replyWithFixture('error-403.json', status));
    const error = await apiErrorOf(clientWith(fetch).listStaff());

    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBe(status);
    expect(error.message).toContain(
      'Re:amaze rejected the login email or API token for "northwind". Check them in the ' +
        'extension options (a token is made in Re:amaze under Settings → Developer → API Token).',
    );
  });

  it('adds the role hint to a 403 only', async () => {
    const { fetch } = fakeFetch(reply('', 401), reply('', 403));
    const client = clientWith(fetch);
    const unauthorized = await apiErrorOf(client.listStaff());
    const forbidden = await apiErrorOf(client.listStaff());

    expect(unauthorized.message).not.toContain('role');
    expect(forbidden.message).toContain(
      'your Re:amaze role may not be allowed to see the staff list',
    );
  });

  it('maps 404 to notFound, naming the conversation or the brand', async () => {
    const { fetch } = fakeFetch(
      replyWithFixture('error-404.json', 404),
      replyWithFixture('error-404.json', 404),
    );
    const client = clientWith(fetch);
    const missingConversation = await apiErrorOf(client.getConversation('nope-123'));
    const missingBrand = await apiErrorOf(client.listConversations({ filter: 'all' }));

    expect(missingConversation).toMatchObject({ kind: 'notFound', status: 404 });
    expect(missingConversation.message).toBe(
      'Re:amaze has no conversation "nope-123" in brand "northwind".',
    );
    expect(missingBrand.kind).toBe('notFound');
    expect(missingBrand.message).toBe(
      'Re:amaze does not know the brand "northwind". Check the brand name in the extension options.',
    );
  });

  it('maps 422 to invalid with the field errors listed', async () => {
    const { fetch } = fakeFetch(replyWithFixture('error-422.json', 422));
    const error = await apiErrorOf(clientWith(fetch).listConversations({ filter: 'all' }));

    expect(error.kind).toBe('invalid');
    expect(error.status).toBe(422);
    expect(error.fieldErrors).toEqual({
      category: ["can't be blank"],
      'message.body': ["can't be blank", 'is too short (minimum is 1 character)'],
    });
    expect(error.message).toBe(
      'Re:amaze did not accept the request for the conversation list in "northwind": ' +
        "category: can't be blank; message.body: can't be blank, is too short (minimum is 1 character).",
    );
  });

  it('uses a plain `error` string when a 422 has no field errors', async () => {
    const { fetch } = fakeFetch(reply('{"error":"Page must be positive"}', 422));
    const error = await apiErrorOf(clientWith(fetch).listStaff({ page: 0 }));
    expect(error.kind).toBe('invalid');
    expect(error.fieldErrors).toBeUndefined();
    expect(error.message).toContain('the staff list in "northwind": Page must be positive.');
  });

  it.each([500, 502, 503])('maps %i to server, even with an HTML body', async (status) => {
    const { fetch } = fakeFetch(reply('<html><h1>Bad Gateway</h1></html>', status));
    const error = await apiErrorOf(clientWith(fetch).listChannels());

    expect(error.kind).toBe('server');
    expect(error.status).toBe(status);
    expect(error.message).toContain(
      `server problem (HTTP ${status}) while loading the channel list`,
    );
  });

  it('maps any other status to unexpected, branching on the status and not the body', async () => {
    // The body claims "Not Found"; only the status decides the kind.
    const { fetch } = fakeFetch(replyWithFixture('error-404.json', 418));
    const error = await apiErrorOf(clientWith(fetch).listStaff());

    expect(error.kind).toBe('unexpected');
    expect(error.status).toBe(418);
    expect(error.message).toBe(
      'Re:amaze answered with an unexpected HTTP status 418 while loading the staff list for ' +
        '"northwind". It said: Not Found.',
    );
  });
});

describe('network failures', () => {
  it('maps a fetch TypeError to offline, keeping the cause', async () => {
    const networkError = new TypeError('fetch failed');
    const { fetch } = fakeFetch(() => {
      throw networkError;
    });
    const error = await apiErrorOf(clientWith(fetch).listStaff());

    expect(error.kind).toBe('offline');
    expect(error.status).toBeUndefined();
    expect(error.cause).toBe(networkError);
    expect(error.message).toBe(
      'Could not reach Re:amaze to load the staff list for "northwind". Check your internet ' +
        'connection, or whether a VPN or firewall blocks reamaze.io.',
    );
  });

  it('times out after timeoutMs and says how long it waited', async () => {
    const { fetch, calls } = fakeFetch(hangingReply());
    const error = await apiErrorOf(clientWith(fetch, { timeoutMs: 20 }).listStaff());

    expect(error.kind).toBe('timeout');
    expect(error.message).toContain(
      'did not answer within 0.02 seconds while loading the staff list',
    );
    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });

  it('times out after 15 seconds by default', async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch(hangingReply());
    const pending = apiErrorOf(clientWith(fetch).getConversation('where-is-order-1042'));

    await vi.advanceTimersByTimeAsync(14_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);

    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('within 15 seconds');
  });
});

describe('rate limiting', () => {
  it('waits as long as Retry-After says, retries once and succeeds', async () => {
    const { fetch, calls } = fakeFetch(
      reply('', 429, { 'Retry-After': '3' }),
      replyWithFixture('staff-200.json'),
    );
    const { sleep, waits } = fakeSleep();
    const page = await clientWith(fetch, { sleep }).listStaff({ page: 1 });

    expect(page.staff).toHaveLength(2);
    expect(waits).toEqual([3000]);
    expect(calls.map((call) => call.rawUrl)).toEqual([
      `${BASE}/staff?page=1`,
      `${BASE}/staff?page=1`,
    ]);
  });

  it('caps the wait at maxRetryWaitMs, 10 seconds by default', async () => {
    const { fetch } = fakeFetch(
      reply('', 429, { 'Retry-After': '120' }),
      replyWithFixture('staff-200.json'),
      reply('', 429, { 'Retry-After': '120' }),
      replyWithFixture('staff-200.json'),
    );
    const byDefault = fakeSleep();
    await clientWith(fetch, { sleep: byDefault.sleep }).listStaff();
    const configured = fakeSleep();
    await clientWith(fetch, { sleep: configured.sleep, maxRetryWaitMs: 2000 }).listStaff();

    expect(byDefault.waits).toEqual([10_000]);
    expect(configured.waits).toEqual([2000]);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const inFiveSeconds = new Date(Date.now() + 5000).toUTCString();
    const { fetch } = fakeFetch(
      reply('', 429, { 'Retry-After': inFiveSeconds }),
      replyWithFixture('staff-200.json'),
    );
    const { sleep, waits } = fakeSleep();
    await clientWith(fetch, { sleep }).listStaff();

    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(3000);
    expect(waits[0]).toBeLessThanOrEqual(5000);
  });

  it('backs off about a second when there is no usable Retry-After', async () => {
    const { fetch } = fakeFetch(
      reply('', 429),
      replyWithFixture('staff-200.json'),
      reply('', 429, { 'Retry-After': 'soon' }),
      replyWithFixture('staff-200.json'),
    );
    const { sleep, waits } = fakeSleep();
    const client = clientWith(fetch, { sleep });
    await client.listStaff();
    await client.listStaff();

    expect(waits).toHaveLength(2);
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(1000);
      expect(wait).toBeLessThanOrEqual(1250);
    }
  });

  it('gives up after the second 429 with rateLimited', async () => {
    const { fetch, calls } = fakeFetch(
      reply('{"error":"Rate limit exceeded"}', 429, { 'Retry-After': '2' }),
      reply('{"error":"Rate limit exceeded"}', 429, { 'Retry-After': '30' }),
    );
    const { sleep, waits } = fakeSleep();
    const error = await apiErrorOf(
      clientWith(fetch, { sleep }).listConversations({ filter: 'all' }),
    );

    expect(calls).toHaveLength(2);
    expect(waits).toEqual([2000]);
    expect(error.kind).toBe('rateLimited');
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.message).toBe(
      'Re:amaze is receiving too many requests for "northwind" from this API token. ' +
        'The extension waited and retried once; wait a minute, then try again.',
    );
  });

  it('does not retry other failures', async () => {
    const { fetch, calls } = fakeFetch(reply('', 503));
    const { sleep, waits } = fakeSleep();
    await apiErrorOf(clientWith(fetch, { sleep }).listStaff());
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('reads Retry-After seconds and dates', () => {
    const now = Date.parse('Wed, 06 Mar 2024 10:00:00 GMT');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs(' 1.5 ', now)).toBe(1500);
    expect(retryAfterMs('Wed, 06 Mar 2024 10:00:04 GMT', now)).toBe(4000);
    expect(retryAfterMs('Wed, 06 Mar 2024 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('-3', now)).toBeUndefined();
    expect(retryAfterMs('later', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe('the token never leaks', () => {
  const encodedAuth = Buffer.from(`${CREDENTIALS.email}:${TOKEN}`).toString('base64');
  const echoesToken = JSON.stringify({
    error: `Invalid token ${TOKEN}`,
    errors: { token: [`${TOKEN} is not valid`], [TOKEN]: ['unknown field'] },
  });

  const failures: Array<[string, () => Response | Promise<Response>]> = [
    ['401', () => reply(echoesToken, 401)],
    ['403', () => reply(echoesToken, 403)],
    ['404', () => reply(echoesToken, 404)],
    ['422', () => reply(echoesToken, 422)],
    ['418', () => reply(echoesToken, 418)],
    ['500', () => reply(echoesToken, 500)],
    ['bad JSON', () => reply(`{"token":"${TOKEN}"`, 200)],
    ['bad shape', () => reply(JSON.stringify({ slug: TOKEN }), 200)],
  ];

  it.each(failures)('keeps it out of a %s error', async (_name, respond) => {
    const { fetch } = fakeFetch(respond);
    const error = await apiErrorOf(clientWith(fetch).getConversation('where-is-order-1042'));
    const serialized = JSON.stringify(error.toJSON());

    for (const text of [error.message, String(error), serialized, JSON.stringify(error)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(encodedAuth);
    }
    expect(SerializedApiErrorSchema.parse(JSON.parse(serialized))).toEqual(error.toJSON());
  });

  it('redacts the token where the server echoed it', async () => {
    const { fetch } = fakeFetch(reply(echoesToken, 422));
    const error = await apiErrorOf(clientWith(fetch).listStaff());
    expect(error.fieldErrors?.['token']).toEqual(['[redacted] is not valid']);
    expect(error.message).toContain('token: [redacted] is not valid');
  });

  it('does not mangle its own wording when the token is short', async () => {
    const { fetch } = fakeFetch(reply('', 404));
    const client = createReamazeClient({ ...CREDENTIALS, token: 'on' }, { t: english.t, fetch });
    const error = await apiErrorOf(client.getConversation('nope-123'));
    expect(error.message).toBe('Re:amaze has no conversation "nope-123" in brand "northwind".');
  });

  it('keeps it out of timeout and rate-limit errors', async () => {
    const timeout = fakeFetch(hangingReply());
    const limited = fakeFetch(reply('', 429), reply('', 429));
    const errors = [
      await apiErrorOf(clientWith(timeout.fetch, { timeoutMs: 5 }).listStaff()),
      await apiErrorOf(clientWith(limited.fetch).listStaff()),
    ];
    for (const error of errors) {
      expect(
        JSON.stringify({ ...error, json: error.toJSON(), message: error.message }),
      ).not.toContain(TOKEN);
    }
  });
});
