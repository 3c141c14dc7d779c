import { z } from 'zod';
import { MarketplaceSchema, UserRuleSchema } from '../settings/schema';
import { ConversationSummarySchema } from '../lookup/summary';

/**
 * What a content script reports from a store page. The page is hostile ground, so every field is
 * bounded: ids by shape and length, lists by count.
 */
const IdSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[^\s<>"']+$/);
export const DetectionSchema = z.object({
  platform: z.string().max(40).nullable(),
  kind: z.enum(['order', 'order-list', 'customer', 'none']),
  orderRefs: z.array(IdSchema).max(500),
  originIds: z.array(z.object({ id: IdSchema, marketplace: MarketplaceSchema })).max(500),
  emails: z.array(z.email().max(254)).max(100),
});
export type DetectionReport = z.infer<typeof DetectionSchema>;

export const MatchReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('order'), value: z.string() }),
  z.object({
    kind: z.literal('marketplace'),
    value: z.string(),
    marketplace: MarketplaceSchema,
    channel: z.string(),
  }),
  z.object({ kind: z.literal('email'), value: z.string() }),
  z.object({ kind: z.literal('customData'), key: z.string(), value: z.string() }),
  z.object({ kind: z.literal('conversation'), value: z.string() }),
  z.object({ kind: z.literal('reference'), value: z.string() }),
]);
export type MatchReasonView = z.infer<typeof MatchReasonSchema>;

export const SidebarMatchSchema = ConversationSummarySchema.extend({
  reasons: z.array(MatchReasonSchema),
});
export type SidebarMatch = z.infer<typeof SidebarMatchSchema>;

/** The tab's conversations as the sidebar shows them. */
export const TabConversationsSchema = z.object({
  state: z.enum(['none', 'ready', 'loading']),
  /** The page's own ids, or a search the agent started from this tab (right-click). */
  source: z.enum(['page', 'search']),
  /** The searched text or link, for a search. */
  query: z.string().nullable(),
  /** Whether the page itself showed ids, so a search can go back to them. */
  hasPage: z.boolean(),
  brand: z.string().nullable(),
  /** What was searched, in words ("order #1042", "customer email maya@…"). */
  searched: z.array(z.string()),
  matches: z.array(SidebarMatchSchema),
  /** Lookups that could not run or failed, said plainly; the rest are still shown. */
  warnings: z.array(z.string()),
  fetchedAt: z.number().nullable(),
  stale: z.boolean(),
  autoOpen: z.boolean(),
});
export type TabConversations = z.infer<typeof TabConversationsSchema>;

/** What the content script's launcher may know: a count and a state, never conversation data. */
export const DetectionReplySchema = z.object({
  count: z.number().int().min(0),
  state: z.enum(['ready', 'notConfigured', 'error']),
});
export type DetectionReply = z.infer<typeof DetectionReplySchema>;

export const ContentConfigSchema = z.object({
  userRules: z.array(UserRuleSchema),
  sidebar: z.object({ autoOpen: z.boolean(), width: z.number().int().min(280).max(900) }),
});
export type ContentConfig = z.infer<typeof ContentConfigSchema>;

export const ThreadMessageSchema = z.object({
  /** Message HTML or text from Re:amaze, to be sanitised before display. */
  body: z.string(),
  internal: z.boolean(),
  author: z.string(),
  staff: z.boolean(),
  at: z.string(),
  attachments: z.array(z.object({ name: z.string(), url: z.url() })),
});
export const ThreadSchema = z.object({
  slug: z.string(),
  messages: z.array(ThreadMessageSchema),
  totalCount: z.number().int(),
});
export type Thread = z.infer<typeof ThreadSchema>;
export type ThreadMessage = z.infer<typeof ThreadMessageSchema>;

export const ChannelChoicesSchema = z.object({
  brand: z.string(),
  channels: z.array(z.object({ slug: z.string(), name: z.string() })),
  /** The channel in effect per marketplace: the agent's choice, else the one that names it. */
  selected: z.partialRecord(MarketplaceSchema, z.string()),
  dataKeys: z.array(z.string()),
});
export type ChannelChoices = z.infer<typeof ChannelChoicesSchema>;

/** What one detection rule finds on a live store page, for the options page's preview. */
export const RuleTestSchema = z.object({
  url: z.string().max(2000),
  /** Whether the rule's URL pattern matches that page at all. */
  matched: z.boolean(),
  orderRefs: z.array(z.string().max(80)).max(500),
  originIds: z.array(z.object({ id: z.string().max(80), marketplace: MarketplaceSchema })).max(500),
  emails: z.array(z.string().max(254)).max(100),
});
export type RuleTest = z.infer<typeof RuleTestSchema>;
