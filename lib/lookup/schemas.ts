import { z } from 'zod';
import { DetectedIdsSchema, MarketplaceSchema } from '../detection/schema';
import { ConversationSummarySchema } from './summary';

/** Why a conversation is listed: which of the ids, or which searched text, found it. */
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
export type MatchReason = z.infer<typeof MatchReasonSchema>;

/** A conversation as the sidebar, popup and omnibox list it, with every reason it matched. */
export const ConversationMatchSchema = ConversationSummarySchema.extend({
  reasons: z.array(MatchReasonSchema),
});
export type ConversationMatch = z.infer<typeof ConversationMatchSchema>;

/** What one lookup of a page's or a search's ids found, as the sidebar shows it. */
export const SearchResultSchema = z.object({
  brand: z.string(),
  /** What was searched, in words, with each marketplace's channel. */
  searched: z.array(z.string()),
  matches: z.array(ConversationMatchSchema),
  /** Lookups that could not run or failed, said plainly; the rest are still shown. */
  warnings: z.array(z.string()),
  /** Some ids were left out (no channel, too many, over the budget): "none found" is not known. */
  unsearched: z.boolean(),
  /** When the oldest answer in it was fetched. */
  fetchedAt: z.number(),
  stale: z.boolean(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

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
  matches: z.array(ConversationMatchSchema),
  /** Lookups that could not run or failed, said plainly; the rest are still shown. */
  warnings: z.array(z.string()),
  fetchedAt: z.number().nullable(),
  stale: z.boolean(),
  autoOpen: z.boolean(),
  /** The ids shown (the page's, or the search's), for the composer's template placeholders. */
  ids: DetectedIdsSchema.nullable(),
});
export type TabConversations = z.infer<typeof TabConversationsSchema>;

/** What the agent typed in the popup (or the omnibox sent to it). */
export const LookupRequestSchema = z.object({
  query: z.string().trim().min(1, 'lookup.emptyQuery').max(500, 'lookup.longQuery'),
  page: z.number().int().min(1).max(1000).optional(),
  /** The brand to search; the default brand when absent. */
  brand: z.string().max(63).optional(),
});
export type LookupRequest = z.output<typeof LookupRequestSchema>;

export const LookupResultSchema = z.object({
  brand: z.string(),
  query: z.string(),
  searched: z.string(),
  conversations: z.array(ConversationMatchSchema),
  /** Lookups that could not run or failed, said plainly; the rest are still shown. */
  warnings: z.array(z.string()),
  page: z.number().int(),
  pageCount: z.number().int(),
  totalCount: z.number().int(),
});
export type LookupResult = z.infer<typeof LookupResultSchema>;

export const ThreadRequestSchema = z.object({
  slug: z.string().min(1).max(300),
  brand: z.string().min(1).max(63),
  page: z.number().int().min(1).max(100).optional(),
});
export type ThreadRequest = z.output<typeof ThreadRequestSchema>;

export const ThreadMessageSchema = z.object({
  /** Message HTML or text from Re:amaze, to be sanitised before display. */
  body: z.string(),
  internal: z.boolean(),
  author: z.string(),
  staff: z.boolean(),
  at: z.string(),
  attachments: z.array(z.object({ name: z.string(), url: z.url() })),
});
export type ThreadMessage = z.infer<typeof ThreadMessageSchema>;

export const ThreadSchema = z.object({
  slug: z.string(),
  messages: z.array(ThreadMessageSchema),
  totalCount: z.number().int(),
});
export type Thread = z.infer<typeof ThreadSchema>;
