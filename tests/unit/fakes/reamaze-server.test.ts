// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { request } from 'node:https';
import { makeCertificate } from '../../fakes/certificate';
import { startFakeReamaze, type FakeReamaze } from '../../fakes/reamaze-server';
import { DEMO, demoData, type FakeConversation, type FakeData } from '../../fakes/demo-data';

const NORTHWIND = 'northwind.reamaze.io';
const SOUTHWIND = 'southwind.reamaze.io';

let fake: FakeReamaze;
let cert: string;
let key: string;

beforeAll(async () => {
  ({ cert, key } = await makeCertificate(['*.reamaze.io', '*.reamaze.com', 'example.com']));
  fake = await startFakeReamaze({ cert, key, data: demoData });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());
afterEach(() => vi.useRealTimers());

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

interface CallOptions {
  method?: string;
  host?: string;
  /** The Authorization header; '' sends none. */
  auth?: string;
  /** The Accept header; '' sends none. */
  accept?: string;
  headers?: Record<string, string>;
  server?: FakeReamaze;
  timeoutMs?: number;
}

function basic(email: string, token: string) {
  return `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
}

const danaAuth = basic(DEMO.login.email, DEMO.login.token);
const solAuth = basic(DEMO.otherBrand.email, DEMO.otherBrand.token);

/** A request as the browser sends it to {brand}.reamaze.io, verifying the fake's certificate. */
function call(path: string, options: CallOptions = {}): Promise<Reply> {
  const {
    method = 'GET',
    host = NORTHWIND,
    auth = danaAuth,
    accept = 'application/json',
  } = options;
  const headers: Record<string, string> = { host, ...options.headers };
  if (auth) headers.authorization = auth;
  if (accept) headers.accept = accept;
  const port = (options.server ?? fake).port;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        servername: host.replace(/:\d+$/, ''),
        headers,
        ca: cert,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parse(text) }),
        );
      },
    );
    if (options.timeoutMs) {
      req.setTimeout(options.timeoutMs, () => req.destroy(new Error('client timeout')));
    }
    req.on('error', reject);
    req.end();
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const slugs = (reply: Reply): string[] =>
  reply.json.conversations.map((c: { slug: string }) => c.slug);
const times = (items: { created_at: string }[]) => items.map((item) => Date.parse(item.created_at));
const newestFirst = (values: number[]) => [...values].sort((a, b) => b - a);
const forCustomer = (email: string, extra = '') =>
  `/api/v1/conversations?for=${encodeURIComponent(email)}${extra}`;

describe('demo data', () => {
  const brands = Object.values(demoData.brands);

  test('slugs, reference ids and database ids are unique, and no reference id is a slug', () => {
    for (const brand of brands) {
      const slugSet = new Set(brand.conversations.map((c) => c.slug));
      const refIds = brand.conversations.map((c) => c.refId);
      expect(slugSet.size).toBe(brand.conversations.length);
      expect(new Set(refIds).size).toBe(refIds.length);
      expect(new Set(brand.conversations.map((c) => c.dbId)).size).toBe(brand.conversations.length);
      expect(refIds.filter((refId) => slugSet.has(refId))).toEqual([]);
    }
  });

  test('covers the statuses, channels and shapes the tests need', () => {
    const northwind = demoData.brands[DEMO.brand]!;
    expect(new Set(northwind.conversations.map((c) => c.status))).toEqual(
      new Set([0, 1, 2, 4, 5, 12]),
    );
    expect(northwind.conversations.some((c) => c.subject === null)).toBe(true);
    expect(northwind.conversations.some((c) => c.assignee === null)).toBe(true);
    expect(northwind.conversations.some((c) => c.messages.some((m) => m.visibility === 1))).toBe(
      true,
    );
    expect(northwind.channels.map((c) => [c.slug, c.channel])).toEqual([
      ['support', 1],
      ['northwind-chat', 6],
      ['amazon-us', 1],
      ['ebay', 1],
    ]);
    expect(northwind.users).toContainEqual(DEMO.login);
    expect(DEMO.amazon.originId).toMatch(/^\d{3}-\d{7}-\d{7}$/);
  });

  test('the database id used for the fallback is no slug or reference id', () => {
    const northwind = demoData.brands[DEMO.brand]!;
    const asText = String(DEMO.dbIdLookup.dbId);
    expect(northwind.conversations.filter((c) => c.slug === asText || c.refId === asText)).toEqual(
      [],
    );
  });
});

describe('brand, auth and headers', () => {
  test('the right login answers; a wrong or missing one gets 403 with an error body', async () => {
    expect((await call('/api/v1/staff')).status).toBe(200);
    const wrong = await call('/api/v1/staff', { auth: basic(DEMO.login.email, DEMO.wrongToken) });
    expect(wrong).toMatchObject({ status: 403, json: { error: expect.any(String) } });
    expect((await call('/api/v1/staff', { auth: '' })).status).toBe(403);
    expect((await call('/api/v1/staff', { auth: 'Bearer ' + DEMO.login.token })).status).toBe(403);
    // The login email is not case-sensitive; the token is.
    expect(
      (
        await call('/api/v1/staff', {
          auth: basic(DEMO.login.email.toUpperCase(), DEMO.login.token),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call('/api/v1/staff', {
          auth: basic(DEMO.login.email, DEMO.login.token.toUpperCase()),
        })
      ).status,
    ).toBe(403);
  });

  test('a switch answers 401 instead', async () => {
    fake.configure({ authFailureStatus: 401 });
    const reply = await call('/api/v1/staff', { auth: basic(DEMO.login.email, 'nope') });
    expect(reply).toMatchObject({ status: 401, json: { error: expect.any(String) } });
  });

  test("one brand's token does not open another brand", async () => {
    expect((await call('/api/v1/staff', { auth: solAuth })).status).toBe(403);
    expect((await call('/api/v1/staff', { host: SOUTHWIND, auth: danaAuth })).status).toBe(403);
    const southwindStaff = await call('/api/v1/staff', { host: SOUTHWIND, auth: solAuth });
    expect(southwindStaff.json.staff.map((s: { email: string }) => s.email)).toEqual([
      DEMO.otherBrand.email,
    ]);
  });

  test('brands hold separate conversations, even for the same customer', async () => {
    const northwind = await call(forCustomer(DEMO.customer.email, '&filter=all'));
    const southwind = await call(forCustomer(DEMO.customer.email, '&filter=all'), {
      host: SOUTHWIND,
      auth: solAuth,
    });
    expect(slugs(southwind)).toEqual([DEMO.otherBrand.slug]);
    expect(slugs(northwind)).not.toContain(DEMO.otherBrand.slug);
    expect(
      (
        await call(`/api/v1/conversations/${DEMO.conversation.slug}`, {
          host: SOUTHWIND,
          auth: solAuth,
        })
      ).status,
    ).toBe(404);
  });

  test('the brand comes from the Host header, with any port; unknown brands and other hosts are 404', async () => {
    expect((await call('/api/v1/staff', { host: `${NORTHWIND}:443` })).status).toBe(200);
    expect((await call('/api/v1/staff', { host: 'nobrand.reamaze.io' })).json).toEqual({
      errors: 'Not Found',
    });
    expect((await call('/api/v1/staff', { host: 'example.com' })).status).toBe(404);
    expect((await call('/api/v1/staff', { host: 'constructor.reamaze.io' })).status).toBe(404);
    // The docs' current host only: an old-style .reamaze.com client is caught.
    expect((await call('/api/v1/staff', { host: 'northwind.reamaze.com' })).status).toBe(404);
  });

  test('credentials are checked before the path, the Accept header and the lookup', async () => {
    const bad = basic(DEMO.login.email, DEMO.wrongToken);
    expect((await call('/api/v1/no-such-thing', { auth: bad })).status).toBe(403);
    expect((await call('/api/v1/staff', { auth: bad, accept: '' })).status).toBe(403);
    expect(
      (await call(`/api/v1/conversations/${DEMO.amazon.originId}?id_type=origin`, { auth: bad }))
        .status,
    ).toBe(403);
  });

  test('Accept: application/json is required unless the path ends in .json', async () => {
    const missing = await call('/api/v1/staff', { accept: '' });
    expect(missing).toMatchObject({ status: 406, json: { error: expect.any(String) } });
    expect((await call('/api/v1/staff', { accept: '*/*' })).status).toBe(406);
    expect((await call('/api/v1/staff', { accept: 'text/html' })).status).toBe(406);
    expect(
      (await call('/api/v1/staff', { accept: 'text/plain, application/json; q=0.9' })).status,
    ).toBe(200);
    expect((await call('/api/v1/staff.json', { accept: '' })).status).toBe(200);
    expect(
      (await call(`/api/v1/conversations/${DEMO.conversation.slug}.json`, { accept: '' })).json
        .slug,
    ).toBe(DEMO.conversation.slug);
    expect(
      (await call(`/api/v1/conversations/${DEMO.conversation.slug}/messages.json`, { accept: '' }))
        .status,
    ).toBe(200);
  });

  test('answers are JSON with no CORS headers; a preflight without credentials is refused', async () => {
    const reply = await call('/api/v1/staff', { headers: { origin: 'https://admin.shopify.com' } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Object.keys(reply.headers).filter((name) => name.startsWith('access-control-'))).toEqual(
      [],
    );
    const preflight = await call('/api/v1/staff', {
      method: 'OPTIONS',
      auth: '',
      accept: '',
      headers: { origin: 'https://admin.shopify.com', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('other methods on known paths are 405, unknown paths are 404 for any method', async () => {
    const del = await call(`/api/v1/conversations/${DEMO.conversation.slug}`, {
      method: 'DELETE',
    });
    expect(del).toMatchObject({ status: 405, json: { error: expect.any(String) } });
    expect(del.headers.allow).toBe('GET, PUT');
    expect((await call('/api/v1/conversations', { method: 'PUT' })).headers.allow).toBe(
      'GET, POST',
    );
    expect((await call('/api/v1/staff', { method: 'POST' })).status).toBe(405);
    expect((await call('/api/v1/response_templates', { method: 'POST' })).status).toBe(405);
    expect((await call('/api/v1/contacts', { method: 'POST' })).status).toBe(404);
    expect((await call('/api/v1/satisfaction_ratings')).json).toEqual({ errors: 'Not Found' });
    expect((await call('/api/v1/conversations/a/b/c')).status).toBe(404);
    expect((await call('/elsewhere')).status).toBe(404);
  });
});

describe('one conversation: the lookup order', () => {
  const { slug, refId } = DEMO.conversation;

  test('by slug, unwrapped, with last_staff_message and data', async () => {
    const reply = await call(`/api/v1/conversations/${slug}`);
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      slug,
      subject: DEMO.conversation.subject,
      status: 1,
      tag_list: ['shipping', 'shopify'],
      author: { name: DEMO.customer.name, email: DEMO.customer.email },
      assignee: { name: DEMO.login.name, email: DEMO.login.email },
      category: { slug: 'support', channel: 1 },
      data: { [DEMO.conversation.data.key]: DEMO.conversation.data.value },
      last_customer_message: { body: 'Thanks, any update on the courier?' },
      last_staff_message: { body: expect.stringContaining('opened a trace') },
      message_count: DEMO.conversation.messageCount,
    });
    expect(reply.json.conversation).toBeUndefined();
  });

  test('a reference id only with id_type=ref', async () => {
    expect((await call(`/api/v1/conversations/${refId}?id_type=ref`)).json.slug).toBe(slug);
    expect((await call(`/api/v1/conversations/${refId}`)).status).toBe(404);
    expect(
      (await call(`/api/v1/conversations/${refId}?id_type=origin&category=support`)).status,
    ).toBe(404);
  });

  test('a database id only without id_type', async () => {
    const id = DEMO.dbIdLookup.dbId;
    expect((await call(`/api/v1/conversations/${id}`)).json).toMatchObject({
      slug: DEMO.dbIdLookup.slug,
      subject: DEMO.dbIdLookup.subject,
    });
    expect((await call(`/api/v1/conversations/${id}?id_type=ref`)).status).toBe(404);
    expect((await call(`/api/v1/conversations/${id}?id_type=somethingelse`)).status).toBe(404);
  });

  test('an origin id needs its channel slug, and the channel type must match when given', async () => {
    const { originId, channel } = DEMO.amazon;
    const missing = await call(`/api/v1/conversations/${originId}?id_type=origin`);
    expect(missing).toMatchObject({
      status: 422,
      json: { errors: { category: ['is required when id_type is origin'] } },
    });
    const inChannel = `/api/v1/conversations/${originId}?id_type=origin&category=${channel}`;
    expect((await call(inChannel)).json.slug).toBe(DEMO.amazon.slug);
    expect((await call(`${inChannel}&channel=1`)).status).toBe(200);
    expect((await call(`${inChannel}&channel=6`)).status).toBe(404);
    expect(
      (await call(`/api/v1/conversations/${originId}?id_type=origin&category=support`)).status,
    ).toBe(404);
    expect((await call(`/api/v1/conversations/${originId}?id_type=ref`)).status).toBe(404);
    const ebay = `/api/v1/conversations/${DEMO.ebay.originId}?id_type=origin&category=${DEMO.ebay.channel}`;
    expect((await call(ebay)).json.status).toBe(DEMO.unknownStatus.status);
  });

  test('the slug is tried first, whatever id_type says', async () => {
    expect((await call(`/api/v1/conversations/${slug}?id_type=ref`)).json.slug).toBe(slug);
    // Even before the origin lookup would insist on its channel.
    expect((await call(`/api/v1/conversations/${slug}?id_type=origin`)).json.slug).toBe(slug);
  });

  test('unknown ids are 404 with the documented body', async () => {
    const reply = await call('/api/v1/conversations/no-such-conversation');
    expect(reply).toMatchObject({ status: 404, json: { errors: 'Not Found' } });
    expect((await call('/api/v1/conversations/999999999')).status).toBe(404);
  });

  test('hidden fields never leak', async () => {
    const all = await call('/api/v1/conversations?filter=all');
    const single = await call(`/api/v1/conversations/${DEMO.unassigned.slug}`);
    const messages = await call(`/api/v1/conversations/${DEMO.unassigned.slug}/messages`);
    const hidden = ['dbId', 'refId', 'originId', 'authorSsoId', 'messages'];
    for (const json of [...all.json.conversations, single.json]) {
      expect(Object.keys(json).filter((name) => hidden.includes(name))).toEqual([]);
    }
    const unassigned = demoData.brands[DEMO.brand]!.conversations.find(
      (c) => c.slug === DEMO.unassigned.slug,
    )!;
    for (const reply of [single, messages]) {
      expect(reply.text).not.toContain(unassigned.refId);
      expect(reply.text).not.toContain(String(unassigned.dbId));
    }
    expect(all.text).not.toContain(DEMO.customer.ssoId);
  });
});

describe('lookup order where ids collide', () => {
  let colliding: FakeReamaze;

  beforeAll(async () => {
    const template = demoData.brands[DEMO.brand]!.conversations[0]!;
    const variant = (slug: string, refId: string, dbId: number): FakeConversation => ({
      ...template,
      slug,
      refId,
      dbId,
      subject: `Conversation ${slug}`,
    });
    const data: FakeData = {
      brands: {
        [DEMO.brand]: {
          ...demoData.brands[DEMO.brand]!,
          conversations: [
            variant('alpha', 'beta', 11), // its reference id is another conversation's slug
            variant('beta', 'r-2', 12),
            variant('13', 'r-3', 14), // a numeric slug that is another conversation's database id
            variant('delta', 'r-4', 13),
          ],
        },
      },
    };
    colliding = await startFakeReamaze({ cert, key, data, knobs: { authFailureStatus: 401 } });
  });
  afterAll(() => colliding.close());

  test('a slug wins over a reference id', async () => {
    expect(
      (await call('/api/v1/conversations/beta?id_type=ref', { server: colliding })).json.slug,
    ).toBe('beta');
    expect(
      (await call('/api/v1/conversations/r-2?id_type=ref', { server: colliding })).json.slug,
    ).toBe('beta');
  });

  test('a slug wins over a database id', async () => {
    expect((await call('/api/v1/conversations/13', { server: colliding })).json.slug).toBe('13');
    expect((await call('/api/v1/conversations/14', { server: colliding })).json.slug).toBe('13');
  });

  test('reset() goes back to the knobs given at start', async () => {
    colliding.configure({ authFailureStatus: 403 });
    colliding.reset();
    expect((await call('/api/v1/staff', { server: colliding, auth: '' })).status).toBe(401);
  });
});

describe('conversation lists', () => {
  test('archived conversations are hidden unless filter=all or archived', async () => {
    const shown = await call(forCustomer(DEMO.customer.email));
    expect(shown.json.total_count).toBe(DEMO.customer.conversationCount - 1);
    expect(slugs(shown)).not.toContain(DEMO.customer.archivedSlug);
    const all = await call(forCustomer(DEMO.customer.email, '&filter=all'));
    expect(all.json.total_count).toBe(DEMO.customer.conversationCount);
    expect(slugs(all)).toContain(DEMO.customer.archivedSlug);
    const archived = await call(forCustomer(DEMO.customer.email, '&filter=archived'));
    expect(slugs(archived)).toEqual([DEMO.customer.archivedSlug]);
  });

  test('filter=open is status 0; filter=unassigned has no assignee and no archived ones', async () => {
    const open = await call('/api/v1/conversations?filter=open');
    const openStatuses = open.json.conversations.map((c: { status: number }) => c.status);
    expect(new Set(openStatuses)).toEqual(new Set([0]));
    expect(slugs(open)).toContain(DEMO.unassigned.slug);
    const unassigned = await call('/api/v1/conversations?filter=unassigned');
    expect(
      unassigned.json.conversations.every((c: { assignee: unknown }) => c.assignee === null),
    ).toBe(true);
    expect(slugs(unassigned)).toContain(DEMO.unassigned.slug);
    expect(slugs(unassigned)).not.toContain(DEMO.customer.archivedSlug);
  });

  test('for matches the author or a follower, in any case; for_id matches the SSO id', async () => {
    const upper = await call(forCustomer(DEMO.customer.email.toUpperCase(), '&filter=all'));
    expect(upper.json.total_count).toBe(DEMO.customer.conversationCount);
    // Dana follows the conversations she is assigned to or wrote in.
    const followed = await call(forCustomer(DEMO.login.email, '&filter=all'));
    expect(slugs(followed)).toEqual(
      expect.arrayContaining([DEMO.conversation.slug, DEMO.outbound.slug]),
    );
    const none = await call(forCustomer(DEMO.unknownEmail, '&filter=all'));
    expect(none.json).toEqual({ page_size: 30, page_count: 0, total_count: 0, conversations: [] });
    const bySso = await call(`/api/v1/conversations?for_id=${DEMO.customer.ssoId}&filter=all`);
    expect(bySso.json.total_count).toBe(DEMO.customer.conversationCount);
    expect(
      (await call('/api/v1/conversations?for_id=unknown-sso&filter=all')).json.total_count,
    ).toBe(0);
  });

  test('tag (comma = any of), category and data filters', async () => {
    expect(slugs(await call('/api/v1/conversations?tag=amazon,ebay&filter=all')).sort()).toEqual([
      DEMO.amazon.slug,
      DEMO.ebay.slug,
    ]);
    expect(slugs(await call('/api/v1/conversations?tag=shipping'))).toEqual([
      DEMO.conversation.slug,
    ]);
    expect(slugs(await call(`/api/v1/conversations?category=${DEMO.amazon.channel}`))).toEqual([
      DEMO.amazon.slug,
    ]);
    const { key: dataKey, value } = DEMO.conversation.data;
    const data = (pairs: string) => call(`/api/v1/conversations?filter=all&${pairs}`);
    const orderNumber = `data[${encodeURIComponent(dataKey)}]=${encodeURIComponent(value)}`;
    expect(slugs(await data(orderNumber))).toEqual([DEMO.conversation.slug]);
    expect(slugs(await data(`${orderNumber}&data[Shopify%20Order%20ID]=5523819086117`))).toEqual([
      DEMO.conversation.slug,
    ]);
    expect(slugs(await data(`${orderNumber}&data[Shopify%20Order%20ID]=1`))).toEqual([]);
    expect(slugs(await data(`data[${encodeURIComponent(dataKey)}]=1042`))).toEqual([]); // exact values only
  });

  test('unknown parameters are ignored', async () => {
    const plain = await call('/api/v1/conversations');
    const extra = await call('/api/v1/conversations?q=kettle&start_date=2020-01-01&whatever=1');
    expect(extra.json.total_count).toBe(plain.json.total_count);
  });

  test('sorted newest first by created_at, by last customer message (updated) or by updated_at (changed)', async () => {
    const list = async (sort: string) =>
      (
        await call(
          `/api/v1/conversations?filter=all&tag=refund,returns,shipping,gift,backorder${sort}`,
        )
      ).json.conversations;
    const byCreation = await list('');
    const byUpdated = await list('&sort=updated');
    const byChanged = await list('&sort=changed');
    expect(times(byCreation)).toEqual(newestFirst(times(byCreation)));
    const lastCustomer = byUpdated.map((c: any) =>
      Date.parse(c.last_customer_message?.created_at ?? c.created_at),
    );
    expect(lastCustomer).toEqual(newestFirst(lastCustomer));
    const updatedAt = byChanged.map((c: { updated_at: string }) => Date.parse(c.updated_at));
    expect(updatedAt).toEqual(newestFirst(updatedAt));
    // The data makes the three orders differ, so a missing sort would show.
    const order = (items: { slug: string }[]) => items.map((c) => c.slug).join();
    expect(new Set([order(byCreation), order(byUpdated), order(byChanged)]).size).toBe(3);
  });

  test('list items are shaped like the list example, without last_staff_message', async () => {
    const reply = await call(forCustomer(DEMO.customer.email, '&filter=all'));
    const item = reply.json.conversations.find(
      (c: { slug: string }) => c.slug === DEMO.conversation.slug,
    );
    expect(item).toMatchObject({
      slug: DEMO.conversation.slug,
      data: expect.any(Object),
      followers: expect.any(Array),
    });
    expect(item).not.toHaveProperty('last_staff_message');
  });

  test('pages of 30, an empty page past the end, and a bad page number means page 1', async () => {
    const page = (n: string) => call(forCustomer(DEMO.bulkCustomer.email, n));
    const first = await page('');
    expect(first.json).toMatchObject({
      page_size: 30,
      page_count: 2,
      total_count: DEMO.bulkCustomer.conversationCount,
    });
    expect(first.json.conversations).toHaveLength(30);
    const second = await page('&page=2');
    expect(second.json.conversations).toHaveLength(DEMO.bulkCustomer.conversationCount - 30);
    expect(new Set([...slugs(first), ...slugs(second)]).size).toBe(
      DEMO.bulkCustomer.conversationCount,
    );
    expect(Math.min(...times(first.json.conversations))).toBeGreaterThan(
      Math.max(...times(second.json.conversations)),
    );
    const past = await page('&page=9');
    expect(past.json).toEqual({
      page_size: 30,
      page_count: 2,
      total_count: DEMO.bulkCustomer.conversationCount,
      conversations: [],
    });
    expect(slugs(await page('&page=0'))).toEqual(slugs(first));
    expect(slugs(await page('&page=abc'))).toEqual(slugs(first));
  });
});

describe('messages, channels, staff', () => {
  const messagesOf = (slug: string, query = '') =>
    call(`/api/v1/conversations/${slug}/messages${query}`);

  test('messages come newest first, internal notes marked, in the paged envelope', async () => {
    const reply = await messagesOf(DEMO.conversation.slug);
    expect(reply.json).toMatchObject({
      page_size: 30,
      page_count: 1,
      total_count: DEMO.conversation.messageCount,
    });
    expect(times(reply.json.messages)).toEqual(newestFirst(times(reply.json.messages)));
    expect(reply.json.messages[0].body).toBe('Thanks, any update on the courier?');
    const notes = reply.json.messages.filter((m: { visibility: number }) => m.visibility === 1);
    expect(notes.map((m: { body: string }) => m.body)).toEqual([DEMO.conversation.internalNote]);
    expect(reply.json.messages[0].conversation).toMatchObject({
      slug: DEMO.conversation.slug,
      category: { slug: 'support' },
    });
  });

  test('filter=staff and filter=customer split the thread by sender', async () => {
    const staff = await messagesOf(DEMO.conversation.slug, '?filter=staff');
    const customer = await messagesOf(DEMO.conversation.slug, '?filter=customer');
    expect(staff.json.messages.map((m: any) => m.user['staff?'])).toEqual([true, true]);
    expect(customer.json.messages.map((m: any) => m.user['staff?'])).toEqual([false, false]);
  });

  test('a long thread pages by 30, newest first across pages', async () => {
    const first = await messagesOf(DEMO.longThread.slug);
    const second = await messagesOf(DEMO.longThread.slug, '?page=2');
    expect(first.json).toMatchObject({ page_count: 2, total_count: DEMO.longThread.messageCount });
    expect(first.json.messages).toHaveLength(30);
    expect(second.json.messages).toHaveLength(DEMO.longThread.messageCount - 30);
    expect(Math.min(...times(first.json.messages))).toBeGreaterThan(
      Math.max(...times(second.json.messages)),
    );
    expect((await messagesOf(DEMO.longThread.slug, '?page=3')).json.messages).toEqual([]);
  });

  test('messages are found by slug only; unknown conversations are 404', async () => {
    expect(await messagesOf('nope')).toMatchObject({ status: 404, json: { errors: 'Not Found' } });
    expect((await messagesOf(DEMO.conversation.refId)).status).toBe(404);
  });

  test('channels, the channel filter by name, and one channel', async () => {
    const all = await call('/api/v1/channels');
    expect(all.json.total_count).toBe(4);
    expect(Object.keys(all.json).sort()).toEqual(['channels', 'total_count']);
    expect(all.json.channels.map((c: { slug: string }) => c.slug)).toEqual([
      'support',
      'northwind-chat',
      'amazon-us',
      'ebay',
    ]);
    const chat = await call('/api/v1/channels?channel=chat');
    expect(chat.json).toMatchObject({
      total_count: 1,
      channels: [{ slug: DEMO.chat.channel, channel: 6 }],
    });
    const email = await call('/api/v1/channels?channel=email');
    expect(email.json.channels.map((c: { slug: string }) => c.slug)).toEqual([
      'support',
      'amazon-us',
      'ebay',
    ]);
    expect((await call('/api/v1/channels?channel=carrier-pigeon')).json).toEqual({
      total_count: 0,
      channels: [],
    });
    const amazon = await call(`/api/v1/channels/${DEMO.amazon.channel}`);
    expect(amazon.json).toMatchObject({
      name: 'Amazon US',
      slug: 'amazon-us',
      brand: { name: 'Northwind Goods' },
    });
    expect((await call('/api/v1/channels/nope')).status).toBe(404);
  });

  test('staff is a paged envelope, oldest first', async () => {
    const reply = await call('/api/v1/staff');
    expect(reply.json).toMatchObject({ page_size: 30, page_count: 1, total_count: 3 });
    expect(reply.json.staff[0]).toMatchObject({
      name: DEMO.login.name,
      email: DEMO.login.email,
      role: { 'admin?': true },
    });
    expect(times(reply.json.staff)).toEqual([...times(reply.json.staff)].sort((a, b) => a - b));
  });
});

describe('knobs', () => {
  test('429 after the per-minute count of one token, without Retry-After by default', async () => {
    fake.configure({ rateLimitPerMinute: 2 });
    expect((await call('/api/v1/staff')).status).toBe(200);
    expect((await call('/api/v1/staff')).status).toBe(200);
    const limited = await call('/api/v1/staff');
    expect(limited).toMatchObject({ status: 429, json: { error: 'Too Many Requests' } });
    expect(limited.headers['retry-after']).toBeUndefined();
    // Other tokens, in this brand or another, have counts of their own.
    expect(
      (await call('/api/v1/staff', { auth: basic(DEMO.secondLogin.email, DEMO.secondLogin.token) }))
        .status,
    ).toBe(200);
    expect((await call('/api/v1/staff', { host: SOUTHWIND, auth: solAuth })).status).toBe(200);
  });

  test('Retry-After only when configured', async () => {
    fake.configure({ rateLimitPerMinute: 1, retryAfterSeconds: 7 });
    await call('/api/v1/staff');
    const limited = await call('/api/v1/staff');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
  });

  test('the count starts again a minute after the first request', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-11-27T15:00:10Z'));
    fake.configure({ rateLimitPerMinute: 1 });
    expect((await call('/api/v1/staff')).status).toBe(200);
    vi.setSystemTime(Date.parse('2026-11-27T15:01:05Z'));
    expect((await call('/api/v1/staff')).status).toBe(429); // still the first request's minute
    vi.setSystemTime(Date.parse('2026-11-27T15:01:11Z'));
    expect((await call('/api/v1/staff')).status).toBe(200);
  });

  test('failNext answers the given status the given number of times, with a JSON error', async () => {
    fake.configure({ failNext: { status: 502, count: 2 } });
    const failed = await call('/api/v1/staff');
    expect(failed).toMatchObject({ status: 502, json: { error: expect.any(String) } });
    // A request with bad credentials is refused before and leaves the count alone.
    expect((await call('/api/v1/staff', { auth: '' })).status).toBe(403);
    expect((await call(`/api/v1/conversations/${DEMO.conversation.slug}`)).status).toBe(502);
    expect((await call('/api/v1/staff')).status).toBe(200);
  });

  test('a failNext 429 also carries Retry-After when configured', async () => {
    fake.configure({ failNext: { status: 429, count: 1 }, retryAfterSeconds: 3 });
    const reply = await call('/api/v1/staff');
    expect(reply.status).toBe(429);
    expect(reply.headers['retry-after']).toBe('3');
  });

  test('malformedJson breaks successful bodies only', async () => {
    fake.configure({ malformedJson: true });
    const reply = await call('/api/v1/staff');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('application/json');
    expect(reply.text.length).toBeGreaterThan(0);
    expect(reply.json).toBeUndefined();
    expect((await call('/api/v1/conversations/nope')).json).toEqual({ errors: 'Not Found' });
  });

  test('latency delays every answer, errors included', async () => {
    fake.configure({ latencyMs: 150 });
    for (const auth of [danaAuth, '']) {
      const started = performance.now();
      await call('/api/v1/staff', { auth });
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    }
  });

  test('hang never answers; the request is logged with status 0', async () => {
    fake.configure({ hang: true });
    await expect(call('/api/v1/staff', { timeoutMs: 200 })).rejects.toThrow('client timeout');
    expect(fake.log).toEqual([expect.objectContaining({ path: '/api/v1/staff', status: 0 })]);
    fake.configure({ hang: false });
    expect((await call('/api/v1/staff')).status).toBe(200);
  });

  test('reset() restores the defaults and clears the log and the rate-limit counts', async () => {
    fake.configure({ authFailureStatus: 401, rateLimitPerMinute: 1, malformedJson: true });
    await call('/api/v1/staff');
    expect((await call('/api/v1/staff')).status).toBe(429);
    fake.reset();
    expect(fake.log).toEqual([]);
    const fresh = await call('/api/v1/staff');
    expect(fresh.status).toBe(200);
    expect(fresh.json).toBeDefined();
    expect((await call('/api/v1/staff', { auth: '' })).status).toBe(403);
  });
});

describe('request log', () => {
  test('every request is logged with its outcome, rejected ones included, and no token', async () => {
    const before = Date.now();
    await call(forCustomer('a@b.example', '&filter=all'), {
      host: `${NORTHWIND}:8443`,
      headers: { origin: 'chrome-extension://abcdefghijklmnop', 'user-agent': 'TestAgent/1.0' },
    });
    await call('/api/v1/staff', { auth: basic(DEMO.login.email, DEMO.wrongToken) });
    await call('/api/v1/staff.json', { host: 'nobrand.reamaze.io', auth: '' });
    await call('/api/v1/staff', { host: 'example.com' });

    expect(fake.log).toEqual([
      {
        method: 'GET',
        host: NORTHWIND,
        brand: 'northwind',
        path: '/api/v1/conversations',
        query: { for: 'a@b.example', filter: 'all' },
        status: 200,
        authEmail: DEMO.login.email,
        origin: 'chrome-extension://abcdefghijklmnop',
        userAgent: 'TestAgent/1.0',
        at: expect.any(Number),
      },
      expect.objectContaining({
        path: '/api/v1/staff',
        status: 403,
        authEmail: DEMO.login.email,
        origin: null,
      }),
      expect.objectContaining({
        brand: 'nobrand',
        path: '/api/v1/staff.json',
        status: 404,
        authEmail: null,
      }),
      expect.objectContaining({ host: 'example.com', brand: null, status: 404 }),
    ]);
    expect(fake.log[0]!.at).toBeGreaterThanOrEqual(before);
    const logged = JSON.stringify(fake.log);
    expect(logged).not.toContain(DEMO.login.token);
    expect(logged).not.toContain(DEMO.wrongToken);
    fake.clearLog();
    expect(fake.log).toHaveLength(0);
  });
});
