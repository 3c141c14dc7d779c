// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  ApiErrorKindSchema,
  errorForStatus,
  fieldErrorsFrom,
  notJsonError,
  offlineError,
  ReamazeApiError,
  SerializedApiErrorSchema,
  timeoutError,
  unexpectedShapeError,
  type RequestContext,
} from '@/lib/api/errors';
import { english } from '../i18n/locales';

const CONTEXT: RequestContext = { t: english.t, brand: 'northwind', subject: 'the staff list' };

describe('ReamazeApiError', () => {
  it('serializes to the plain shape that crosses message boundaries', () => {
    const error = new ReamazeApiError({
      kind: 'invalid',
      message: 'Re:amaze did not accept it.',
      status: 422,
      fieldErrors: { category: ["can't be blank"] },
      retryAfterSeconds: 5,
      cause: new Error('inner'),
    });

    const plain = JSON.parse(JSON.stringify(error)) as unknown;
    expect(plain).toEqual({
      kind: 'invalid',
      message: 'Re:amaze did not accept it.',
      status: 422,
      fieldErrors: { category: ["can't be blank"] },
    });
    expect(SerializedApiErrorSchema.parse(plain)).toEqual(plain);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ReamazeApiError');
  });

  it('leaves absent fields out of the serialized form', () => {
    const error = new ReamazeApiError({ kind: 'offline', message: 'No network.' });
    expect(Object.keys(error.toJSON())).toEqual(['kind', 'message']);
  });

  it('rejects unknown kinds when deserializing', () => {
    expect(SerializedApiErrorSchema.safeParse({ kind: 'teapot', message: 'x' }).success).toBe(
      false,
    );
  });
});

describe('errorForStatus', () => {
  it.each([
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'notFound'],
    [422, 'invalid'],
    [429, 'rateLimited'],
    [500, 'server'],
    [502, 'server'],
    [599, 'server'],
    [400, 'unexpected'],
    [409, 'unexpected'],
    [302, 'unexpected'],
    [600, 'unexpected'],
  ] as const)('maps %i to %s', (status, kind) => {
    const error = errorForStatus(status, undefined, CONTEXT);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
  });

  it('has a distinct message for every status kind', () => {
    const messages = [401, 404, 422, 429, 500, 418].map(
      (status) => errorForStatus(status, undefined, CONTEXT).message,
    );
    expect(new Set(messages).size).toBe(messages.length);
    for (const message of messages) expect(message).toContain('"northwind"');
  });

  it('covers every kind in the schema', () => {
    expect(ApiErrorKindSchema.options).toEqual([
      'unauthorized',
      'notFound',
      'invalid',
      'rateLimited',
      'server',
      'timeout',
      'offline',
      'badResponse',
      'unexpected',
    ]);
  });
});

describe('fieldErrorsFrom', () => {
  it('reads the error body shapes seen in the wild', () => {
    expect(fieldErrorsFrom({ errors: { email: ['is taken'], name: "can't be blank" } })).toEqual({
      email: ['is taken'],
      name: ["can't be blank"],
    });
    expect(fieldErrorsFrom({ errors: 'Not Found' })).toEqual({ base: ['Not Found'] });
    expect(fieldErrorsFrom({ errors: ['Body is required'] })).toEqual({
      base: ['Body is required'],
    });
    expect(fieldErrorsFrom({ errors: [] })).toBeUndefined();
    expect(fieldErrorsFrom({ error: 'Nope' })).toBeUndefined();
    expect(fieldErrorsFrom(undefined)).toBeUndefined();
  });

  it('names nested fields with dots and merges them with dotted ones', () => {
    expect(
      fieldErrorsFrom({
        errors: {
          message: { body: ["can't be blank"], user: { email: 'is invalid' } },
          'message.body': ['is too short'],
          hold_until: [],
        },
      }),
    ).toEqual({
      'message.body': ["can't be blank", 'is too short'],
      'message.user.email': ['is invalid'],
    });
    expect(fieldErrorsFrom({ errors: {} })).toBeUndefined();
  });

  it('lists base errors without a field name', () => {
    const error = errorForStatus(422, { errors: ['Body is required'] }, CONTEXT);
    expect(error.message).toBe(
      'Re:amaze did not accept the request for the staff list in "northwind": Body is required.',
    );
  });
});

describe('timeoutError', () => {
  it('says how many seconds it waited', () => {
    expect(timeoutError(CONTEXT, 15_000).message).toContain('within 15 seconds');
    expect(timeoutError(CONTEXT, 1000).message).toContain('within 1 second ');
    expect(timeoutError(CONTEXT, 2500).message).toContain('within 2.5 seconds');
  });
});

describe('a write', () => {
  const WRITE: RequestContext = {
    t: english.t,
    brand: 'northwind',
    subject: 'conversation "where-is-order-1042"',
    missing: 'where-is-order-1042',
    action: 'send this reply to conversation "where-is-order-1042"',
  };

  it.each([401, 403])('%i says the token may not do that action', (status) => {
    const error = errorForStatus(status, undefined, WRITE);
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe(
      'Re:amaze did not let this API token send this reply to conversation ' +
        '"where-is-order-1042" in "northwind". The Re:amaze user the token belongs to may lack ' +
        "the permission for it (an admin can change that user's role), or the login email or API " +
        'token may no longer be valid (check them in the extension options).',
    );
  });

  it('422 names the action and lists the field errors', () => {
    const error = errorForStatus(422, { errors: { body: ["can't be blank"] } }, WRITE);
    expect(error.fieldErrors).toEqual({ body: ["can't be blank"] });
    expect(error.message).toBe(
      'Re:amaze refused to send this reply to conversation "where-is-order-1042" in ' +
        '"northwind": body: can\'t be blank.',
    );
  });

  it('says the outcome is unknown after a timeout, a lost connection or a 5xx', () => {
    const unknown = [
      timeoutError(WRITE, 15_000),
      offlineError(WRITE, new TypeError('fetch failed')),
      errorForStatus(502, undefined, WRITE),
    ];
    for (const error of unknown) {
      expect(error.message).toContain('send this reply to conversation "where-is-order-1042"');
      expect(error.message).toContain('check in Re:amaze whether it was done before trying again');
    }
  });

  it('says it was probably done when a 2xx reply cannot be read', () => {
    for (const error of [notJsonError(WRITE, 200), unexpectedShapeError(WRITE, 200, 'x', 'y')]) {
      expect(error.message).toContain('Re:amaze accepted the request, so it was probably done');
    }
  });

  it('keeps the read wording for reads', () => {
    expect(timeoutError(CONTEXT, 1000).message).not.toContain('whether it was done');
    expect(offlineError(CONTEXT, undefined).message).toContain('to load the staff list');
  });
});
