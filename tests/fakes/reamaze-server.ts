/**
 * A fake of the Re:amaze REST API v1 over HTTPS, after shared/reamaze-api.md (section 6): brand by
 * host, basic auth per brand, the documented lookup order, filters, pagination by 30, error bodies,
 * a per-token rate limit, and knobs for latency and failures. Used by the e2e tests and the demo.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeBrand, FakeConversation, FakeData } from './demo-data';

export type { FakeData } from './demo-data';

export interface FakeKnobs {
  /** Delay before every answer. */
  latencyMs: number;
  /** Status for bad or missing credentials: 403 as Re:amaze's own plugin expects, or 401. */
  authFailureStatus: 401 | 403;
  /** Requests allowed per token per minute (every authenticated request counts); null = no limit. */
  rateLimitPerMinute: number | null;
  /** Retry-After seconds on 429 answers; the real API documents none, so off by default. */
  retryAfterSeconds: number | null;
  /** Successful answers carry a truncated, invalid JSON body. */
  malformedJson: boolean;
  /** The next `count` authenticated API requests answer `status`. */
  failNext: { status: number; count: number } | null;
  /** Never answer. */
  hang: boolean;
}

export interface RequestLogEntry {
  method: string;
  host: string;
  brand: string | null;
  path: string;
  query: Record<string, string>;
  status: number;
  authEmail: string | null;
  origin: string | null;
  userAgent: string | null;
  at: number;
}

export interface FakeReamaze {
  port: number;
  configure(knobs: Partial<FakeKnobs>): void;
  /** Knobs back to their defaults; log and rate-limit counters cleared. */
  reset(): void;
  readonly log: RequestLogEntry[];
  clearLog(): void;
  close(): Promise<void>;
}

const DEFAULT_KNOBS: FakeKnobs = {
  latencyMs: 0,
  authFailureStatus: 403,
  rateLimitPerMinute: null,
  retryAfterSeconds: null,
  malformedJson: false,
  failNext: null,
  hang: false,
};

