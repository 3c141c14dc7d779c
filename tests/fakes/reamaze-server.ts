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
 *  6. route: unknown path -> 404, a known path with a method it does not serve -> 405
 *  7. for POST and PUT, the JSON body: unreadable, or without its root key -> 400
 *  8. the handler: 200, or 404 / 422 with the bodies the documentation shows
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
 *  - rejectNextWrite is spent by the next write that reaches its handler (a readable body, a
 *    known route): it answers 422 naming the knob's field, as a validation the fake does not
 *    model would (a hold date Re:amaze refuses, say), and changes nothing.
 *  - `filter=unassigned` and unknown `filter` values leave archived conversations out, like the
 *    default; tags match case-insensitively; an unknown `id_type` gets no database-id fallback;
 *    `/channels?channel=<unknown name>` is an empty list.
 *  - List items omit `last_staff_message`, which only the single-conversation example shows.
 *  - A request while `hang` is on is logged with status 0 and never answered.
 *  - reset() restores the knobs given to startFakeReamaze (over the defaults), and the data: the
 *    fake writes to its own copy of the data it was given, never to that object.
 *
 * Writes (POST /conversations, PUT /conversations/{slug}, POST /conversations/{slug}/messages):
 *  - They pass steps 1 to 6 like reads: same auth, same rate-limit count, failNext and hang. A
 *    write takes effect when it is answered, before `latencyMs`, so a client that gives up waiting
 *    has still written (as when a real request times out after the server did the work).
 *  - Bodies are read as JSON only with a JSON Content-Type (as Rails does; another type leaves the
 *    root key missing). A body that is not JSON, or lacks the resource's root key (`message`,
 *    `conversation`) or has a non-object there, is 400 `{"error": …}`: the request could not be
 *    read, which Rails answers 400. Unwrapped fields are not accepted. Everything else wrong is
 *    422 `{"errors": {"field": ["message", …]}}`, every wrong field named at once.
 *  - A message's `origin_id` already used in the same conversation creates nothing: by default
 *    422 `{"errors": {"origin_id": ["has already been taken"]}}` (what a uniqueness rule answers);
 *    knobs.duplicateOriginId = 'return-existing' answers 200 with the earlier message instead, so
 *    a client's retry can be tested against both. The same id in another conversation is allowed.
 *  - A staff reply (visibility 0 from staff) sets the conversation to status 2 (resolved) and
 *    clears `hold_until`, unless `suppress_autoresolve`; internal notes and customer messages leave
 *    the status alone. A new message is never older than the thread's newest (the data's clock is
 *    fixed), so it is always listed first.
 *  - PUT: `status` is any non-negative integer (unknown codes kept); 5 needs a parsable
 *    `hold_until` in the same request, another status clears it; `assignee` is `{"email": …}` or
 *    a bare email, of a staff user of the brand (else 422), or null to unassign; `tag_list` (array
 *    or comma-separated string) replaces the tags; `data` is merged key by key (null removes a
 *    key); `category` moves it to another email channel of the brand. Unknown keys are ignored.
 *  - POST /conversations: `category`, `message.body` and `user.email` are required; the slug comes
 *    from the subject (or the body), made unique; origin 7 (API); the customer is the author and
 *    first follower. It is then found like the demo's: by slug, `for`, `data[k]`, and its
 *    reference id (see conversation()).
 *  - `suppress_notification(s)`, `suppress_surveys`, attachments: accepted and ignored.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ConversationJson,
  CustomData,
  FakeBrand,
  FakeConversation,
  FakeData,
  FakeUser,
  FollowerJson,
  MessageJson,
  UserJson,
} from './demo-data';
import { followerJson } from './demo-data';

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
  /** A message whose origin_id the conversation already has: 422, or the earlier message. */
  duplicateOriginId: 'reject' | 'return-existing';
  /** The next write answers 422 `{"errors": {field: [message]}}` and changes nothing. */
  rejectNextWrite: { field: string; message: string } | null;
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
  /** The request body when one was sent: parsed JSON, or the text when it is not JSON. */
  body?: unknown;
}

