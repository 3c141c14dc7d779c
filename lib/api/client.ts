/**
 * A typed client for the Re:amaze REST API v1: the reads the lookups need and the writes an agent
 * needs (reply, note, status, assignee, tags, new conversation). It uses plain `fetch` and no
 * browser API, so the background service worker and Node tests run the same code. Every failure is
 * a `ReamazeApiError` (see errors.ts).
 *
 * A write is never sent twice by the client itself, except after a 429: a rate-limited request is
 * refused, not carried out, so sending it again once is safe. A timeout or a network failure leaves
 * the outcome unknown, so it is the caller's to retry (a message with the same origin id, which
 * helps Re:amaze tell a duplicate from a new message).
 */
import type { z } from 'zod';
import type { Translate } from '../i18n/translate';
import {
  errorForStatus,
  notFoundError,
  ReamazeApiError,
  notJsonError,
  offlineError,
  timeoutError,
  unexpectedShapeError,
  type RequestContext,
} from './errors';
import {
  ChannelListSchema,
  ConversationPageSchema,
  ConversationSchema,
  ErrorBodySchema,
  MessagePageSchema,
  MessageSchema,
  ResponseTemplatePageSchema,
  StaffPageSchema,
  VISIBILITY,
  type ChannelList,
  type Conversation,
  type ConversationPage,
  type ErrorBody,
  type Message,
  type MessagePage,
  type ResponseTemplatePage,
  type StaffPage,
} from './schemas';
import { redact } from '../security/redact';

export interface ReamazeCredentials {
  /** Already normalised, e.g. "northwind". */
  brand: string;
  email: string;
  token: string;
}

export interface ClientOptions {
  fetch?: typeof fetch;
  /** Per attempt; default 15 000. */
  timeoutMs?: number;
  /** Used for the wait before retrying a 429; injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Cap on the wait before retrying a 429, whatever `Retry-After` asks; default 10 000. */
  maxRetryWaitMs?: number;
  /**
   * Retry a 429 once inside the call (the default), for reads and writes alike. Off for callers
   * that wait elsewhere: the lookup search waits outside its concurrency slots, so one 429 does not
   * stall every lookup.
   */
  retryRateLimited?: boolean;
}

/** What the client is built with: its options, and the agent's language for its errors. */
export interface ClientSetup extends ClientOptions {
  t: Translate;
}

export interface ConversationLookup {
  /** `ref`: the id is a reference id; `origin`: an origin id, which needs `category`. */
  idType?: 'ref' | 'origin';
  /** Channel slug. */
  category?: string;
  /** Channel type (see labels.ts). */
  channel?: number;
}

export interface ConversationListQuery {
  /** A customer's email. */
  for?: string;
  /** A customer's SSO id. */
  forId?: string;
  /** Without a filter the API hides archived conversations. */
  filter?: 'archived' | 'open' | 'unassigned' | 'all';
  /** Custom-field matches, sent as `data[key]=value`. */
  data?: Record<string, string>;
  /** Several tags are sent comma-separated. */
  tag?: string | string[];
  /** Channel slug. */
  category?: string;
  sort?: 'updated' | 'changed';
  page?: number;
}

export interface MessageListQuery {
  page?: number;
  filter?: 'staff' | 'customer';
}

export interface ChannelListQuery {
  /** A channel kind by name: `email`, `facebook`, `twitter`, `chat`. */
  channel?: string;
  page?: number;
}

export interface StaffListQuery {
  page?: number;
}

export interface ResponseTemplateQuery {
  /** Keyword search. */
  q?: string;
  page?: number;
}

/** Custom fields as sent; Re:amaze stores them as text. */
export type CustomDataInput = Record<string, string>;

export interface NewMessage {
  /** Markdown. */
  body: string;
  /** `reply` goes to the customer; `note` is an internal note only staff see. */
  visibility: 'reply' | 'note';
  /**
   * The caller's own id for this message, which helps Re:amaze tell a duplicate from a new
   * message. Sending the same message again after a timeout must reuse it.
   */
  originId: string;
  /** No email or integration notifications for this message. */
  suppressNotifications?: boolean;
  /** A staff reply normally marks the conversation done; this keeps its status. */
  suppressAutoresolve?: boolean;
}

export interface ConversationUpdate {
  /** A status code (see labels.ts); 5, on hold, needs `holdUntil`. */
  status?: number;
  /** Until when a conversation on hold waits; sent as an ISO 8601 timestamp. */
  holdUntil?: Date | string;
  /** Replaces the whole tag list. */
  tagList?: string[];
  /** The email of the staff member to assign. */
  assignee?: string;
  /** Custom fields to set. */
  data?: CustomDataInput;
}

