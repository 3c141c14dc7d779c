import { z } from 'zod';
import type { SenderClass } from '../security/sender';
import {
  CredentialsInputSchema,
  DataKeysSchema,
  MarketplaceChannelsSchema,
  SettingsSummarySchema,
  UserRuleSchema,
} from '../settings/schema';
import { SettingsFileSchema } from '../settings/export';
import { SitePrefsSchema } from '../settings/site-prefs';
import {
  ChannelChoicesSchema,
  ContentConfigSchema,
  DetectionReplySchema,
  RuleTestSchema,
  SidebarMatchSchema,
  DetectionSchema,
  TabConversationsSchema,
  ThreadSchema,
} from './page-schemas';
import { MessageErrorSchema } from './errors';

/**
 * Every message between contexts, declared once: its request, its response and who may send it.
 * The background's router refuses anything not listed here for the sender's class.
 */
interface MessageSpec {
  request: z.ZodType;
  response: z.ZodType;
  senders: readonly SenderClass[];
}

export const LookupRequestSchema = z.object({
  query: z
    .string()
    .trim()
    .min(1, 'Type an order number, reference id, conversation link or email to search.')
    .max(500, 'That search is too long; paste just the id or email.'),
  page: z.number().int().min(1).max(1000).optional(),
  /** The brand to search; the default brand when absent. */
  brand: z.string().max(63).optional(),
});

export const LookupResultSchema = z.object({
  brand: z.string(),
  query: z.string(),
  searched: z.string(),
  conversations: z.array(SidebarMatchSchema),
  /** Lookups that could not run or failed, said plainly; the rest are still shown. */
  warnings: z.array(z.string()),
  page: z.number().int(),
  pageCount: z.number().int(),
  totalCount: z.number().int(),
});
export type LookupResult = z.infer<typeof LookupResultSchema>;

export const ConnectionResultSchema = z.object({
  brand: z.string(),
  staffName: z.string(),
});

const BrandNameSchema = z.object({ brand: z.string().min(1).max(63) });
const OriginSchema = z.string().regex(/^https?:\/\/[^/]+$/, 'Not a site origin.');

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
  saveSidebarState: {
    request: z.object({ width: z.number().int().min(280).max(900) }),
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
    request: z.object({
      slug: z.string().min(1).max(300),
      brand: z.string().min(1).max(63),
      page: z.number().int().min(1).max(100).optional(),
    }),
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