export interface FakeReamaze {
  port: number;
  configure(knobs: Partial<FakeKnobs>): void;
  /** Knobs and data back to those given at start; log and rate-limit counters cleared. */
  reset(): void;
  /**
   * A copy of one conversation as the fake holds it, hidden fields included (the reference id of
   * one created through the API, say); undefined when the brand or slug is unknown.
   */
  conversation(brand: string, slug: string): FakeConversation | undefined;
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
  duplicateOriginId: 'reject',
  rejectNextWrite: null,
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
  let data: FakeData = structuredClone(options.data);
  const log: RequestLogEntry[] = [];
  const rateLimiter = new RateLimiter();
  const pendingAnswers = new Set<NodeJS.Timeout>();

  /** Steps 2 to 7 of the file comment, for a request to a known brand. */
  function answerForBrand(
    brand: FakeBrand,
    request: IncomingMessage,
    url: URL,
    rawBody: string,
  ): Answer {
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

    return answerApi({ brand, user, knobs }, request, url, rawBody);
  }

  function takeFailNext(): number | null {
    const failNext = knobs.failNext;
    if (!failNext || failNext.count <= 0) return null;
    knobs.failNext =
      failNext.count > 1 ? { status: failNext.status, count: failNext.count - 1 } : null;
    return failNext.status;
  }

  function handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => respond(request, response, Buffer.concat(chunks).toString('utf8')));
  }

  function respond(request: IncomingMessage, response: ServerResponse, rawBody: string) {
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
      ...(rawBody === '' ? {} : { body: parseJson(rawBody) ?? rawBody }),
    };
    log.push(entry);
    if (knobs.hang) return; // the socket stays open until the client gives up or close()

    const brand = brandOf(data, brandName);
    const answer = withRetryAfter(
      brand ? answerForBrand(brand, request, url, rawBody) : NOT_FOUND,
      knobs,
    );
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
      data = structuredClone(options.data);
      log.length = 0;
      rateLimiter.clear();
    },
    conversation(brandName, slug) {
      const found = brandOf(data, brandName)?.conversations.find((c) => c.slug === slug);
      return found && structuredClone(found);
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

/** Who asks, in which brand, under which knobs. */
interface Caller {
  brand: FakeBrand;
  /** The authenticated staff user. */
  user: FakeUser;
  knobs: FakeKnobs;
}

interface Call extends Caller {
  /** The `:id` segment, '' when the route has none. */
  id: string;
  query: URLSearchParams;
  /** What the body's root key holds (POST and PUT only; {} for GET). */
  fields: Record<string, unknown>;
}

type Handler = (call: Call) => Answer;
type Method = 'GET' | 'POST' | 'PUT';

interface Route {
  /** Path below /api/v1; `:id` is one path segment. */
  pattern: string[];
  /** The body's root key, for the methods that take one. */
  root?: string;
  methods: Partial<Record<Method, Handler>>;
}

const ROUTES: Route[] = [
  {
    pattern: ['conversations'],
    root: 'conversation',
    methods: {
      GET: ({ brand, query }) => ok(listConversations(brand, query)),
      POST: createConversation,
    },
  },
  {
    pattern: ['conversations', ':id'],
    root: 'conversation',
    methods: {
      GET: ({ brand, id, query }) => showConversation(brand, id, query),
      PUT: updateConversation,
    },
  },
  {
    pattern: ['conversations', ':id', 'messages'],
    root: 'message',
    methods: {
      GET: ({ brand, id, query }) => listMessages(brand, id, query),
      POST: createMessage,
    },
  },
  {
    pattern: ['channels'],
    methods: { GET: ({ brand, query }) => ok(listChannels(brand, query)) },
  },
  { pattern: ['channels', ':id'], methods: { GET: ({ brand, id }) => showChannel(brand, id) } },
  {
    pattern: ['staff'],
    methods: { GET: ({ brand, query }) => ok(paginate('staff', sortedStaff(brand), query)) },
  },
  {
    pattern: ['response_templates'],
    methods: { GET: ({ brand, query }) => ok(listResponseTemplates(brand, query)) },
  },
  {
    pattern: ['response_templates', ':id'],
    methods: { GET: ({ brand, id }) => showResponseTemplate(brand, id) },
  },
];

function answerApi(caller: Caller, request: IncomingMessage, url: URL, rawBody: string): Answer {
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
    const method = request.method ?? 'GET';
    const handler = Object.hasOwn(route.methods, method)
      ? route.methods[method as Method]
      : undefined;
    if (!handler) {
      return {
        status: 405,
        body: { error: 'Method Not Allowed' },
        headers: { Allow: Object.keys(route.methods).join(', ') },
      };
    }
    let fields: Record<string, unknown> = {};
    if (method !== 'GET') {
      const read = rootFields(request, rawBody, route.root!);
      if ('status' in read) return read;
      fields = read.fields;
      const rejection = caller.knobs.rejectNextWrite;
      if (rejection) {
        caller.knobs.rejectNextWrite = null;
        return invalid({ [rejection.field]: [rejection.message] });
      }
    }
    return handler({ ...caller, id, query: url.searchParams, fields });
  }
  return NOT_FOUND;
}