export interface NewConversation {
  subject: string;
  /** The channel's slug. */
  category: string;
  /** The first message, in Markdown. */
  body: string;
  /** The customer it is started on behalf of. */
  customer: { email: string; name?: string };
  data?: CustomDataInput;
  /** No notifications for the first message. */
  suppressNotifications?: boolean;
}

export interface ReamazeClient {
  getConversation(id: string, lookup?: ConversationLookup): Promise<Conversation>;
  listConversations(query: ConversationListQuery): Promise<ConversationPage>;
  listMessages(slug: string, query?: MessageListQuery): Promise<MessagePage>;
  listChannels(query?: ChannelListQuery): Promise<ChannelList>;
  listStaff(query?: StaffListQuery): Promise<StaffPage>;
  listResponseTemplates(query?: ResponseTemplateQuery): Promise<ResponseTemplatePage>;
  /** Adds a reply or an internal note; returns the created message. */
  createMessage(slug: string, message: NewMessage): Promise<Message>;
  /** Changes what `update` names and nothing else; returns the updated conversation. */
  updateConversation(slug: string, update: ConversationUpdate): Promise<Conversation>;
  /** Starts a conversation on behalf of a customer; returns it. */
  createConversation(conversation: NewConversation): Promise<Conversation>;
}

/** Status code for "on hold", which Re:amaze accepts only with a `hold_until` time. */
const ON_HOLD = 5;

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_RETRY_WAIT_MS = 10_000;
/** Wait before the one 429 retry when the server gives no `Retry-After`. */
const RETRY_BACKOFF_MS = 1_000;
/** Spreads retries from several sidebars so they do not hit the limit again together. */
const RETRY_JITTER_MS = 250;

export function apiBaseUrl(brand: string): string {
  return `https://${brand}.reamaze.io/api/v1`;
}

/** The conversation in the Re:amaze admin UI, which lives on `.reamaze.com`, not the API host. */
export function adminConversationUrl(brand: string, slug: string): string {
  return `https://${brand}.reamaze.com/admin/conversations/${encodeURIComponent(slug)}`;
}

export function createReamazeClient(
  credentials: ReamazeCredentials,
  options: ClientSetup,
): ReamazeClient {
  const send = createTransport(credentials, options);
  const get = <S extends z.ZodType>(request: Omit<ApiRequest<S>, 'method'>) =>
    send({ ...request, method: 'GET' });
  const { brand } = credentials;
  const { t } = options;
  const conversation = (id: string) => t('api.subject.conversation', { id });

  return {
    async getConversation(id, lookup = {}) {
      const context = { t, brand, subject: conversation(id), missing: id };
      return get({
        path: `/conversations/${pathSegment(id, context)}`,
        query: { id_type: lookup.idType, category: lookup.category, channel: lookup.channel },
        schema: ConversationSchema,
        context,
      });
    },

    async listConversations(query) {
      return get({
        path: '/conversations',
        query: {
          for: query.for,
          for_id: query.forId,
          filter: query.filter,
          tag: Array.isArray(query.tag) ? query.tag.join(',') : query.tag,
          category: query.category,
          sort: query.sort,
          page: query.page,
        },
        hashes: { data: query.data },
        schema: ConversationPageSchema,
        context: { t, brand, subject: t('api.subject.conversationList') },
      });
    },

    async listMessages(slug, query = {}) {
      const context = {
        t,
        brand,
        subject: t('api.subject.messages', { id: slug }),
        missing: slug,
      };
      return get({
        path: `/conversations/${pathSegment(slug, context)}/messages`,
        query: { filter: query.filter, page: query.page },
        schema: MessagePageSchema,
        context,
      });
    },

    async listChannels(query = {}) {
      return get({
        path: '/channels',
        query: { channel: query.channel, page: query.page },
        schema: ChannelListSchema,
        context: { t, brand, subject: t('api.subject.channelList') },
      });
    },

    async listStaff(query = {}) {
      return get({
        path: '/staff',
        query: { page: query.page },
        schema: StaffPageSchema,
        context: { t, brand, subject: t('api.subject.staffList') },
      });
    },

    async listResponseTemplates(query = {}) {
      return get({
        path: '/response_templates',
        query: { q: query.q, page: query.page },
        schema: ResponseTemplatePageSchema,
        context: { t, brand, subject: t('api.subject.templates') },
      });
    },

    async createMessage(slug, message) {
      const context = {
        t,
        brand,
        subject: conversation(slug),
        missing: slug,
        action: t(message.visibility === 'note' ? 'api.action.note' : 'api.action.reply', {
          id: slug,
        }),
      };
      if (!message.originId.trim()) {
        throw refused(context, 'origin_id', t('api.needOriginId'));
      }
      return send({
        method: 'POST',
        path: `/conversations/${pathSegment(slug, context)}/messages`,
        body: {
          message: {
            body: message.body,
            visibility: message.visibility === 'note' ? VISIBILITY.internalNote : VISIBILITY.reply,
            origin_id: message.originId,
            suppress_notifications: message.suppressNotifications,
            suppress_autoresolve: message.suppressAutoresolve,
          },
        },
        schema: MessageSchema,
        context,
      });
    },

    async updateConversation(slug, update) {
      const context = {
        t,
        brand,
        subject: conversation(slug),
        missing: slug,
        action: updateAction(t, slug, update),
      };
      if (update.status !== undefined && !(Number.isInteger(update.status) && update.status >= 0)) {
        throw refused(context, 'status', t('api.noStatus', { status: String(update.status) }));
      }
      const holdUntil = timestamp(update.holdUntil);
      if (holdUntil === null) {
        throw refused(context, 'hold_until', t('api.badHoldDate'));
      }
      if (update.status === ON_HOLD && holdUntil === undefined) {
        throw refused(context, 'hold_until', t('api.holdNeedsTime'));
      }
      return send({
        method: 'PUT',
        path: `/conversations/${pathSegment(slug, context)}`,
        body: {
          conversation: {
            status: update.status,
            hold_until: holdUntil,
            tag_list: update.tagList,
            assignee: update.assignee === undefined ? undefined : { email: update.assignee },
            data: update.data,
          },
        },
        schema: ConversationSchema,
        context,
      });
    },

    async createConversation(conversation) {
      const context = {
        t,
        brand,
        subject: t('api.subject.newConversation', { subject: conversation.subject }),
        action: t('api.action.start', { subject: conversation.subject }),
      };
      return send({
        method: 'POST',
        path: '/conversations',
        body: {
          conversation: {
            subject: conversation.subject,
            category: conversation.category,
            data: conversation.data,
            message: {
              body: conversation.body,
              suppress_notifications: conversation.suppressNotifications,
            },
            user: { name: conversation.customer.name, email: conversation.customer.email },
          },
        },
        schema: ConversationSchema,
        context,
      });
    },
  };
}