export const PAGE_SIZE = 30;
const BRAND_HOST = /^([a-z0-9-]+)\.reamaze\.io$/;

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export async function startFakeReamaze(options: {
  cert: string;
  key: string;
  data: FakeData;
  port?: number;
  knobs?: Partial<FakeKnobs>;
}): Promise<FakeReamaze> {
  const initialKnobs = { ...DEFAULT_KNOBS, ...options.knobs };
  let knobs = { ...initialKnobs };
  const log: RequestLogEntry[] = [];
  /** token → [minute, count] */
  let usage = new Map<string, [number, number]>();

  function handle(request: IncomingMessage): { answer: Answer; entry: Omit<RequestLogEntry, 'status'> } {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(request.url ?? '/', 'https://fake.invalid');
    const brandName = host.match(BRAND_HOST)?.[1] ?? null;
    const credentials = basicCredentials(request.headers.authorization);
    const entry = {
      method: request.method ?? 'GET',
      host,
      brand: brandName,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authEmail: credentials?.email ?? null,
      origin: header(request, 'origin'),
      userAgent: header(request, 'user-agent'),
      at: Date.now(),
    };
    const notFound: Answer = { status: 404, body: { errors: 'Not Found' } };

    const brand = brandName ? options.data.brands[brandName] : undefined;
    if (!brand) return { answer: notFound, entry };

    const jsonSuffix = url.pathname.endsWith('.json');
    const path = url.pathname.replace(/\.json$/, '');
    if (!path.startsWith('/api/v1/')) return { answer: notFound, entry };
    if (!jsonSuffix && !(header(request, 'accept') ?? '').includes('application/json')) {
      return { answer: { status: 406, body: { error: 'Send Accept: application/json or use .json' } }, entry };
    }

    const user = brand.users.find(
      (u) => credentials && u.email.toLowerCase() === credentials.email.toLowerCase() && u.token === credentials.token,
    );
    if (!user) {
      return { answer: { status: knobs.authFailureStatus, body: { error: 'Invalid login credentials' } }, entry };
    }

    if (overRateLimit(user.token)) {
      const headers: Record<string, string> =
        knobs.retryAfterSeconds === null ? {} : { 'Retry-After': String(knobs.retryAfterSeconds) };
      return { answer: { status: 429, body: { error: 'Too Many Requests' }, headers }, entry };
    }
    if (knobs.failNext && knobs.failNext.count > 0) {
      const { status } = knobs.failNext;
      knobs.failNext = knobs.failNext.count > 1 ? { status, count: knobs.failNext.count - 1 } : null;
      return { answer: { status, body: { error: `Simulated failure ${status}` } }, entry };
    }
    if (request.method !== 'GET') {
      return { answer: { status: 405, body: { error: 'This fake answers GET only' } }, entry };
    }
    const segments = path.slice('/api/v1/'.length).split('/').map(decodeURIComponent);
    return { answer: route(brand, segments, url.searchParams) ?? notFound, entry };
  }

  function overRateLimit(token: string): boolean {
    if (knobs.rateLimitPerMinute === null) return false;
    const minute = Math.floor(Date.now() / 60_000);
    const [seenMinute, count] = usage.get(token) ?? [minute, 0];
    const used = seenMinute === minute ? count + 1 : 1;
    usage.set(token, [minute, used]);
    return used > knobs.rateLimitPerMinute;
  }

  const server: Server = createServer({ cert: options.cert, key: options.key }, (request, response) => {
    const { answer, entry } = handle(request);
    log.push({ ...entry, status: answer.status });
    if (knobs.hang) return; // the socket stays open until the client gives up or the fake closes
    const body =
      knobs.malformedJson && answer.status < 300
        ? JSON.stringify(answer.body).slice(0, 25)
        : JSON.stringify(answer.body);
    setTimeout(() => send(response, answer, body), knobs.latencyMs);
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    configure(next) {
      knobs = { ...knobs, ...next };
    },
    reset() {
      knobs = { ...initialKnobs };
      log.length = 0;
      usage = new Map();
    },
    log,
    clearLog() {
      log.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function send(response: ServerResponse, answer: Answer, body: string) {
  if (response.destroyed) return;
  response.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=utf-8',
    ...answer.headers,
  });
  response.end(body);
}

function route(brand: FakeBrand, segments: string[], query: URLSearchParams): Answer | null {
  const [resource, id, sub, ...rest] = segments;
  if (rest.length > 0) return null;
  if (resource === 'conversations' && id === undefined) return ok(listConversations(brand, query));
  if (resource === 'conversations' && id && sub === undefined) return findConversation(brand, id, query);
  if (resource === 'conversations' && id && sub === 'messages') {
    const conversation = brand.conversations.find((c) => c.json.slug === id);
    if (!conversation) return null;
    const filter = query.get('filter');
    const messages = conversation.messages.filter((m) => {
      const staff = (m.user as { 'staff?'?: boolean })['staff?'] === true;
      return filter === 'staff' ? staff : filter === 'customer' ? !staff : true;
    });
    return ok(paginate('messages', messages, query));
  }
  if (resource === 'channels' && sub === undefined) {
    if (id) {
      const channel = brand.channels.find((c) => c.slug === id);
      return channel ? ok(channel) : null;
    }
    const type = CHANNEL_NAMES[query.get('channel') ?? ''];
    const channels = brand.channels.filter((c) => type === undefined || c.channel === type);
    return ok({ total_count: channels.length, channels });
  }
  if (resource === 'staff' && id === undefined) return ok(paginate('staff', brand.staff, query));
  return null;
}

const CHANNEL_NAMES: Record<string, number> = { email: 1, twitter: 2, facebook: 3, chat: 6 };

/** Slug first; then the reference id (id_type=ref) or origin id in a channel (id_type=origin); else the database id. */
function findConversation(brand: FakeBrand, id: string, query: URLSearchParams): Answer | null {
  const all = brand.conversations;
  const idType = query.get('id_type');
  let found = all.find((c) => c.json.slug === id);
  if (!found && idType === 'ref') found = all.find((c) => c.refId === id);
  if (!found && idType === 'origin') {
    const category = query.get('category');
    if (!category) {
      return { status: 422, body: { errors: { category: ['is required when id_type is origin'] } } };
    }
    const channel = query.get('channel');
    found = all.find(
      (c) =>
        c.originId === id &&
        categoryOf(c).slug === category &&
        (channel === null || String(categoryOf(c).channel) === channel),
    );
  }
  if (!found && idType === null && /^\d+$/.test(id)) found = all.find((c) => c.dbId === Number(id));
  return found ? ok(found.json) : null;
}

function listConversations(brand: FakeBrand, query: URLSearchParams) {
  const filter = query.get('filter');
  const forEmail = query.get('for')?.toLowerCase();
  const forId = query.get('for_id');
  const tags = query.get('tag')?.split(',').map((t) => t.trim()).filter(Boolean);
  const category = query.get('category');
  const data = [...query.entries()].flatMap(([key, value]) => {
    const match = key.match(/^data\[(.+)\]$/);
    return match ? [[match[1]!, value] as const] : [];
  });

  const matches = brand.conversations.filter((c) => {
    const json = c.json as Record<string, any>;
    if (filter === 'archived' && json.status !== 4) return false;
    if (filter === 'open' && json.status !== 0) return false;
    if (filter === 'unassigned' && json.assignee !== null) return false;
    if (filter !== 'all' && filter !== 'archived' && json.status === 4) return false;
    if (forEmail && !peopleOf(json).some((p) => p.email?.toLowerCase() === forEmail)) return false;
    if (forId && String(json.author?.id) !== forId) return false;
    if (tags && !tags.some((tag) => json.tag_list.includes(tag))) return false;
    if (category && categoryOf(c).slug !== category) return false;
    if (data.some(([key, value]) => String(json.data?.[key]) !== value)) return false;
    return true;
  });

  const sort = query.get('sort');
  const key = (c: FakeConversation): string => {
    const json = c.json as Record<string, any>;
    if (sort === 'updated') return json.last_customer_message?.created_at ?? json.created_at;
    if (sort === 'changed') return json.updated_at ?? json.created_at;
    return json.created_at;
  };
  const sorted = [...matches].sort((a, b) => Date.parse(key(b)) - Date.parse(key(a)));
  return paginate('conversations', sorted.map((c) => c.json), query);
}

function paginate(key: string, items: unknown[], query: URLSearchParams) {
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  return {
    page_size: PAGE_SIZE,
    page_count: Math.ceil(items.length / PAGE_SIZE),
    total_count: items.length,
    [key]: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
  };
}

function peopleOf(json: Record<string, any>): { email?: string | null }[] {
  return [json.author, ...(json.followers ?? [])].filter(Boolean);
}

function categoryOf(conversation: FakeConversation): { slug: string; channel: number } {
  return conversation.json.category as { slug: string; channel: number };
}

function ok(body: unknown): Answer {
  return { status: 200, body };
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

function basicCredentials(authorization: string | undefined): { email: string; token: string } | null {
  const match = authorization?.match(/^Basic\s+([A-Za-z0-9+/=]+)$/i);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { email: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}
