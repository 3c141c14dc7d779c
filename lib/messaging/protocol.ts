import { z } from 'zod';
import type { SenderClass } from '../security/sender';
import {
  DetectedIdsSchema,
  DetectionSchema,
  OriginIdSchema,
  RuleTestSchema,
  type RuleTest,
} from '../detection/schema';
import { MAX_ROW_IDS } from '../detection/rows';
import {
  LookupRequestSchema,
  LookupResultSchema,
  TabConversationsSchema,
  ThreadRequestSchema,
  ThreadSchema,
} from '../lookup/schemas';
import {
  ChannelChoicesSchema,
  CredentialsInputSchema,
  DataKeysSchema,
  MarketplaceChannelsSchema,
  SettingsSummarySchema,
  UndoSecondsSchema,
  UserRuleSchema,
  type UserRule,
} from '../settings/schema';
import { SettingsFileSchema } from '../settings/export';
import { SidebarWidthSchema, SitePrefsSchema } from '../settings/site-prefs';
import { MessageErrorSchema } from './errors';
import {
  ConversationChangeSchema,
  ConversationRefSchema,
  ConversationToolsSchema,
  CreatedConversationSchema,
  DraftInputSchema,
  DraftSchema,
  NewConversationFormSchema,
  NewConversationInputSchema,
  ActivityEntrySchema,
  ResponseTemplateSummarySchema,
  SentMessageSchema,
  StaffMemberSchema,
} from '../actions/schemas';
import { ConversationSummarySchema } from '../lookup/summary';

/**
 * Every message between contexts, declared once: its request, its response and who may send it.
 * The background's router refuses anything not listed here for the sender's class.
 */
interface MessageSpec {
  request: z.ZodType;
  response: z.ZodType;
  senders: readonly SenderClass[];
}

export const ConnectionResultSchema = z.object({
  brand: z.string(),
  staffName: z.string(),
});

/** What the content script's launcher may know: a count and a state, never conversation data. */
export const DetectionReplySchema = z.object({
  count: z.number().int().min(0),
  state: z.enum(['ready', 'notConfigured', 'error']),
});
export type DetectionReply = z.infer<typeof DetectionReplySchema>;

/** What the content script needs from the settings it may not read itself. */
export const ContentConfigSchema = z.object({
  userRules: z.array(UserRuleSchema),
  sidebar: SitePrefsSchema,
  /** Goes in the sidebar frame's address, so the background knows the frame is this tab's own. */
  sidebarKey: z.string(),
  /** The launcher's and chips' words (lib/i18n/content-text.ts). */
  text: z.object({ messages: z.record(z.string(), z.string()), language: z.string() }),
});
export type ContentConfig = z.infer<typeof ContentConfigSchema>;

/**
 * Rows of an order list coming into view, to count: ids in, a count per row out (keyed as the
 * content script keys its rows, see rowKey), never conversation data.
 */
export const RowIdsSchema = z.object({
  orderRefs: DetectedIdsSchema.shape.orderRefs.max(MAX_ROW_IDS),
  originIds: DetectedIdsSchema.shape.originIds.max(MAX_ROW_IDS),
});
export const RowCountsSchema = z.object({
  counts: z
    .array(z.object({ key: z.string(), count: z.number().int().min(0).nullable() }))
    .max(MAX_ROW_IDS * 2),
});
export type RowCountsReply = z.infer<typeof RowCountsSchema>;

/** One row's order, whose conversations the agent asked to see (a click on its chip). */
export const RowIdSchema = z.union([
  z.object({ orderRef: DetectedIdsSchema.shape.orderRefs.element }),
  z.object({ originId: OriginIdSchema }),
]);

const BrandNameSchema = z.object({ brand: z.string().min(1).max(63) });
const OriginSchema = z.string().regex(/^https?:\/\/[^/]+$/, 'errors.notOrigin');