/** The object under the body's root key, or the 400 answer for a body that cannot be read. */
function rootFields(
  request: IncomingMessage,
  rawBody: string,
  root: string,
): { fields: Record<string, unknown> } | Answer {
  const mediaType = (header(request, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  let body: unknown = {};
  if (mediaType === 'application/json' && rawBody.trim() !== '') {
    body = parseJson(rawBody);
    if (body === undefined) return { status: 400, body: { error: 'The body is not valid JSON' } };
  }
  const fields = isObject(body) ? body[root] : undefined;
  if (!isObject(fields)) {
    return { status: 400, body: { error: `param is missing or the value is empty: ${root}` } };
  }
  return { fields };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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

// ---------------------------------------------------------------------------------------------
// Writes. Each handler checks every field first and changes nothing when one is wrong.

const RESOLVED = 2;
const ON_HOLD = 5;
const API_ORIGIN = 7;
const EMAIL_CHANNEL_TYPE = 1;
const BLANK = "can't be blank";

type FieldErrors = Record<string, string[]>;

function invalid(errors: FieldErrors): Answer {
  return { status: 422, body: { errors } };
}

function addError(errors: FieldErrors, field: string, message: string) {
  (errors[field] ??= []).push(message);
}

/** A non-blank string, else undefined. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Rails' reading of a boolean parameter. */
function flag(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}

/** Now, but later than every given time: the data's clock is fixed, so "now" may be behind it. */
function timeAfter(times: string[]): string {
  const latest = Math.max(0, ...times.map((time) => Date.parse(time)).filter(Number.isFinite));
  return new Date(Math.max(Date.now(), latest + 1)).toISOString();
}

function staffByEmail(brand: FakeBrand, email: string) {
  const wanted = email.toLowerCase();
  return brand.staff.find((staff) => staff.email.toLowerCase() === wanted);
}

/** Everyone the brand's conversations show, for reusing their ids and names. */
function knownPeople(brand: FakeBrand): (UserJson | FollowerJson)[] {
  return brand.conversations.flatMap((c) => [
    c.author,
    ...(c.assignee ? [c.assignee] : []),
    ...c.followers,
  ]);
}

function knownPerson(brand: FakeBrand, email: string) {
  const wanted = email.toLowerCase();
  return knownPeople(brand).find((person) => person.email?.toLowerCase() === wanted);
}

/** The id the brand already shows for this email, or a new one. */
function personId(brand: FakeBrand, email: string): number {
  return (
    knownPerson(brand, email)?.id ??
    Math.max(1_000_000, ...knownPeople(brand).map((person) => person.id)) + 1
  );
}

function userJsonOf(
  brand: FakeBrand,
  email: string,
  name: string | null,
  data: CustomData = {},
): UserJson {
  return {
    id: personId(brand, email),
    name,
    email,
    friendly_name: name?.split(' ')[0] ?? null,
    display_name: name,
    mobile: null,
    twitter: null,
    facebook: null,
    instagram: null,
    data,
  };
}

function follow(
  conversation: FakeConversation,
  person: { id: number; name: string | null; email: string },
  staff: boolean,
) {
  const email = person.email.toLowerCase();
  if (conversation.followers.some((f) => f.email?.toLowerCase() === email)) return;
  conversation.followers.push(followerJson(person, staff));
}

/** Flat custom data: strings kept, numbers and booleans written as strings, null removes. */
function readData(
  value: unknown,
  field: string,
  errors: FieldErrors,
): Record<string, string | null> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    addError(errors, field, 'must be a hash of keys and values');
    return undefined;
  }
  const pairs: Record<string, string | null> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null) pairs[key] = null;
    else if (['string', 'number', 'boolean'].includes(typeof item)) pairs[key] = String(item);
    else addError(errors, field, `${key} must be a single value`);
  }
  return pairs;
}