/** The action of an update in words, naming what it changes: `change the status of …`. */
function updateAction(t: Translate, slug: string, update: ConversationUpdate): string {
  const changes = [
    update.status !== undefined && t('api.field.status'),
    update.assignee !== undefined && t('api.field.assignee'),
    update.tagList !== undefined && t('api.field.tags'),
    update.data !== undefined && t('api.field.data'),
  ].filter((change): change is string => change !== false);
  if (!changes.length) return t('api.action.update', { id: slug });
  const last = changes.pop()!;
  const fields = changes.length ? t('api.field.and', { list: changes.join(', '), last }) : last;
  return t('api.action.change', { fields, id: slug });
}

/** An ISO 8601 timestamp; undefined when absent, null when not a date. */
function timestamp(value: Date | string | undefined): string | undefined | null {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A write the client will not send, said at its field as a 422 would be. */
function refused(context: RequestContext, field: string, problem: string): ReamazeApiError {
  return new ReamazeApiError({
    kind: 'invalid',
    fieldErrors: { [field]: [problem] },
    message: context.t('api.notSent', {
      action: context.action ?? context.subject,
      brand: context.brand,
      problem,
    }),
  });
}

type QueryParams = Record<string, string | number | undefined>;

interface ApiRequest<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT';
  /** Already encoded, relative to the API base. */
  path: string;
  query?: QueryParams;
  /** Rails-style hashes: `{ data: { k: v } }` becomes `data[k]=v`. */
  hashes?: Record<string, Record<string, string> | undefined>;
  /** Sent as JSON; undefined values are left out. */
  body?: object;
  schema: S;
  context: RequestContext;
}

/** What one attempt brought back; the body is read inside the attempt so the timeout covers it. */
interface RawReply {
  status: number;
  headers: Headers;
  body: string;
}

