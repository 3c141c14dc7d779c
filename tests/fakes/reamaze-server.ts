/**
 * A fake of the Re:amaze REST API v1 over HTTPS, following its public documentation, for the
 * e2e tests and `npm run demo`. Chromium reaches it at the real host names through
 * --host-resolver-rules, so the brand comes from the Host header as on the real service.
 *
 * Each request goes through these steps, the first that answers wins:
 *  1. brand from the Host header (`{brand}.reamaze.io`, any port); unknown brand or host -> 404
 *  2. HTTP Basic auth against that brand's users -> knobs.authFailureStatus (403, or 401)
 *  3. the per-token rate limit -> 429
 *  4. knobs.failNext -> the given status
 *  5. path under /api/v1 (optional `.json`), Accept: application/json unless `.json` -> 406
 *  6. route: unknown path -> 404, a known path with another method than GET -> 405
 *  7. the handler: 200, or 404 / 422 with the bodies the documentation shows
 *
 * Choices where the documentation is silent:
 *  - No CORS headers, ever, and no preflight handling: the extension's service worker fetches with
 *    host permission and needs none, so a page or content script calling the API fails here as it
 *    would against a server without CORS (a preflight carries no credentials and gets step 2).
 *  - Only `.reamaze.io` hosts are brands; a client using `.reamaze.com` gets 404.
 *  - `Accept` must list `application/json` itself; a bare wildcard is refused with 406.
 *  - Rate limit: a fixed 60-second window per token, opened by its first request. Every
 *    authenticated request in the window counts, those answered 429 included (as Rack::Attack
 *    counts); requests with bad credentials count for nobody.
 *  - failNext spends its count on authenticated requests only.
 *  - `filter=unassigned` and unknown `filter` values leave archived conversations out, like the
 *    default; tags match case-insensitively; an unknown `id_type` gets no database-id fallback;
 *    `/channels?channel=<unknown name>` is an empty list.
 *  - List items omit `last_staff_message`, which only the single-conversation example shows.
 *  - A request while `hang` is on is logged with status 0 and never answered.
 *  - reset() restores the knobs given to startFakeReamaze (over the defaults).
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ConversationJson,
  FakeBrand,
  FakeConversation,
  FakeData,
  FakeUser,
} from './demo-data';

export type { FakeData } from './demo-data';

export interface FakeKnobs {
  /** Delay before every answer. */
  latencyMs: number;
  /** Status for bad or missing credentials: 403 as Re:amaze's own plugin expects, or 401. */
  authFailureStatus: 401 | 403;
  /** Requests allowed per token per minute; null = no limit. */
  rateLimitPerMinute: number | null;
  /** Retry-After seconds on 429 answers; the real API documents none, so off by default. */
  retryAfterSeconds: number | null;
  /** Successful answers carry a truncated, invalid JSON body. */
  malformedJson: boolean;
  /** The next `count` authenticated API requests answer `status` with a JSON error body. */
  failNext: { status: number; count: number } | null;
  /** Never answer. */
  hang: boolean;
}

export interface RequestLogEntry {
  method: string;
  /** The Host header without its port. */
  host: string;
  /** The subdomain asked for, known or not; null for a host outside reamaze.io. */
  brand: string | null;
  /** The path as sent, `.json` included. */
  path: string;
  query: Record<string, string>;
  /** The status answered; 0 when the request was left hanging. */
  status: number;
  /** The login email sent (valid or not); the token is never kept. */
  authEmail: string | null;
  origin: string | null;
  userAgent: string | null;
  at: number;
}

export interface FakeReamaze {
  port: number;
  configure(knobs: Partial<FakeKnobs>): void;
  /** Knobs back to those given at start; log and rate-limit counters cleared. */
  reset(): void;
  readonly log: RequestLogEntry[];
  clearLog(): void;
  close(): Promise<void>;
}