function mergeData(target: CustomData, pairs: Record<string, string | null>) {
  for (const [key, value] of Object.entries(pairs)) {
    if (value === null) delete target[key];
    else target[key] = value;
  }
}

/** A tag list as an array or a comma-separated string: trimmed, blanks and repeats dropped. */
function readTags(value: unknown, errors: FieldErrors): string[] | undefined {
  if (value === undefined) return undefined;
  const items =
    typeof value === 'string'
      ? value.split(',')
      : Array.isArray(value) && value.every((tag) => typeof tag === 'string')
        ? (value as string[])
        : null;
  if (items === null) {
    addError(errors, 'tag_list', 'must be a list of tags');
    return undefined;
  }
  return [...new Set(items.map((tag) => tag.trim()).filter(Boolean))];
}

/** A status code: any non-negative integer, as a number or digits. */
function readStatus(value: unknown, errors: FieldErrors): number | undefined {
  if (value === undefined) return undefined;
  const status =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (
    !Number.isInteger(status) ||
    status < 0 ||
    (typeof value === 'string' && !/^\d+$/.test(value))
  ) {
    addError(errors, 'status', 'is not a valid status');
    return undefined;
  }
  return status;
}

/** POST /conversations/{slug}/messages: a reply (visibility 0) or an internal note (1). */
function createMessage({ brand, user, knobs, id, fields }: Call): Answer {
  const conversation = brand.conversations.find((c) => c.slug === id);
  if (!conversation) return NOT_FOUND;

  const errors: FieldErrors = {};
  const body = text(fields.body);
  if (body === undefined) addError(errors, 'body', BLANK);
  const visibility = fields.visibility === undefined ? 0 : Number(fields.visibility);
  if (visibility !== 0 && visibility !== 1) {
    addError(errors, 'visibility', 'is not included in the list');
  }
  let originId: string | undefined;
  if (fields.origin_id !== undefined && fields.origin_id !== null) {
    if (typeof fields.origin_id === 'string' || typeof fields.origin_id === 'number') {
      originId = String(fields.origin_id);
    } else addError(errors, 'origin_id', 'is invalid');
  }
  let senderEmail = user.email;
  let senderName: string | null = user.name;
  if (fields.user !== undefined) {
    const email = isObject(fields.user) ? text(fields.user.email) : undefined;
    if (email === undefined) addError(errors, 'user.email', BLANK);
    else {
      senderEmail = email;
      senderName = isObject(fields.user) ? (text(fields.user.name) ?? null) : null;
    }
  }
  if (Object.keys(errors).length > 0) return invalid(errors);

  if (originId !== undefined) {
    const earlier = conversation.messages.find((m) => m.origin_id === originId);
    if (earlier) {
      return knobs.duplicateOriginId === 'return-existing'
        ? ok(createdMessageJson(earlier))
        : invalid({ origin_id: ['has already been taken'] });
    }
  }

  const staff = staffByEmail(brand, senderEmail);
  const known = knownPerson(brand, senderEmail);
  const sender = {
    id: personId(brand, senderEmail),
    name: senderName ?? staff?.name ?? known?.name ?? null,
    email: staff?.email ?? senderEmail,
  };
  const isStaff = staff !== undefined;
  const emailed = conversation.category.channel === EMAIL_CHANNEL_TYPE && visibility === 0;
  const extraRecipients = Array.isArray(fields.recipients)
    ? fields.recipients.filter((r): r is string => typeof r === 'string')
    : [];
  const message: MessageJson = {
    body: body!,
    visibility: visibility as 0 | 1,
    origin: API_ORIGIN,
    origin_id: originId ?? `api-${randomUUID()}`,
    created_at: timeAfter([
      conversation.created_at,
      ...conversation.messages.map((m) => m.created_at),
    ]),
    user: { name: sender.name, email: sender.email, 'staff?': isStaff },
    recipients: [
      ...(emailed && isStaff
        ? [{ name: conversation.author.name, email: conversation.author.email }]
        : []),
      ...extraRecipients.map((email) => ({ name: null, email })),
    ],
    attachments: [],
    conversation: {
      subject: conversation.subject,
      slug: conversation.slug,
      created_at: conversation.created_at,
      category: { ...conversation.category },
    },
  };

  conversation.messages.push(message);
  conversation.message_count += 1;
  conversation.updated_at = message.created_at;
  if (visibility === 0) {
    const excerpt = { body: message.body, created_at: message.created_at };
    if (isStaff) conversation.last_staff_message = excerpt;
    else conversation.last_customer_message = excerpt;
  }
  follow(conversation, sender, isStaff);
  if (isStaff && visibility === 0 && !flag(fields.suppress_autoresolve)) {
    conversation.status = RESOLVED;
    conversation.hold_until = null;
  }
  return ok(createdMessageJson(message));
}

