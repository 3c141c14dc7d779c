/**
 * Zod schemas for the Re:amaze API v1 responses this extension reads. Fields shown in the official
 * API documentation's examples are required; fields known only from third-party clients are
 * optional. Every object keeps unknown keys, because Re:amaze adds fields without notice and the
 * UI may still want them.
 */
import { z } from 'zod';

/** ISO 8601 timestamps; not parsed as dates, since their offset style differs between pages. */
const TimestampSchema = z.string();

/** Conversation status: 0 to 9 are known, more may appear later, so any non-negative integer. */
export const StatusSchema = z.int().nonnegative();

/**
 * Channel type and message origin: integer codes whose tables come from third-party clients, not
 * the official documentation, so any integer.
 */
const EnumIntSchema = z.int();

/** Custom `data` values: strings in every example, but numbers, booleans and null occur. */
export const DataValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const CustomDataSchema = z.record(z.string(), DataValueSchema);
export type CustomData = z.infer<typeof CustomDataSchema>;

/**
 * An author, assignee, follower or message sender. Authors are contacts, whose email (and name,
 * for SMS or social contacts) may be null; the `?`-suffixed keys are literal.
 */
export const UserSchema = z.looseObject({
  name: z.string().nullable(),
  email: z.string().nullable(),
  id: z.union([z.int(), z.string()]).optional(),
  friendly_name: z.string().nullable().optional(),
  display_name: z.string().nullable().optional(),
  mobile: z.string().nullable().optional(),
  twitter: z.string().nullable().optional(),
  facebook: z.string().nullable().optional(),
  instagram: z.string().nullable().optional(),
  data: CustomDataSchema.nullable().optional(),
  'staff?': z.boolean().optional(),
  'customer?': z.boolean().optional(),
  'bot?': z.boolean().optional(),
});
export type User = z.infer<typeof UserSchema>;

/** The channel a conversation belongs to (the API still calls it a category). */
export const CategorySchema = z.looseObject({
  name: z.string(),
  slug: z.string(),
  email: z.string().nullable(),
  channel: EnumIntSchema,
  id: z.union([z.int(), z.string()]).optional(),
  // Neither the official documentation nor any third-party client gives its type.
  settings_display_html_email: z.unknown().optional(),
});
export type Category = z.infer<typeof CategorySchema>;

/** `last_customer_message` / `last_staff_message`. */
export const MessageExcerptSchema = z.looseObject({
  body: z.string(),
  created_at: TimestampSchema,
});
export type MessageExcerpt = z.infer<typeof MessageExcerptSchema>;