export const DEFAULT_KNOBS: FakeKnobs = {
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
const API_PREFIX = '/api/v1/';
const RATE_WINDOW_MS = 60_000;

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const NOT_FOUND: Answer = { status: 404, body: { errors: 'Not Found' } };
const ok = (body: unknown): Answer => ({ status: 200, body });

export async function startFakeReamaze(options: {
  cert: string;
  key: string;
  data: FakeData;
  port?: number;
  knobs?: Partial<FakeKnobs>;
}): Promise<FakeReamaze> {
  const startKnobs: FakeKnobs = { ...DEFAULT_KNOBS, ...options.knobs };
  let knobs: FakeKnobs = { ...startKnobs };
  const log: RequestLogEntry[] = [];
  const rateLimiter = new RateLimiter();
  const pendingAnswers = new Set<NodeJS.Timeout>();

  /** Steps 2 to 7 of the file comment, for a request to a known brand. */
  function answerForBrand(brand: FakeBrand, request: IncomingMessage, url: URL): Answer {
    const user = authenticate(brand, basicCredentials(request.headers.authorization));
    if (!user) {
      return { status: knobs.authFailureStatus, body: { error: 'Invalid login credentials' } };
    }

    if (
      knobs.rateLimitPerMinute !== null &&
      rateLimiter.overLimit(user.token, knobs.rateLimitPerMinute)
    ) {
      return { status: 429, body: { error: 'Too Many Requests' } };
    }
    const failure = takeFailNext();
    if (failure !== null) {
      return { status: failure, body: { error: `Simulated failure (${failure})` } };
    }

    return answerApi(brand, request, url);
  }

  function takeFailNext(): number | null {
    const failNext = knobs.failNext;
    if (!failNext || failNext.count <= 0) return null;
    knobs.failNext =
      failNext.count > 1 ? { status: failNext.status, count: failNext.count - 1 } : null;
    return failNext.status;
  }

  function handle(request: IncomingMessage, response: ServerResponse) {
    request.resume(); // bodies are never read; drain them so the socket stays usable
    const url = requestUrl(request);
    const host = (header(request, 'host') ?? '').replace(/:\d+$/, '').toLowerCase();
    const brandName = host.match(BRAND_HOST)?.[1] ?? null;
    const entry: RequestLogEntry = {
      method: request.method ?? 'GET',
      host,
      brand: brandName,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      authEmail: basicCredentials(request.headers.authorization)?.email ?? null,
      origin: header(request, 'origin'),
      userAgent: header(request, 'user-agent'),
      at: Date.now(),
    };
    log.push(entry);
    if (knobs.hang) return; // the socket stays open until the client gives up or close()

    const brand = brandOf(options.data, brandName);
    const answer = withRetryAfter(brand ? answerForBrand(brand, request, url) : NOT_FOUND, knobs);
    entry.status = answer.status;
    const body = renderBody(answer, knobs);
    if (knobs.latencyMs <= 0) return send(response, answer, body);
    const timer = setTimeout(() => {
      pendingAnswers.delete(timer);
      send(response, answer, body);
    }, knobs.latencyMs);
    pendingAnswers.add(timer);
  }

  const server: Server = createServer({ cert: options.cert, key: options.key }, handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });

  return {
    port: (server.address() as AddressInfo).port,
    configure(next) {
      knobs = { ...knobs, ...next };
    },
    reset() {
      knobs = { ...startKnobs };
      log.length = 0;
      rateLimiter.clear();
    },
    log,
    clearLog() {
      log.length = 0;
    },
    close() {
      for (const timer of pendingAnswers) clearTimeout(timer);
      pendingAnswers.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Transport helpers.

/** Every 429, from the rate limit or failNext, carries Retry-After when the knob sets one. */
function withRetryAfter(answer: Answer, knobs: FakeKnobs): Answer {
  if (answer.status !== 429 || knobs.retryAfterSeconds === null) return answer;
  return {
    ...answer,
    headers: { ...answer.headers, 'Retry-After': String(knobs.retryAfterSeconds) },
  };
}

function renderBody(answer: Answer, knobs: FakeKnobs): string {
  const json = JSON.stringify(answer.body);
  const successful = answer.status >= 200 && answer.status < 300;
  // Cutting a JSON object or array anywhere before its end always leaves it invalid.
  return knobs.malformedJson && successful
    ? json.slice(0, Math.max(1, Math.floor(json.length / 2)))
    : json;
}

function send(response: ServerResponse, answer: Answer, body: string) {
  if (response.destroyed) return;
  response.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=utf-8',
    // What Rails sends by default: the browser may keep it but must ask again before reusing it.
    'Cache-Control': 'max-age=0, private, must-revalidate',
    ...answer.headers,
  });
  response.end(body);
}

function requestUrl(request: IncomingMessage): URL {
  try {
    return new URL(request.url ?? '/', 'https://host.invalid');
  } catch {
    return new URL('https://host.invalid/'); // an unparsable target: answered 404 like any unknown path
  }
}

/** Own keys only, so a subdomain such as `constructor` is no brand. */
function brandOf(data: FakeData, name: string | null): FakeBrand | undefined {
  return name !== null && Object.hasOwn(data.brands, name) ? data.brands[name] : undefined;
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

function basicCredentials(
  authorization: string | undefined,
): { email: string; token: string } | null {
  const match = authorization?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { email: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}

function authenticate(
  brand: FakeBrand,
  credentials: { email: string; token: string } | null,
): FakeUser | null {
  if (!credentials) return null;
  const email = credentials.email.toLowerCase();
  return (
    brand.users.find(
      (user) => user.email.toLowerCase() === email && user.token === credentials.token,
    ) ?? null
  );
}

/** Counts requests per token in fixed 60-second windows, each opened by the token's first request. */
class RateLimiter {
  private windows = new Map<string, { startedAt: number; count: number }>();

  overLimit(token: string, limit: number): boolean {
    const now = Date.now();
    let window = this.windows.get(token);
    if (!window || now - window.startedAt >= RATE_WINDOW_MS) {
      window = { startedAt: now, count: 0 };
      this.windows.set(token, window);
    }
    window.count += 1;
    return window.count > limit;
  }

  clear() {
    this.windows.clear();
  }
}

// ---------------------------------------------------------------------------------------------
// Routing.

type Handler = (brand: FakeBrand, id: string, query: URLSearchParams) => Answer;

/** Path patterns below /api/v1; `:id` is one path segment. Only GET is served. */
const ROUTES: { pattern: string[]; get: Handler }[] = [
  { pattern: ['conversations'], get: (brand, _, query) => ok(listConversations(brand, query)) },
  { pattern: ['conversations', ':id'], get: showConversation },
  { pattern: ['conversations', ':id', 'messages'], get: listMessages },
  { pattern: ['channels'], get: (brand, _, query) => ok(listChannels(brand, query)) },
  { pattern: ['channels', ':id'], get: showChannel },
  {
    pattern: ['staff'],
    get: (brand, _, query) => ok(paginate('staff', sortedStaff(brand), query)),
  },
];

function answerApi(brand: FakeBrand, request: IncomingMessage, url: URL): Answer {
  if (!url.pathname.startsWith(API_PREFIX)) return NOT_FOUND;
  const jsonSuffix = url.pathname.endsWith('.json');
  if (!jsonSuffix && !acceptsJson(header(request, 'accept'))) {
    return {
      status: 406,
      body: { error: 'Send Accept: application/json or add .json to the path' },
    };
  }
  const segments = pathSegments(url.pathname.slice(API_PREFIX.length).replace(/\.json$/, ''));
  if (!segments) return NOT_FOUND;

  for (const route of ROUTES) {
    const id = matchRoute(route.pattern, segments);
    if (id === null) continue;
    if (request.method !== 'GET') {
      return { status: 405, body: { error: 'Method Not Allowed' }, headers: { Allow: 'GET' } };
    }
    return route.get(brand, id, url.searchParams);
  }
  return NOT_FOUND;
}

/** Decoded path segments, without a trailing slash; null when the path cannot be decoded. */
function pathSegments(path: string): string[] | null {
  try {
    return path.replace(/\/$/, '').split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** The `:id` segment ('' when the pattern has none), or null when the path does not match. */
function matchRoute(pattern: string[], segments: string[]): string | null {
  if (pattern.length !== segments.length) return null;
  let id = '';
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index]!;
    if (part === ':id') id = segment;
    else if (part !== segment) return null;
  }
  return pattern.includes(':id') && id === '' ? null : id;
}

function acceptsJson(accept: string | null): boolean {
  return (accept ?? '')
    .split(',')
    .some((range) => range.split(';')[0]!.trim().toLowerCase() === 'application/json');
}

// ---------------------------------------------------------------------------------------------
// Conversations.

/** The conversation as the API shows it: the hidden fields removed. */
function conversationJson(conversation: FakeConversation): ConversationJson {
  const { dbId, refId, originId, authorSsoId, messages, ...json } = conversation;
  return json;
}

/** List items as in the official list example, which has no `last_staff_message`. */
function conversationListItem(
  conversation: FakeConversation,
): Omit<ConversationJson, 'last_staff_message'> {
  const { last_staff_message, ...item } = conversationJson(conversation);
  return item;
}

/**
 * GET /conversations/{id}: the slug first; then the reference id (id_type=ref) or the origin id
 * inside the channel `category` (id_type=origin, optionally of channel type `channel`); without
 * id_type, a number that is no slug is the database id.
 */
function showConversation(brand: FakeBrand, id: string, query: URLSearchParams): Answer {
  const conversations = brand.conversations;
  const bySlug = conversations.find((c) => c.slug === id);
  if (bySlug) return ok(conversationJson(bySlug));

  const idType = query.get('id_type');
  let found: FakeConversation | undefined;
  if (idType === 'ref') {
    found = conversations.find((c) => c.refId === id);
  } else if (idType === 'origin') {
    const category = query.get('category');
    if (!category) {
      return {
        status: 422,
        body: { errors: { category: ['is required when id_type is origin'] } },
      };
    }
    const channel = query.get('channel');
    found = conversations.find(
      (c) =>
        c.originId === id &&
        c.category.slug === category &&
        (channel === null || String(c.category.channel) === channel),
    );
  } else if (idType === null && /^\d+$/.test(id)) {
    found = conversations.find((c) => c.dbId === Number(id));
  }
  return found ? ok(conversationJson(found)) : NOT_FOUND;
}

type ConversationFilter = (conversation: FakeConversation) => boolean;

function listConversations(brand: FakeBrand, query: URLSearchParams) {
  const filters = [
    statusFilter(query.get('filter')),
    forEmailFilter(query.get('for')),
    forIdFilter(query.get('for_id')),
    tagFilter(query.get('tag')),
    categoryFilter(query.get('category')),
    dataFilter(query),
  ].filter((filter): filter is ConversationFilter => filter !== null);

  const matches = brand.conversations.filter((c) => filters.every((filter) => filter(c)));
  const sortKey = sortKeyFor(query.get('sort'));
  const sorted = matches.sort((a, b) => sortKey(b) - sortKey(a) || b.dbId - a.dbId);
  return paginate('conversations', sorted.map(conversationListItem), query);
}

const ARCHIVED = 4;
const OPEN = 0;

/** `filter`: archived, open, unassigned, all; anything else hides archived ones. */
function statusFilter(filter: string | null): ConversationFilter {
  switch (filter) {
    case 'all':
      return () => true;
    case 'archived':
      return (c) => c.status === ARCHIVED;
    case 'open':
      return (c) => c.status === OPEN;
    case 'unassigned':
      return (c) => c.assignee === null && c.status !== ARCHIVED;
    default:
      return (c) => c.status !== ARCHIVED;
  }
}

/** `for`: conversations whose author or a follower has this email, in any case. */
function forEmailFilter(email: string | null): ConversationFilter | null {
  if (email === null) return null;
  const wanted = email.toLowerCase();
  return (c) => [c.author, ...c.followers].some((person) => person.email?.toLowerCase() === wanted);
}

/** `for_id`: conversations whose author has this SSO id. */
function forIdFilter(ssoId: string | null): ConversationFilter | null {
  return ssoId === null ? null : (c) => c.authorSsoId === ssoId;
}

/** `tag`: comma-separated, any of them. */
function tagFilter(tagParam: string | null): ConversationFilter | null {
  const tags = (tagParam ?? '')
    .split(',')
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  if (tags.length === 0) return null;
  return (c) => c.tag_list.some((tag) => tags.includes(tag.toLowerCase()));
}

/** `category`: the channel slug. */
function categoryFilter(slug: string | null): ConversationFilter | null {
  return slug === null ? null : (c) => c.category.slug === slug;
}

/** `data[key]=value`: every pair must equal the conversation's custom data exactly. */
function dataFilter(query: URLSearchParams): ConversationFilter | null {
  const pairs = [...query.entries()].flatMap(([name, value]) => {
    const key = name.match(/^data\[(.+)\]$/)?.[1];
    return key === undefined ? [] : [[key, value] as const];
  });
  if (pairs.length === 0) return null;
  return (c) => pairs.every(([key, value]) => c.data[key] === value);
}

/** `sort`: updated = last customer message, changed = updated_at; default = created_at. All newest first. */
function sortKeyFor(sort: string | null): (c: FakeConversation) => number {
  if (sort === 'updated')
    return (c) => Date.parse(c.last_customer_message?.created_at ?? c.created_at);
  if (sort === 'changed') return (c) => Date.parse(c.updated_at);
  return (c) => Date.parse(c.created_at);
}

// ---------------------------------------------------------------------------------------------
// Messages, channels, staff.

/** GET /conversations/{slug}/messages: newest first; `filter=staff|customer`. */
function listMessages(brand: FakeBrand, slug: string, query: URLSearchParams): Answer {
  const conversation = brand.conversations.find((c) => c.slug === slug);
  if (!conversation) return NOT_FOUND;
  const filter = query.get('filter');
  const messages = conversation.messages
    .filter((m) =>
      filter === 'staff' ? m.user['staff?'] : filter === 'customer' ? !m.user['staff?'] : true,
    )
    .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
  return ok(paginate('messages', messages, query));
}

/** Channel names the `channel` filter takes, by channel type. */
const CHANNEL_TYPES: Record<string, number> = { email: 1, twitter: 2, facebook: 3, chat: 6 };

function listChannels(brand: FakeBrand, query: URLSearchParams) {
  const name = query.get('channel');
  const channels =
    name === null
      ? brand.channels
      : brand.channels.filter((c) => c.channel === CHANNEL_TYPES[name.toLowerCase()]);
  return { total_count: channels.length, channels };
}

function showChannel(brand: FakeBrand, slug: string): Answer {
  const channel = brand.channels.find((c) => c.slug === slug);
  return channel ? ok(channel) : NOT_FOUND;
}

/** Staff are listed by creation, oldest first. */
function sortedStaff(brand: FakeBrand) {
  return [...brand.staff].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
}

/** The paged envelope: 1-based `page`; a page past the end is empty with the same counts. */
function paginate<T>(key: string, items: T[], query: URLSearchParams) {
  const requested = Number.parseInt(query.get('page') ?? '1', 10);
  const page = Number.isFinite(requested) && requested > 0 ? requested : 1;
  return {
    page_size: PAGE_SIZE,
    page_count: Math.ceil(items.length / PAGE_SIZE),
    total_count: items.length,
    [key]: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
  };
}
