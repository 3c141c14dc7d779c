/**
 * Every way a Re:amaze API call can fail, as one error class with a `kind` to branch on and a
 * message written for the support agent, in their language (`api.*` in locales/). Messages never contain credentials: the client scrubs
 * server-supplied text, and nothing here is given the token.
 */
import { z } from 'zod';
import type { Translate } from '../i18n/translate';
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

/**
 * Describes the request in words, so a message can say what failed and where. The words are the
 * agent's language: `subject` and `action` are phrases from `api.subject.*` / `api.action.*`, each
 * sentence below is one `api.*` message whose blanks they fill.
 */
export interface RequestContext {
  t: Translate;
  /** The normalised brand, e.g. "northwind". */
  brand: string;
  /** What was being loaded: `conversation "abc"`, `the conversation list`. */
  subject: string;
  /** The conversation whose 404 means it is missing; when absent, the brand itself is unknown. */
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
  const { t, brand, subject, action } = context;
  if (action) {
    // A write refused: the same token may read fine, so the likely cause is the role of the
    // token's user; Re:amaze also answers 403 to a bad login, so that is named second.
    return new ReamazeApiError({
      kind: 'unauthorized',
      status,
      message: t('api.notPermitted', { action, brand }),
    });
  }
  const rejected = t('api.unauthorized', { brand });
  return new ReamazeApiError({
    kind: 'unauthorized',
    status,
    message: status === 403 ? `${rejected} ${t('api.roleHint', { subject })}` : rejected,
  });
}

export function notFoundError(context: RequestContext, status?: number): ReamazeApiError {
  const { t, brand, missing } = context;
  const message =
    missing !== undefined
      ? t('api.notFound', { id: missing, brand })
      : t('api.unknownBrand', { brand });
  return new ReamazeApiError({ kind: 'notFound', status, message });
}

export function invalidError(
  context: RequestContext,
  status: number,
  body: ErrorBody | undefined,
): ReamazeApiError {
  const { t, brand, subject, action } = context;
  const fieldErrors = fieldErrorsFrom(body);
  // Re:amaze's own words, as it sent them.
  const details = withFinalStop(
    describeFieldErrors(fieldErrors) || body?.error || t('api.noDetails'),
  );
  return new ReamazeApiError({
    kind: 'invalid',
    status,
    fieldErrors,
    message: action
      ? t('api.refusedWrite', { action, brand, details })
      : t('api.refusedRead', { subject, brand, details }),
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
    message: context.t('api.rateLimited', { brand: context.brand }),
  });
}

export function serverError(context: RequestContext, status: number): ReamazeApiError {
  const { t, brand, subject, action } = context;
  return new ReamazeApiError({
    kind: 'server',
    status,
    message: action
      ? t('api.serverWrite', { status: String(status), action, brand })
      : t('api.serverRead', { status: String(status), subject, brand }),
  });
}

export function unexpectedError(
  context: RequestContext,
  status: number,
  body: ErrorBody | undefined,
): ReamazeApiError {
  const { t, brand, subject, action } = context;
  const said = serverWording(body);
  const message = action
    ? t('api.unexpectedWrite', { status: String(status), action, brand })
    : t('api.unexpectedRead', { status: String(status), subject, brand });
  return new ReamazeApiError({
    kind: 'unexpected',
    status,
    message: said ? `${message} ${t('api.said', { said: withFinalStop(said) })}` : message,
  });
}

export function timeoutError(context: RequestContext, timeoutMs: number): ReamazeApiError {
  const { t, brand, subject, action } = context;
  const seconds = t('api.seconds', { count: Number((timeoutMs / 1000).toPrecision(3)) });
  return new ReamazeApiError({
    kind: 'timeout',
    message: action
      ? t('api.timeoutWrite', { seconds, action, brand })
      : t('api.timeoutRead', { seconds, subject, brand }),
  });
}

export function offlineError(context: RequestContext, cause: unknown): ReamazeApiError {
  const { t, brand, subject, action } = context;
  return new ReamazeApiError({
    kind: 'offline',
    cause,
    message: action
      ? t('api.offlineWrite', { action, brand })
      : t('api.offlineRead', { subject, brand }),
  });
}

export function notJsonError(context: RequestContext, status: number): ReamazeApiError {
  const { t, brand, subject, action } = context;
  return new ReamazeApiError({
    kind: 'badResponse',
    status,
    message: action
      ? t('api.notJsonWrite', { subject, brand })
      : t('api.notJsonRead', { subject, brand }),
  });
}

/** `path` is the first failing field, e.g. `conversations.0.slug`. */
export function unexpectedShapeError(
  context: RequestContext,
  status: number,
  path: string,
  problem: string,
): ReamazeApiError {
  const { t, brand, subject, action } = context;
  const params = { subject, brand, path: path || t('api.topLevel'), problem };
  return new ReamazeApiError({
    kind: 'badResponse',
    status,
    message: action ? t('api.shapeWrite', params) : t('api.shapeRead', params),
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

function withFinalStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