export const ConversationSchema = z.looseObject({
  subject: z.string().nullable(),
  slug: z.string(),
  status: StatusSchema,
  created_at: TimestampSchema,
  // Defaults where the UI copes without the field: no tags, no channel, no customer, no followers.
  tag_list: z
    .array(z.string())
    .nullish()
    .transform((tags) => tags ?? []),
  message: z.looseObject({ body: z.string(), origin_id: z.string().nullable().optional() }),
  // Absent in list items and staff-started threads; null, presumably, when there is no such
  // message (no example shows that case).
  last_customer_message: MessageExcerptSchema.nullable().optional(),
  last_staff_message: MessageExcerptSchema.nullable().optional(),
  author: UserSchema.nullish().transform((author) => author ?? null),
  assignee: UserSchema.nullable(),
  category: CategorySchema.nullish().transform((category) => category ?? null),
  // The official list example omits `data`; only the single-conversation GET example shows it.
  data: CustomDataSchema.optional(),
  followers: z
    .array(UserSchema)
    .nullish()
    .transform((followers) => followers ?? []),
  display_subject: z.string().nullable().optional(),
  origin: EnumIntSchema.optional(),
  updated_at: TimestampSchema.optional(),
  hold_until: TimestampSchema.nullable().optional(),
  perma_url: z.string().optional(),
  message_count: z.int().optional(),
  readOnly: z.boolean().optional(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** Attachments are objects, not URLs; a thumbnail is presumably missing for non-images. */
export const AttachmentSchema = z.looseObject({
  file_file_name: z.string(),
  file_content_type: z.string(),
  file_file_size: z.int(),
  url: z.string(),
  thumb_url: z.string().nullable().optional(),
  'image?': z.boolean().optional(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** Message visibility: 0 reply, 1 internal note, 2 collision-detected. Other integers tolerated. */
export const VisibilitySchema = z.int();
export const VISIBILITY = { reply: 0, internalNote: 1, collision: 2 } as const;

export const MessageSchema = z.looseObject({
  body: z.string(),
  visibility: VisibilitySchema,
  created_at: TimestampSchema,
  user: UserSchema,
  conversation: z.looseObject({
    subject: z.string().nullable(),
    slug: z.string(),
    created_at: TimestampSchema,
    category: CategorySchema,
    followers: z.array(UserSchema).optional(),
  }),
  // Documented, but absent from notes and freshly created messages.
  origin: EnumIntSchema.optional(),
  origin_id: z.string().nullable().optional(),
  recipients: z.array(UserSchema).optional(),
  attachments: z.array(AttachmentSchema).optional(),
  direct_recipients: z.array(z.unknown()).optional(),
  meta: z.looseObject({}).nullable().optional(),
  original_body: z.string().nullable().optional(),
});
export type Message = z.infer<typeof MessageSchema>;

/**
 * A channel from GET /channels. The official documentation shows no example: the whole shape is
 * known from third-party clients only, so little is required.
 */
export const ChannelSchema = z.looseObject({
  name: z.string(),
  slug: z.string(),
  channel: EnumIntSchema.optional(),
  email: z.string().nullable().optional(),
  created_at: TimestampSchema.optional(),
  updated_at: TimestampSchema.optional(),
  visibility: z.int().optional(),
  spam_filter_enabled: z.boolean().nullable().optional(),
  reply_from_origin: z.boolean().nullable().optional(),
  verified: z.boolean().nullable().optional(),
  verification_email: z.string().nullable().optional(),
  last_verified: TimestampSchema.nullable().optional(),
  settings_reply_from_name: z.string().nullable().optional(),
  settings_signature: z.string().nullable().optional(),
  brand: z.looseObject({ name: z.string().optional(), url: z.string().optional() }).optional(),
});
export type Channel = z.infer<typeof ChannelSchema>;

/** A staff role: informational, its keys may change; `id` and `description` may be null. */
export const StaffRoleSchema = z.looseObject({
  id: z.union([z.int(), z.string()]).nullable().optional(),
  name: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  'admin?': z.boolean().optional(),
  'default?': z.boolean().optional(),
  permissions: z.looseObject({}).optional(),
});

export const StaffSchema = z.looseObject({
  name: z.string(),
  email: z.string(),
  created_at: TimestampSchema,
  role: StaffRoleSchema,
  display_name: z.string().nullable().optional(),
  notification_email: z.string().nullable().optional(),
});
export type Staff = z.infer<typeof StaffSchema>;

/** The documented envelope of every paged list: page size 30, 1-based pages. */
const pageFields = {
  page_size: z.int().nonnegative(),
  page_count: z.int().nonnegative(),
  total_count: z.int().nonnegative(),
};

/** `Omit` that keeps the known keys of a type with an index signature, as loose objects have. */
type Without<P, K extends PropertyKey> = { [Q in keyof P as Q extends K ? never : Q]: P[Q] };

/**
 * Reads a list page's items one by one: an item that cannot be read is left out and counted in
 * `skipped`, so one odd item never costs the rest of the page. A page with items but none readable
 * fails, naming the first item's problem, rather than passing for an empty page.
 */
function readItems<K extends string, T extends z.ZodType>(key: K, item: T) {
  return <P extends { [P in K]: unknown[] }>(page: P, ctx: z.core.$RefinementCtx<P>) => {
    const read: z.output<T>[] = [];
    let firstProblem: { index: number; issues: z.core.$ZodIssue[] } | undefined;
    page[key].forEach((value, index) => {
      const parsed = item.safeParse(value);
      if (parsed.success) read.push(parsed.data);
      else firstProblem ??= { index, issues: parsed.error.issues };
    });
    if (firstProblem && read.length === 0) {
      for (const issue of firstProblem.issues) {
        const path = [key, firstProblem.index, ...issue.path];
        ctx.addIssue({ code: 'custom', message: issue.message, path });
      }
      return z.NEVER;
    }
    const skipped = page[key].length - read.length;
    return { ...page, [key]: read, skipped } as Without<P, K> & { [P in K]: z.output<T>[] } & {
      /** Items left out because they could not be read. */
      skipped: number;
    };
  };
}

export const ConversationPageSchema = z
  .looseObject({ ...pageFields, conversations: z.array(z.unknown()) })
  .transform(readItems('conversations', ConversationSchema));
export type ConversationPage = z.infer<typeof ConversationPageSchema>;

export const MessagePageSchema = z
  .looseObject({ ...pageFields, messages: z.array(z.unknown()) })
  .transform(readItems('messages', MessageSchema));
export type MessagePage = z.infer<typeof MessagePageSchema>;

export const StaffPageSchema = z
  .looseObject({ ...pageFields, staff: z.array(z.unknown()) })
  .transform(readItems('staff', StaffSchema));
export type StaffPage = z.infer<typeof StaffPageSchema>;

/** A saved reply; its group is absent or null when the template has none. */
export const ResponseTemplateSchema = z.looseObject({
  id: z.union([z.int(), z.string()]),
  name: z.string(),
  body: z.string(),
  response_template_group: z
    .looseObject({
      id: z.union([z.int(), z.string()]).nullable().optional(),
      name: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type ResponseTemplate = z.infer<typeof ResponseTemplateSchema>;

/**
 * Templates come back as `{"response_templates": [...]}`; whether the page counts are included is
 * unknown, so they are kept when present.
 */
export const ResponseTemplatePageSchema = z
  .looseObject({
    response_templates: z.array(z.unknown()),
    page_size: pageFields.page_size.optional(),
    page_count: pageFields.page_count.optional(),
    total_count: pageFields.total_count.optional(),
  })
  .transform(readItems('response_templates', ResponseTemplateSchema));
export type ResponseTemplatePage = z.infer<typeof ResponseTemplatePageSchema>;

/** Client models show only `total_count` + `channels`; page fields are kept if they appear. */
export const ChannelListSchema = z
  .looseObject({
    total_count: pageFields.total_count,
    channels: z.array(z.unknown()),
    page_size: pageFields.page_size.optional(),
    page_count: pageFields.page_count.optional(),
  })
  .transform(readItems('channels', ChannelSchema));
export type ChannelList = z.infer<typeof ChannelListSchema>;

/** Field errors: messages, a list of them, or per field (nested for nested fields). */
export type FieldErrorsValue = string | string[] | { [field: string]: FieldErrorsValue };
const FieldErrorsValueSchema: z.ZodType<FieldErrorsValue> = z.union([
  z.string(),
  z.array(z.string()),
  z.record(
    z.string(),
    z.lazy(() => FieldErrorsValueSchema),
  ),
]);

/**
 * An error body. Its shape is undocumented: `{"error": "…"}`, Rails-style
 * `{"errors": {"field": ["…"]}}` (nested for nested fields), `{"errors": ["…"]}` or
 * `{"errors": "Not Found"}`. Read for wording and field errors only, never for control flow.
 */
export const ErrorBodySchema = z.looseObject({
  error: z.string().optional(),
  errors: FieldErrorsValueSchema.optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