/** A message as its create answer shows it: without origin, recipients or attachments. */
function createdMessageJson(message: MessageJson) {
  const { origin, recipients, attachments, ...created } = message;
  return created;
}

/** PUT /conversations/{slug}: status, hold_until, assignee, tag_list, data, category. */
function updateConversation({ brand, id, fields }: Call): Answer {
  const conversation = brand.conversations.find((c) => c.slug === id);
  if (!conversation) return NOT_FOUND;

  const errors: FieldErrors = {};
  const status = readStatus(fields.status, errors);
  let holdUntil: string | undefined;
  if (status === ON_HOLD) {
    const given = fields.hold_until;
    if (given === undefined || given === null || given === '') {
      addError(errors, 'hold_until', `${BLANK} when the status is on hold`);
    } else if (typeof given !== 'string' || !Number.isFinite(Date.parse(given))) {
      addError(errors, 'hold_until', 'is not a valid time');
    } else holdUntil = new Date(Date.parse(given)).toISOString();
  }

  let assignee: UserJson | null | undefined;
  if (fields.assignee === null) assignee = null;
  else if (fields.assignee !== undefined) {
    const email =
      typeof fields.assignee === 'string'
        ? text(fields.assignee)
        : isObject(fields.assignee)
          ? text(fields.assignee.email)
          : undefined;
    const staff = email === undefined ? undefined : staffByEmail(brand, email);
    if (email === undefined) addError(errors, 'assignee', 'must name a staff email');
    else if (!staff) addError(errors, 'assignee', `${email} is not a staff member of this brand`);
    else assignee = userJsonOf(brand, staff.email, staff.name);
  }

  const tags = readTags(fields.tag_list, errors);
  const data = readData(fields.data, 'data', errors);

  let channel: FakeBrand['channels'][number] | undefined;
  if (fields.category !== undefined) {
    const slug = text(fields.category);
    channel = slug === undefined ? undefined : brand.channels.find((c) => c.slug === slug);
    if (!channel) addError(errors, 'category', 'is not a channel of this brand');
    else if (channel.channel !== EMAIL_CHANNEL_TYPE) {
      addError(errors, 'category', 'must be an email channel');
    }
  }
  if (Object.keys(errors).length > 0) return invalid(errors);

  if (status !== undefined) {
    conversation.status = status;
    conversation.hold_until = holdUntil ?? null;
  }
  if (assignee !== undefined) {
    conversation.assignee = assignee;
    if (assignee?.email) follow(conversation, { ...assignee, email: assignee.email }, true);
  }
  if (tags) conversation.tag_list = tags;
  if (data) mergeData(conversation.data, data);
  if (channel) {
    const { name, slug, email, channel: type } = channel;
    conversation.category = { name, slug, email, channel: type };
    for (const message of conversation.messages) {
      message.conversation = { ...message.conversation, category: { ...conversation.category } };
    }
  }
  conversation.updated_at = timeAfter([conversation.updated_at]);
  return ok(conversationJson(conversation));
}