export const protocol = {
  getSettings: {
    request: z.object({}),
    response: SettingsSummarySchema,
    senders: ['extensionPage'],
  },
  /** Adds or edits one brand; its connection is tested first and nothing is saved if it fails. */
  saveBrand: {
    request: CredentialsInputSchema,
    response: z.object({ settings: SettingsSummarySchema, staffName: z.string() }),
    senders: ['extensionPage'],
  },
  removeBrand: {
    request: BrandNameSchema,
    response: SettingsSummarySchema,
    senders: ['extensionPage'],
  },
  setDefaultBrand: {
    request: BrandNameSchema,
    response: SettingsSummarySchema,
    senders: ['extensionPage'],
  },
  saveStoreBrands: {
    request: z
      .array(z.object({ store: z.string().max(2000), brand: z.string().min(1).max(63) }))
      .max(200),
    response: SettingsSummarySchema,
    senders: ['extensionPage'],
  },
  exportSettings: {
    request: z.object({}),
    response: SettingsFileSchema,
    senders: ['extensionPage'],
  },
  importSettings: {
    request: SettingsFileSchema,
    response: z.object({ settings: SettingsSummarySchema, needsToken: z.array(z.string()) }),
    senders: ['extensionPage'],
  },
  testConnection: {
    request: CredentialsInputSchema,
    response: ConnectionResultSchema,
    senders: ['extensionPage'],
  },
  lookup: {
    request: LookupRequestSchema,
    response: LookupResultSchema,
    senders: ['extensionPage'],
  },
  getLookupSettings: {
    request: z.object({ brand: z.string().max(63).optional() }),
    response: ChannelChoicesSchema,
    senders: ['extensionPage'],
  },
  /** One brand's marketplace channels. */
  saveLookupSettings: {
    request: z.object({
      brand: z.string().min(1).max(63),
      marketplaceChannels: MarketplaceChannelsSchema,
    }),
    response: ChannelChoicesSchema,
    senders: ['extensionPage'],
  },
  /** Custom-data keys are every brand's, and saving them needs no brand's API. */
  saveDataKeys: {
    request: DataKeysSchema,
    response: SettingsSummarySchema,
    senders: ['extensionPage'],
  },
  /** How long a send waits with an Undo button; 0 sends at once. */
  saveUndoSeconds: {
    request: z.object({ undoSeconds: UndoSecondsSchema }),
    response: SettingsSummarySchema,
    senders: ['extensionPage'],
  },
  getUserRules: {
    request: z.object({}),
    response: z.array(UserRuleSchema),
    senders: ['extensionPage'],
  },
  saveUserRules: {
    request: z.array(UserRuleSchema).max(50),
    response: z.array(UserRuleSchema),
    senders: ['extensionPage'],
  },
  /** Runs one rule on the store page the agent used last (its content script reads the page). */
  testRule: {
    request: z.object({ rule: UserRuleSchema }),
    response: RuleTestSchema,
    senders: ['extensionPage'],
  },
  getSitePrefs: {
    request: z.object({}),
    response: z.record(z.string(), SitePrefsSchema),
    senders: ['extensionPage'],
  },
  saveSitePrefs: {
    request: z.object({ origin: OriginSchema, prefs: SitePrefsSchema.nullable() }),
    response: z.record(z.string(), SitePrefsSchema),
    senders: ['extensionPage'],
  },
  // From the content script on a store page: ids only, answered with a count.
  getContentConfig: {
    request: z.object({}),
    response: ContentConfigSchema,
    senders: ['contentScript'],
  },
  reportDetection: {
    request: DetectionSchema,
    response: DetectionReplySchema,
    senders: ['contentScript'],
  },
  /** Order-list rows in view or a screen ahead: how many conversations each has. */
  rowCounts: {
    request: RowIdsSchema,
    response: RowCountsSchema,
    senders: ['contentScript'],
  },
  /**
   * The agent clicked a row's chip: the tab's sidebar shows that order's conversations, as a
   * search of the tab (like a right-click), so "Back to this page's conversations" still works.
   */
  showRow: {
    request: RowIdSchema,
    response: z.object({}),
    senders: ['contentScript'],
  },
  /** The page is going (another document, a reload): its tab's record and queued lookups go. */
  pageGone: {
    request: z.object({}),
    response: z.object({}),
    senders: ['contentScript'],
  },
  saveSidebarState: {
    request: z.object({ width: SidebarWidthSchema }),
    response: z.object({}),
    senders: ['contentScript'],
  },
  // From the sidebar page, framed in the store tab: the data stays in extension pages.
  /** The sidebar's own tab; the popup names the active tab, which it has no sender tab for. */
  getTabConversations: {
    request: z.object({
      refresh: z.boolean().optional(),
      tabId: z.number().int().min(0).optional(),
    }),
    response: TabConversationsSchema,
    senders: ['extensionPage'],
  },
  clearSearch: {
    request: z.object({}),
    response: z.object({}),
    senders: ['extensionPage'],
  },
  getThread: {
    request: ThreadRequestSchema,
    response: ThreadSchema,
    senders: ['extensionPage'],
  },
  setAutoOpen: {
    request: z.object({ autoOpen: z.boolean() }),
    response: z.object({}),
    senders: ['extensionPage'],
  },
  closeSidebar: {
    request: z.object({}),
    response: z.object({}),
    senders: ['extensionPage'],
  },
  // Acting on a conversation, from its tab's sidebar only (see handlers.ts).
  /** The thread's draft, undo window, activity list and known tags. */
  getConversationTools: {
    request: ConversationRefSchema,
    response: ConversationToolsSchema,
    senders: ['extensionPage'],
  },
  /** Keeps the draft in extension storage; its origin id stays until Re:amaze confirms it. */
  saveDraft: {
    request: ConversationRefSchema.extend({ draft: DraftInputSchema }),
    response: DraftSchema,
    senders: ['extensionPage'],
  },
  discardDraft: {
    request: ConversationRefSchema,
    response: z.object({}),
    senders: ['extensionPage'],
  },
  /** Sends the kept draft (after the composer's undo window); cleared once Re:amaze has it. */
  sendDraft: {
    request: ConversationRefSchema,
    response: SentMessageSchema,
    senders: ['extensionPage'],
  },
  updateConversation: {
    request: ConversationRefSchema.extend({ change: ConversationChangeSchema }),
    response: z.object({ conversation: ConversationSummarySchema }),
    senders: ['extensionPage'],
  },
  getActivity: {
    request: ConversationRefSchema,
    response: z.array(ActivityEntrySchema),
    senders: ['extensionPage'],
  },
  listStaff: {
    request: z.object({ brand: z.string().min(1).max(63) }),
    response: z.array(StaffMemberSchema),
    senders: ['extensionPage'],
  },
  listTemplates: {
    request: z.object({ brand: z.string().min(1).max(63), query: z.string().max(200).optional() }),
    response: z.array(ResponseTemplateSummarySchema),
    senders: ['extensionPage'],
  },
  /** The new-conversation form prefilled from the sidebar's page and the settings. */
  getNewConversationForm: {
    request: z.object({}),
    response: NewConversationFormSchema,
    senders: ['extensionPage'],
  },
  createConversation: {
    request: NewConversationInputSchema,
    response: CreatedConversationSchema,
    senders: ['extensionPage'],
  },
} as const satisfies Record<string, MessageSpec>;