function createTransport(credentials: ReamazeCredentials, options: ClientOptions) {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sleep = options.sleep ?? defaultSleep;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
  const authorization = basicAuthorization(credentials.email, credentials.token);

  async function attempt(url: string, request: ApiRequest<z.ZodType>): Promise<RawReply> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    try {
      const response = await fetchImpl(url, {
        method: request.method,
        headers: {
          Accept: 'application/json',
          Authorization: authorization,
          ...(body !== undefined && { 'Content-Type': 'application/json' }),
        },
        body,
        // The API must act as the configured token, never as a Re:amaze session in the browser.
        credentials: 'omit',
        signal: controller.signal,
      });
      return { status: response.status, headers: response.headers, body: await response.text() };
    } catch (error) {
      if (timedOut) throw timeoutError(request.context, timeoutMs);
      throw offlineError(request.context, error);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Re:amaze answers 429 per token per minute; one retry rides out a short burst. Only a 429 is
   * retried, writes included: it refuses the request, so nothing was done. Any other failure,
   * a timeout above all, may come after a write was done, and is never retried here.
   */
  async function attemptWithOneRetry(request: ApiRequest<z.ZodType>): Promise<RawReply> {
    const query = queryString(request.query ?? {}, request.hashes);
    const url = `${apiBaseUrl(credentials.brand)}${request.path}${query}`;
    const first = await attempt(url, request);
    if (first.status !== 429 || options.retryRateLimited === false) return first;
    await sleep(rateLimitWaitMs(retryAfterMs(first.headers.get('Retry-After')), maxRetryWaitMs));
    return attempt(url, request);
  }

  return async function send<S extends z.ZodType>(request: ApiRequest<S>): Promise<z.output<S>> {
    const reply = await attemptWithOneRetry(request);
    return parseReply(reply, request.schema, request.context, credentials.token) as z.output<S>;
  };
}

function parseReply(
  reply: RawReply,
  schema: z.ZodType,
  context: RequestContext,
  token: string,
): unknown {
  if (reply.status < 200 || reply.status > 299) {
    const retryAfter = retryAfterMs(reply.headers.get('Retry-After'));
    const retryAfterSeconds = retryAfter === undefined ? undefined : Math.ceil(retryAfter / 1000);
    throw errorForStatus(reply.status, errorBodyOf(reply.body, token), context, retryAfterSeconds);
  }
  let json: unknown;
  try {
    json = JSON.parse(reply.body);
  } catch {
    throw notJsonError(context, reply.status);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw unexpectedShapeError(
    context,
    reply.status,
    issue?.path.map(String).join('.') ?? '',
    issue?.message ?? 'unknown problem',
  );
}

/**
 * Error bodies are undocumented; anything unreadable simply adds no wording. Their text reaches
 * messages, so a token the server echoes back is redacted first. (Only server text is scrubbed:
 * our own wording never holds the token, and scrubbing it would mangle it for a short token.)
 */
function errorBodyOf(body: string, token: string): ErrorBody | undefined {
  try {
    const scrub = (text: string) => redact(text, [token]);
    const parsed = ErrorBodySchema.safeParse(mapStrings(JSON.parse(body), scrub));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** `Retry-After` as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  // Only HTTP dates contain letters (weekday, month, GMT); Date.parse accepts bare numbers too.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait before retrying a 429: what `Retry-After` asked, else about a second (jittered). */
export function rateLimitWaitMs(
  retryAfter: number | undefined,
  maxMs: number = DEFAULT_MAX_RETRY_WAIT_MS,
): number {
  return Math.min(retryAfter ?? RETRY_BACKOFF_MS + Math.random() * RETRY_JITTER_MS, maxMs);
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Basic auth over UTF-8 bytes: `btoa` alone throws on non-Latin-1 characters. */
export function basicAuthorization(email: string, token: string): string {
  const bytes = new TextEncoder().encode(`${email}:${token}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/**
 * Query string with Rails-style brackets left literal (`data[Order%20Number]=%231042`); names and
 * values are encoded inside them. Undefined and empty values are left out.
 */
export function queryString(
  params: QueryParams,
  hashes: Record<string, Record<string, string> | undefined> = {},
): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  }
  for (const [name, hash] of Object.entries(hashes)) {
    for (const [key, value] of Object.entries(hash ?? {})) {
      pairs.push(
        `${encodeURIComponent(name)}[${encodeURIComponent(key)}]=${encodeURIComponent(value)}`,
      );
    }
  }
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/**
 * One encoded path segment: `/`, `?` and `#` cannot escape it. URLs resolve `.` and `..` (even
 * percent-encoded) as dot segments, so such an id could only reach another endpoint; nothing can
 * have that id, hence not found without asking.
 */
function pathSegment(value: string, context: RequestContext): string {
  if (value === '' || value === '.' || value === '..') throw notFoundError(context);
  return encodeURIComponent(value);
}

/** Applies `change` to every string in parsed JSON, object keys included. */
function mapStrings(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [change(key), mapStrings(item, change)]),
    );
  }
  return value;
}