/** POST /conversations: a new conversation on behalf of a customer, with its first message. */
function createConversation({ brand, fields }: Call): Answer {
  const errors: FieldErrors = {};
  const categorySlug = text(fields.category);
  const channel =
    categorySlug === undefined ? undefined : brand.channels.find((c) => c.slug === categorySlug);
  if (categorySlug === undefined) addError(errors, 'category', BLANK);
  else if (!channel) addError(errors, 'category', 'is not a channel of this brand');

  const message = isObject(fields.message) ? fields.message : {};
  const body = text(message.body);
  if (body === undefined) addError(errors, 'message.body', BLANK);

  const customer = isObject(fields.user) ? fields.user : {};
  const email = text(customer.email)?.trim();
  if (email === undefined) addError(errors, 'user.email', BLANK);
  else if (!/^[^\s@]+@[^\s@]+$/.test(email)) addError(errors, 'user.email', 'is invalid');

  const subject =
    fields.subject === undefined || fields.subject === null ? null : text(fields.subject);
  if (subject === undefined) addError(errors, 'subject', 'must be text');
  const status = readStatus(fields.status, errors);
  if (status === ON_HOLD) addError(errors, 'status', 'cannot be on hold when created');
  const tags = readTags(fields.tag_list, errors);
  const data = readData(fields.data, 'data', errors);
  const customerData = readData(customer.data, 'user.data', errors);
  if (Object.keys(errors).length > 0) return invalid(errors);
  const title = subject ?? null;

  const known = knownPerson(brand, email!);
  const name = text(customer.name) ?? known?.name ?? null;
  const authorData: CustomData = { ...(known && 'data' in known ? known.data : {}) };
  mergeData(authorData, customerData ?? {});
  const author = userJsonOf(brand, email!, name, authorData);
  const createdAt = timeAfter(brand.conversations.map((c) => c.created_at));
  const dbId = Math.max(0, ...brand.conversations.map((c) => c.dbId)) + 1;
  const slug = uniqueSlug(brand, title ?? body!);
  const category = {
    name: channel!.name,
    slug: channel!.slug,
    email: channel!.email,
    channel: channel!.channel,
  };
  const first: MessageJson = {
    body: body!,
    visibility: 0,
    origin: API_ORIGIN,
    origin_id: `api-${randomUUID()}`,
    created_at: createdAt,
    user: { name, email: email!, 'staff?': false },
    recipients: [],
    attachments: [],
    conversation: { subject: title, slug, created_at: createdAt, category },
  };
  const customData: CustomData = {};
  mergeData(customData, data ?? {});
  const sameCustomer = brand.conversations.find(
    (c) => c.author.email?.toLowerCase() === email!.toLowerCase() && c.authorSsoId,
  );

  const conversation: FakeConversation = {
    dbId,
    refId: `api-${dbId}`,
    authorSsoId: sameCustomer?.authorSsoId,
    messages: [first],
    subject: title,
    display_subject: title ?? body!.slice(0, 60),
    slug,
    status: status ?? 0,
    origin: API_ORIGIN,
    created_at: createdAt,
    updated_at: createdAt,
    hold_until: null,
    perma_url: `${channel!.brand.url}/perma?token=${(dbId * 7919).toString(36)}`,
    message_count: 1,
    readOnly: false,
    tag_list: tags ?? [],
    message: { body: first.body, origin_id: first.origin_id },
    last_customer_message: { body: first.body, created_at: createdAt },
    last_staff_message: null,
    author,
    assignee: null,
    category,
    data: customData,
    followers: [],
  };
  follow(conversation, { id: author.id, name, email: email! }, false);
  const recipients = Array.isArray(message.recipients) ? message.recipients : [];
  for (const recipient of recipients) {
    if (typeof recipient !== 'string' || !recipient.includes('@')) continue;
    const staff = staffByEmail(brand, recipient);
    const person = knownPerson(brand, recipient);
    follow(
      conversation,
      {
        id: personId(brand, recipient),
        name: staff?.name ?? person?.name ?? null,
        email: recipient,
      },
      staff !== undefined,
    );
  }
  brand.conversations.push(conversation);
  return ok(conversationJson(conversation));
}

/** A slug made of the text's first words, with a number added when the brand already has it. */
function uniqueSlug(brand: FakeBrand, source: string): string {
  const base =
    source
      .toLowerCase()
      .replace(/<[^>]*>/g, ' ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/, '') || 'conversation';
  const taken = new Set(brand.conversations.flatMap((c) => [c.slug, c.refId]));
  if (!taken.has(base) && !/^\d+$/.test(base)) return base;
  for (let n = 2; ; n += 1) {
    if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Response templates.

/** GET /response_templates: `q` searches name and body; sorted by name; paged by 30. */
function listResponseTemplates(brand: FakeBrand, query: URLSearchParams) {
  const q = query.get('q')?.trim().toLowerCase() ?? '';
  const matches = brand.responseTemplates
    .filter((t) => q === '' || `${t.name}\n${t.body}`.toLowerCase().includes(q))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  return paginate('response_templates', matches, query);
}

function showResponseTemplate(brand: FakeBrand, id: string): Answer {
  const template = /^\d+$/.test(id)
    ? brand.responseTemplates.find((t) => t.id === Number(id))
    : undefined;
  return template ? ok(template) : NOT_FOUND;
}
