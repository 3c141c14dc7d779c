/**
 * Every way a Re:amaze API call can fail, as one error class with a `kind` to branch on and a
 * message written for the support agent. Messages never contain credentials: the client scrubs
 * server-supplied text, and nothing here is given the token.
 */
import { z } from 'zod';
import type { ErrorBody, FieldErrorsValue } from './schemas';

export const ApiErrorKindSchema = z.enum([
  'unauthorized', // 401 or 403
  'notFound', // 404
  'invalid', // 422, with field errors
  'rateLimited', // 429, after one retry
  'server', // 5xx
  'timeout',
  'offline', // fetch itself failed: no network, DNS, TLS, blocked
  'badResponse', // a 2xx whose body is not JSON or not the documented shape
  'unexpected', // any other status
]);
export type ApiErrorKind = z.infer<typeof ApiErrorKindSchema>;

export type FieldErrors = Record<string, string[]>;

/** What crosses extension message boundaries; a class instance would lose its fields there. */
export const SerializedApiErrorSchema = z.object({
  kind: ApiErrorKindSchema,
  message: z.string(),
  status: z.int().optional(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});
export type SerializedApiError = z.infer<typeof SerializedApiErrorSchema>;

export interface ReamazeApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  status?: number;
  fieldErrors?: FieldErrors;
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class ReamazeApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly fieldErrors?: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor({
    kind,
    message,
    status,
    fieldErrors,
    retryAfterSeconds,
    cause,
  }: ReamazeApiErrorInit) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ReamazeApiError';
    this.kind = kind;
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  toJSON(): SerializedApiError {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.status !== undefined && { status: this.status }),
      ...(this.fieldErrors !== undefined && { fieldErrors: this.fieldErrors }),
    };
  }
}

/** Describes the request in words, so a message can say what failed and where. */
export interface RequestContext {
  /** The normalised brand, e.g. "northwind". */
  brand: string;
  /** What was being loaded: `conversation "abc"`, `the conversation list`. */
  subject: string;
  /** What a 404 means is missing; when absent, a 404 means the brand itself is unknown. */
  missing?: string;
  /**
   * Set for a write only: what it was to do, as a verb phrase (`send this reply to conversation
   * "abc"`). Its messages name the action, and say when it may have been done all the same.
   */
  action?: string;
}

/** Picks the error for a non-2xx status. The body only adds wording; the status decides the kind. */
export function errorForStatus(
  status: number,
  body: ErrorBody | undefined,
  context: RequestContext,
  retryAfterSeconds?: number,
): ReamazeApiError {
  if (status === 401 || status === 403) return unauthorizedError(context, status);
  if (status === 404) return notFoundError(context, status);
  if (status === 422) return invalidError(context, status, body);
  if (status === 429) return rateLimitedError(context, status, retryAfterSeconds);
  if (status >= 500 && status <= 599) return serverError(context, status);
  return unexpectedError(context, status, body);
}

export function unauthorizedError(context: RequestContext, status?: number): ReamazeApiError {
  if (context.action) return notPermittedError(context, context.action, status);
  const roleHint =
    status === 403
      ? ` If they are right, your Re:amaze role may not be allowed to see ${context.subject}.`
      : '';
  return new ReamazeApiError({
    kind: 'unauthorized',
    status,
    message:
      `Re:amaze rejected the login email or API token for ${quoted(context.brand)}. ` +
      'Check them in the extension options (a token is made in Re:amaze under ' +
      `Settings → Developer → API Token).${roleHint}`,
  });
}

/**
 * A write refused with 401 or 403. The same token may read fine, so the likely cause is the role
 * of the token's user; Re:amaze also answers 403 to a bad login, so that is named second.
 */
function notPermittedError(
  context: RequestContext,
  action: string,
  status?: number,
): ReamazeApiError {
  return new ReamazeApiError({
    kind: 'unauthorized',
    status,
    message:
      `Re:amaze did not let this API token ${action} in ${quoted(context.brand)}. The Re:amaze ` +
      "user the token belongs to may lack the permission for it (an admin can change that user's " +
      'role), or the login email or API token may no longer be valid (check them in the ' +
      'extension options).',
  });
}

export function notFoundError(context: RequestContext, status?: number): ReamazeApiError {
  const message = context.missing
    ? `Re:amaze has no ${context.missing} in brand ${quoted(context.brand)}.`
    : `Re:amaze does not know the brand ${quoted(context.brand)}. ` +
      'Check the brand name in the extension options.';
  return new ReamazeApiError({ kind: 'notFound', status, message });
}

export function invalidError(
  context: RequestContext,
  status: number,
  body: ErrorBody | undefined,
): ReamazeApiError {
  const fieldErrors = fieldErrorsFrom(body);
  const details = withFinalStop(
    describeFieldErrors(fieldErrors) || body?.error || 'no details given',
  );
  return new ReamazeApiError({
    kind: 'invalid',
    status,
    fieldErrors,
    message: context.action
      ? `Re:amaze refused to ${context.action} in ${quoted(context.brand)}: ${details}`
      : `Re:amaze did not accept the request for ${context.subject} in ` +
        `${quoted(context.brand)}: ${details}`,
  });
}

