// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { request } from 'node:https';
import { makeCertificate } from '../../fakes/certificate';
import { startFakeReamaze, type FakeReamaze } from '../../fakes/reamaze-server';
import { DEMO, demoData } from '../../fakes/demo-data';

let fake: FakeReamaze;
let ca: string;

beforeAll(async () => {
  const { cert, key } = await makeCertificate(['*.reamaze.io', 'example.com']);
  ca = cert;
  fake = await startFakeReamaze({ cert, key, data: demoData });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

function basic(email: string, token: string) {
  return `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
}

/** A request as a browser sends it to {brand}.reamaze.io, verifying the fake's certificate. */
function get(
  path: string,
  { host = 'northwind.reamaze.io', auth = basic(DEMO.login.email, DEMO.login.token), accept = 'application/json' } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host };
    if (auth) headers.authorization = auth;
    if (accept) headers.accept = accept;
    const req = request(
      { host: '127.0.0.1', port: fake.port, path, servername: host, headers, ca },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const slugs = (reply: Reply) => (reply.json.conversations as { slug: string }[]).map((c) => c.slug);

describe('auth and brand', () => {
  test('the right login answers; wrong or missing credentials get 403 with an error body', async () => {
    expect((await get('/api/v1/staff')).status).toBe(200);
    const wrong = await get('/api/v1/staff', { auth: basic(DEMO.login.email, DEMO.wrongToken) });
    expect(wrong.status).toBe(403);
    expect(wrong.json).toEqual({ error: expect.any(String) });
    expect((await get('/api/v1/staff', { auth: '' })).status).toBe(403);
  });

  test('a switch answers 401 instead', async () => {
    fake.configure({ authFailureStatus: 401 });
    expect((await get('/api/v1/staff', { auth: basic(DEMO.login.email, 'nope') })).status).toBe(401);
  });

  test("one brand's token does not open another brand", async () => {
    const other = basic(DEMO.otherBrand.email, DEMO.otherBrand.token);
    expect((await get('/api/v1/staff', { auth: other })).status).toBe(403);
    expect((await get('/api/v1/staff', { host: 'southwind.reamaze.io', auth: other })).status).toBe(200);
  });

  test('unknown brands and hosts are 404', async () => {
    expect((await get('/api/v1/staff', { host: 'nobrand.reamaze.io' })).json).toEqual({ errors: 'Not Found' });
    expect((await get('/api/v1/staff', { host: 'example.com' })).status).toBe(404);
  });

  test('Accept: application/json is required unless the path ends in .json', async () => {
    expect((await get('/api/v1/staff', { accept: '' })).status).toBe(406);
    expect((await get('/api/v1/staff.json', { accept: '' })).status).toBe(200);
  });
});

describe('conversation lookup order', () => {
  const { slug, refId } = DEMO.conversation;

  test('slug first', async () => {
    expect((await get(`/api/v1/conversations/${slug}`)).json.slug).toBe(slug);
    expect((await get(`/api/v1/conversations/${slug}?id_type=ref`)).json.slug).toBe(slug);
  });

  test('a reference id only with id_type=ref', async () => {
    expect((await get(`/api/v1/conversations/${refId}?id_type=ref`)).json.slug).toBe(slug);
    expect((await get(`/api/v1/conversations/${refId}`)).status).toBe(404);
  });

  test('a database id only without id_type', async () => {
    const id = DEMO.dbIdLookup.dbId;
    expect((await get(`/api/v1/conversations/${id}`)).json.subject).toBe(DEMO.dbIdLookup.subject);
    expect((await get(`/api/v1/conversations/${id}?id_type=ref`)).status).toBe(404);
  });

  test('an origin id needs its channel slug, and the channel type must match when given', async () => {
    const { originId, channel } = DEMO.amazon;
    const missing = await get(`/api/v1/conversations/${originId}?id_type=origin`);
    expect(missing.status).toBe(422);
    expect(missing.json.errors.category).toHaveLength(1);
    expect((await get(`/api/v1/conversations/${originId}?id_type=origin&category=${channel}`)).status).toBe(200);
    expect((await get(`/api/v1/conversations/${originId}?id_type=origin&category=${channel}&channel=1`)).status).toBe(200);
    expect((await get(`/api/v1/conversations/${originId}?id_type=origin&category=${channel}&channel=6`)).status).toBe(404);
    expect((await get(`/api/v1/conversations/${originId}?id_type=origin&category=support`)).status).toBe(404);
  });

  test('hidden fields never leak', async () => {
    const reply = await get(`/api/v1/conversations/${slug}`);
    expect(reply.text).not.toContain(refId);
    expect(Object.keys(reply.json)).not.toEqual(expect.arrayContaining(['dbId', 'refId', 'messages']));
  });
});

describe('conversation lists', () => {
  test('archived conversations are hidden unless filter=all or archived', async () => {
    const email = encodeURIComponent(DEMO.customer.email);
    const shown = await get(`/api/v1/conversations?for=${email}`);
    expect(shown.json.total_count).toBe(DEMO.customer.conversationCount - 1);
    const all = await get(`/api/v1/conversations?for=${email}&filter=all`);
    expect(all.json.total_count).toBe(DEMO.customer.conversationCount);
    const archived = await get(`/api/v1/conversations?for=${email}&filter=archived`);
    expect(archived.json.conversations.map((c: { status: number }) => c.status)).toEqual([4]);
  });

  test('open, unassigned, tag (any of), category and data filters', async () => {
    const open = await get('/api/v1/conversations?filter=open');
    expect(open.json.conversations.every((c: { status: number }) => c.status === 0)).toBe(true);
    const unassigned = await get('/api/v1/conversations?filter=unassigned');
    expect(unassigned.json.conversations.every((c: { assignee: unknown }) => c.assignee === null)).toBe(true);
    expect(slugs(await get('/api/v1/conversations?tag=amazon,ebay')).sort()).toEqual([
      'amazon-order-113-1234567',
      'ebay-item-not-received',
    ]);
    expect(slugs(await get('/api/v1/conversations?category=amazon-us'))).toEqual(['amazon-order-113-1234567']);
    expect(slugs(await get('/api/v1/conversations?data[Order%20Number]=%231042'))).toEqual([DEMO.conversation.slug]);
    expect(slugs(await get('/api/v1/conversations?data[Order%20Number]=%231043'))).toEqual([]);
  });

  test('pages of 30, and an empty page past the end', async () => {
    const email = encodeURIComponent(DEMO.bulkCustomer.email);
    const first = await get(`/api/v1/conversations?for=${email}`);
    expect(first.json).toMatchObject({ page_size: 30, page_count: 2, total_count: 35 });
    expect(first.json.conversations).toHaveLength(30);
    const second = await get(`/api/v1/conversations?for=${email}&page=2`);
    expect(second.json.conversations).toHaveLength(5);
    expect(new Set([...slugs(first), ...slugs(second)]).size).toBe(35);
    const past = await get(`/api/v1/conversations?for=${email}&page=9`);
    expect(past.json).toMatchObject({ page_count: 2, total_count: 35, conversations: [] });
  });

  test('sort=changed orders by the last change, newest first', async () => {
    const times = (await get('/api/v1/conversations?sort=changed&filter=all')).json.conversations.map(
      (c: { updated_at: string }) => Date.parse(c.updated_at),
    );
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe('messages, channels, staff', () => {
  test('messages come newest first with internal notes marked, and filter by sender', async () => {
    const reply = await get(`/api/v1/conversations/${DEMO.conversation.slug}/messages`);
    const times = reply.json.messages.map((m: { created_at: string }) => Date.parse(m.created_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(reply.json.messages.some((m: { visibility: number }) => m.visibility === 1)).toBe(true);
    const staff = await get(`/api/v1/conversations/${DEMO.conversation.slug}/messages?filter=staff`);
    expect(staff.json.messages.every((m: { user: Record<string, boolean> }) => m.user['staff?'])).toBe(true);
    expect((await get('/api/v1/conversations/nope/messages')).status).toBe(404);
  });

  test('channels, a channel filter by name, and one channel', async () => {
    const all = await get('/api/v1/channels');
    expect(all.json.total_count).toBe(all.json.channels.length);
    const chat = await get('/api/v1/channels?channel=chat');
    expect(chat.json.channels.map((c: { slug: string }) => c.slug)).toEqual(['northwind-chat']);
    expect((await get('/api/v1/channels/amazon-us')).json.name).toBe('Amazon US');
  });

  test('staff is a paged envelope', async () => {
    const reply = await get('/api/v1/staff');
    expect(reply.json).toMatchObject({ page_size: 30, page_count: 1 });
    expect(reply.json.staff.map((s: { email: string }) => s.email)).toContain(DEMO.login.email);
  });

  test('other paths and methods are refused', async () => {
    expect((await get('/api/v1/satisfaction_ratings')).status).toBe(404);
    expect((await get('/elsewhere')).status).toBe(404);
  });
});

describe('knobs and log', () => {
  test('429 after the per-minute count, Retry-After only when configured', async () => {
    fake.configure({ rateLimitPerMinute: 2 });
    expect((await get('/api/v1/staff')).status).toBe(200);
    expect((await get('/api/v1/staff')).status).toBe(200);
    const limited = await get('/api/v1/staff');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeUndefined();
    // another token has its own count
    const other = basic(DEMO.otherBrand.email, DEMO.otherBrand.token);
    expect((await get('/api/v1/staff', { host: 'southwind.reamaze.io', auth: other })).status).toBe(200);
    fake.configure({ retryAfterSeconds: 7 });
    expect((await get('/api/v1/staff')).headers['retry-after']).toBe('7');
  });

  test('failNext answers the given status the given number of times', async () => {
    fake.configure({ failNext: { status: 502, count: 2 } });
    expect((await get('/api/v1/staff')).status).toBe(502);
    expect((await get('/api/v1/staff')).status).toBe(502);
    expect((await get('/api/v1/staff')).status).toBe(200);
  });

  test('malformedJson breaks successful bodies only', async () => {
    fake.configure({ malformedJson: true });
    const reply = await get('/api/v1/staff');
    expect(reply.status).toBe(200);
    expect(reply.json).toBeUndefined();
    expect((await get('/api/v1/conversations/nope')).json).toEqual({ errors: 'Not Found' });
  });

  test('latency delays answers', async () => {
    fake.configure({ latencyMs: 150 });
    const started = performance.now();
    await get('/api/v1/staff');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  test('every request is logged with its outcome', async () => {
    await get('/api/v1/conversations?for=a%40b.example&filter=all');
    await get('/api/v1/staff', { auth: basic(DEMO.login.email, 'bad') });
    expect(fake.log).toEqual([
      expect.objectContaining({
        brand: 'northwind',
        path: '/api/v1/conversations',
        query: { for: 'a@b.example', filter: 'all' },
        status: 200,
        authEmail: DEMO.login.email,
      }),
      expect.objectContaining({ path: '/api/v1/staff', status: 403 }),
    ]);
    fake.clearLog();
    expect(fake.log).toHaveLength(0);
  });
});