export type MessageType = keyof typeof protocol;
export type RequestOf<T extends MessageType> = z.input<(typeof protocol)[T]['request']>;
export type ParsedRequestOf<T extends MessageType> = z.output<(typeof protocol)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<(typeof protocol)[T]['response']>;

export const EnvelopeSchema = z.object({ type: z.string(), payload: z.unknown() });

export type Result<T> =
  { ok: true; data: T } | { ok: false; error: z.infer<typeof MessageErrorSchema> };

export function resultSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: MessageErrorSchema }),
  ]);
}

export function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(protocol, type);
}

/**
 * Commands from the background to the content script in a store tab's top frame, with what each
 * answers. The content script holds no zod, so it uses these types alone and trusts only its own
 * extension as the sender; the background parses the one answer with data (RuleTestSchema).
 */
export interface TabCommands {
  /** Shows the sidebar (injected first where the page had none); answers true once it is shown. */
  openSidebar: { request: Record<string, never>; response: Promise<boolean> };
  closeSidebar: { request: Record<string, never>; response: void };
  toggleSidebar: { request: Record<string, never>; response: void };
  /** Detects and reports again (the agent left a search, the sidebar found no record). */
  redetect: { request: Record<string, never>; response: Promise<void> };
  /** The options page's preview: what one rule finds on this page (null: the rules could not load). */
  testRule: { request: { rule: UserRule }; response: Promise<RuleTest | null> };
}
export type TabCommandType = keyof TabCommands;
export type TabCommand = {
  [T in TabCommandType]: { type: T; payload: TabCommands[T]['request'] };
}[TabCommandType];