export function rateLimitedError(
  context: RequestContext,
  status: number,
  retryAfterSeconds?: number,
): ReamazeApiError {
  return new ReamazeApiError({
    kind: 'rateLimited',
    status,
    retryAfterSeconds,
    message:
      `Re:amaze is receiving too many requests for ${quoted(context.brand)} from this API token. ` +
      'The extension waited and retried once; wait a minute, then try again.',
  });
}

export function serverError(context: RequestContext, status: number): ReamazeApiError {
  return new ReamazeApiError({
    kind: 'server',
    status,
    message:
      `Re:amaze had a server problem (HTTP ${status}) while ${doing(context)} for ` +
      `${quoted(context.brand)}. This is usually temporary; ` +
      (context.action
        ? `${MAYBE_DONE} before trying again in a few minutes.`
        : 'try again in a few minutes.'),
  });
}

export function unexpectedError(
  context: RequestContext,
  status: number,
  body: ErrorBody | undefined,
): ReamazeApiError {
  const said = serverWording(body);
  return new ReamazeApiError({
    kind: 'unexpected',
    status,
    message:
      `Re:amaze answered with an unexpected HTTP status ${status} while ${doing(context)} ` +
      `for ${quoted(context.brand)}.${said ? ` It said: ${withFinalStop(said)}` : ''}`,
  });
}

export function timeoutError(context: RequestContext, timeoutMs: number): ReamazeApiError {
  return new ReamazeApiError({
    kind: 'timeout',
    message:
      `Re:amaze did not answer within ${formatSeconds(timeoutMs)} while ${doing(context)} ` +
      `for ${quoted(context.brand)}. Re:amaze may be slow right now` +
      (context.action
        ? `, and it may have been done all the same: ${MAYBE_DONE} before trying again.`
        : '; check your connection and try again.'),
  });
}

export function offlineError(context: RequestContext, cause: unknown): ReamazeApiError {
  return new ReamazeApiError({
    kind: 'offline',
    cause,
    message:
      `Could not reach Re:amaze to ${context.action ?? `load ${context.subject}`} for ` +
      `${quoted(context.brand)}. Check your internet connection, or whether a VPN or firewall ` +
      'blocks reamaze.io.' +
      (context.action
        ? ` If the connection broke off mid-way it may have been done: ${MAYBE_DONE} before ` +
          'trying again.'
        : ''),
  });
}

export function notJsonError(context: RequestContext, status: number): ReamazeApiError {
  return new ReamazeApiError({
    kind: 'badResponse',
    status,
    message:
      `Re:amaze's reply for ${context.subject} in ${quoted(context.brand)} was not valid JSON. ` +
      (context.action
        ? `Re:amaze accepted the request, so it was probably done: ${MAYBE_DONE} before trying again.`
        : 'If this keeps happening, check the brand name in the extension options.'),
  });
}

/** `path` is the first failing field, e.g. `conversations.0.slug`. */
export function unexpectedShapeError(
  context: RequestContext,
  status: number,
  path: string,
  problem: string,
): ReamazeApiError {
  return new ReamazeApiError({
    kind: 'badResponse',
    status,
    message:
      `Re:amaze's reply for ${context.subject} in ${quoted(context.brand)} had an unexpected ` +
      `shape at ${path || 'the top level'} (${problem}). The Re:amaze API may have changed; ` +
      'please report this to whoever maintains the extension.' +
      (context.action
        ? ` Re:amaze accepted the request, so it was probably done: ${MAYBE_DONE} before ` +
          'trying again.'
        : ''),
  });
}

/**
 * Rails-style `errors` as field → messages. Nested fields get dotted names
 * (`{"message": {"body": […]}}` → `message.body`); messages not about one field (a bare string or
 * list) go under `base`, as Rails does. A lone `error` string is wording for the message only.
 */
export function fieldErrorsFrom(body: ErrorBody | undefined): FieldErrors | undefined {
  const fieldErrors: FieldErrors = {};
  const add = (field: string, messages: string[]) => {
    if (messages.length) (fieldErrors[field] ??= []).push(...messages);
  };
  const walk = (prefix: string, value: FieldErrorsValue) => {
    if (typeof value === 'string' || Array.isArray(value)) {
      add(prefix || 'base', [value].flat());
      return;
    }
    for (const [key, item] of Object.entries(value)) walk(prefix ? `${prefix}.${key}` : key, item);
  };
  if (body?.errors !== undefined) walk('', body.errors);
  return Object.keys(fieldErrors).length ? fieldErrors : undefined;
}

function describeFieldErrors(fieldErrors: FieldErrors | undefined): string {
  return Object.entries(fieldErrors ?? {})
    .map(([field, messages]) => (field === 'base' ? '' : `${field}: `) + messages.join(', '))
    .join('; ');
}

function serverWording(body: ErrorBody | undefined): string {
  return body?.error || describeFieldErrors(fieldErrorsFrom(body));
}

/** What a request was doing, for "while …": `loading the staff list`, `trying to send this reply`. */
function doing(context: RequestContext): string {
  return context.action ? `trying to ${context.action}` : `loading ${context.subject}`;
}

/** The advice after a write whose outcome is unknown; the caller may retry it once checked. */
const MAYBE_DONE = 'check in Re:amaze whether it was done';

function quoted(text: string): string {
  return `"${text}"`;
}

function withFinalStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function formatSeconds(ms: number): string {
  const seconds = Number((ms / 1000).toPrecision(3));
  return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}
