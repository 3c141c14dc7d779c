// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  ChannelListSchema,
  ConversationPageSchema,
  ConversationSchema,
  ErrorBodySchema,
  MessagePageSchema,
  MessageSchema,
  StaffPageSchema,
} from '@/lib/api/schemas';
import { fixtureJson } from '../fake-fetch';

describe('recorded replies', () => {
  it.each([
    ['conversation-200.json', ConversationSchema, {}],
    ['conversation-tolerant.json', ConversationSchema, {}],
    ['conversations-200.json', ConversationPageSchema, { skipped: 0 }],
    ['messages-200.json', MessagePageSchema, { skipped: 0 }],
    ['messages-tolerant.json', MessagePageSchema, { skipped: 0 }],
    ['staff-200.json', StaffPageSchema, { skipped: 0 }],
    ['channels-200.json', ChannelListSchema, { skipped: 0 }],
    ['message-create-200.json', MessageSchema, {}],
    ['message-create-note-200.json', MessageSchema, {}],
    ['conversation-update-200.json', ConversationSchema, {}],
    ['conversation-create-200.json', ConversationSchema, {}],
  ] as const)('parses %s without losing anything', (name, schema, added) => {
    const json = fixtureJson(name) as object;
    // Loose objects keep unknown keys, so a successful parse gives the input back unchanged; a
    // list page only adds how many items it skipped.
    expect(schema.parse(json)).toEqual({ ...json, ...added });
  });
});

describe('ConversationSchema', () => {
  const conversation = fixtureJson('conversation-200.json') as Record<string, unknown>;

  it('accepts the list form, without last_staff_message, data, updated_at or origin', () => {
    const listItem = (fixtureJson('conversations-200.json') as { conversations: unknown[] })
      .conversations[1] as Record<string, unknown>;
    const { data: _data, updated_at: _updated, origin: _origin, ...bare } = listItem;
    expect(ConversationSchema.safeParse(bare).success).toBe(true);
  });

  it('accepts any non-negative integer status and rejects others', () => {
    expect(ConversationSchema.safeParse({ ...conversation, status: 42 }).success).toBe(true);
    expect(ConversationSchema.safeParse({ ...conversation, status: -1 }).success).toBe(false);
    expect(ConversationSchema.safeParse({ ...conversation, status: 1.5 }).success).toBe(false);
    expect(ConversationSchema.safeParse({ ...conversation, status: '1' }).success).toBe(false);
  });

  it('requires the documented core fields', () => {
    const { slug: _slug, ...withoutSlug } = conversation;
    const result = ConversationSchema.safeParse(withoutSlug);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['slug']);
  });

  it('accepts null and non-string scalars as data values, but not nested objects', () => {
    const data = { a: 'x', b: 1, c: true, d: null };
    expect(ConversationSchema.parse({ ...conversation, data }).data).toEqual(data);
    expect(ConversationSchema.safeParse({ ...conversation, data: { a: { b: 1 } } }).success).toBe(
      false,
    );
  });
});

describe('ErrorBodySchema', () => {
  it.each([
    { error: 'Invalid login credentials' },
    { errors: 'Not Found' },
    { errors: ['Body is required'] },
    { errors: { category: ["can't be blank"], email: 'is invalid' } },
    { errors: { message: { body: ["can't be blank"] } } },
    { errors: 'Not Found', request_id: 'abc' },
    {},
  ])('accepts %j', (body) => {
    expect(ErrorBodySchema.parse(body)).toEqual(body);
  });

  it('rejects a body whose errors are not strings', () => {
    expect(ErrorBodySchema.safeParse({ errors: 42 }).success).toBe(false);
  });
});
