import { z } from 'zod';
import { ConversationMatchSchema, ThreadMessageSchema } from '../lookup/schemas';
import { ConversationSummarySchema } from '../lookup/summary';

/** Which conversation an action is for: the brand names the account, the slug the conversation. */
export const ConversationRefSchema = z.object({
  brand: z.string().min(1).max(63),
  slug: z.string().min(1).max(300),
});
export type ConversationRef = z.infer<typeof ConversationRefSchema>;

/** Longest message body the composer accepts (Re:amaze documents no limit; this bounds storage). */
export const MAX_BODY_LENGTH = 20_000;

/** What the agent is writing, as the composer sends it to be kept. */
export const DraftInputSchema = z.object({
  body: z.string().max(MAX_BODY_LENGTH, 'actions.tooLong'),
  /** `reply` goes to the customer (visibility 0); `note` is an internal note (visibility 1). */
  visibility: z.enum(['reply', 'note']),
  /** No email or integration notifications for this message. */
  suppressNotifications: z.boolean(),
  /** A staff reply normally marks the conversation done; this keeps its status. */
  suppressAutoresolve: z.boolean(),
});
export type DraftInput = z.infer<typeof DraftInputSchema>;

/** A draft as kept in extension storage, per conversation, until Re:amaze confirms it was sent. */
export const DraftSchema = DraftInputSchema.extend({
  /**
   * Sent as `origin_id` with every try of this draft, so Re:amaze refuses a second copy of a
   * message whose first try it received (a timeout, a worker stopped mid-send).
   */
  originId: z.string().min(1).max(100),
  /** Tries that may have reached Re:amaze without an answer saying so. */
  attempts: z.number().int().min(0),
  /** The text of the last try, so an edit made after it is never taken for what Re:amaze has. */
  triedBody: z.string().max(MAX_BODY_LENGTH).optional(),
  updatedAt: z.number(),
});
export type Draft = z.infer<typeof DraftSchema>;

/** One thing the agent did to a conversation from the store, and how it went. */
export const ActivityEntrySchema = z.object({
  at: z.number(),
  /** In words: "Reply sent", "Status changed to On Hold until 3 Dec 2026", "Tag vip added". */
  what: z.string(),
  result: z.enum(['done', 'failed']),
  /** Why it failed, as the agent was told. */
  detail: z.string().optional(),
});
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;

const TagSchema = z.string().trim().min(1, 'actions.emptyTag').max(100);

/** One change to a conversation, sent as one PUT /conversations/{slug}. */
export const ConversationChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    status: z.number().int().min(0).max(1000),
    /** Required with status 5 (On Hold): until when, ISO 8601. */
    holdUntil: z.iso.datetime({ offset: true }).optional(),
  }),
  /** The whole new tag list. */
  z.object({ kind: z.literal('tags'), tags: z.array(TagSchema).max(50) }),
  z.object({ kind: z.literal('assignee'), email: z.email() }),
  /** Custom fields to set, values as text. */
  z.object({
    kind: z.literal('data'),
    data: z.record(z.string().trim().min(1).max(100), z.string().max(1000)),
  }),
]);
export type ConversationChange = z.infer<typeof ConversationChangeSchema>;

/** What the sidebar's thread needs besides the messages: the draft, the undo window, the log. */
export const ConversationToolsSchema = z.object({
  draft: DraftSchema.nullable(),
  /** Seconds a send waits, with an Undo button, before anything leaves (a setting; 0 = none). */
  undoSeconds: z.number().int().min(0).max(30),
  activity: z.array(ActivityEntrySchema),
  /** Tags seen on this brand's conversations, for completion. */
  knownTags: z.array(z.string()),
});
export type ConversationTools = z.infer<typeof ConversationToolsSchema>;

export const SentMessageSchema = z.object({
  message: ThreadMessageSchema,
  /** Re:amaze already had this draft from an earlier try (its origin id was taken). */
  alreadySent: z.boolean(),
  /**
   * The earlier try had other text than the draft now: Re:amaze has that text (the message), and
   * the edited one stays as a new draft, unsent, for the agent to send or discard.
   */
  editedDraftKept: z.boolean(),
  /**
   * The conversation as Re:amaze has it after the message (a staff reply may have resolved it);
   * null when that could not be read, which leaves the message sent all the same.
   */
  conversation: ConversationSummarySchema.nullable(),
});
export type SentMessage = z.infer<typeof SentMessageSchema>;

export const StaffMemberSchema = z.object({ name: z.string(), email: z.string() });
export type StaffMember = z.infer<typeof StaffMemberSchema>;

export const ResponseTemplateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Markdown with placeholders such as {order_number}; filled in by the composer. */
  body: z.string(),
  group: z.string().nullable(),
});
export type ResponseTemplateSummary = z.infer<typeof ResponseTemplateSummarySchema>;

/** A new conversation as the agent submits it from the sidebar. */
export const NewConversationInputSchema = z.object({
  brand: z.string().min(1).max(63),
  subject: z.string().trim().min(1, 'actions.subject').max(500),
  /** The channel's slug. */
  channel: z.string().trim().min(1, 'actions.channel').max(200),
  customerEmail: z.email('actions.customerEmail'),
  customerName: z.string().trim().max(200),
  body: z.string().trim().min(1, 'actions.firstMessage').max(MAX_BODY_LENGTH, 'actions.tooLong'),
  /** Custom fields (order number, marketplace id), values as text. */
  data: z.record(z.string().trim().min(1).max(100), z.string().max(1000)),
  suppressNotifications: z.boolean(),
});
export type NewConversationInput = z.infer<typeof NewConversationInputSchema>;

/** The new-conversation form as the page's ids and the settings prefill it. */
export const NewConversationFormSchema = z.object({
  brand: z.string(),
  customerEmail: z.string(),
  customerName: z.string(),
  subject: z.string(),
  /** The channel in effect: a marketplace order's channel setting, else the first email channel. */
  channel: z.string(),
  channels: z.array(z.object({ slug: z.string(), name: z.string() })),
  data: z.record(z.string(), z.string()),
  /**
   * Where the first message's draft is kept, as a conversation slug no conversation can have
   * (`new:` and the order, marketplace id or email), so it survives like any other draft.
   */
  draftKey: z.string().max(300),
});
export type NewConversationForm = z.infer<typeof NewConversationFormSchema>;

export const CreatedConversationSchema = z.object({ conversation: ConversationMatchSchema });
