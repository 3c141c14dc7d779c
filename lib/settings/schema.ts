import { z } from 'zod';
import { MarketplaceSchema } from '../detection/schema';
import { normalizeBrand } from './brand';

export const BrandSchema = z.string().transform((value, ctx) => {
  const result = normalizeBrand(value);
  if (result.ok) return result.brand;
  ctx.addIssue({ code: 'custom', message: result.message });
  return z.NEVER;
});

export const LoginEmailSchema = z
  .string()
  .trim()
  .min(1, 'settings.loginEmail')
  .pipe(z.email('settings.loginEmailShape'));

export const ApiTokenSchema = z
  .string()
  .trim()
  .min(1, 'settings.tokenEmpty')
  .max(512, 'settings.tokenTooLong')
  .regex(/^\S+$/, 'settings.tokenSpaces');

/** What a request to one brand's API needs. Only background modules ever hold it. */
export const CredentialsSchema = z.object({
  brand: BrandSchema,
  email: LoginEmailSchema,
  token: ApiTokenSchema,
});
export type Credentials = z.infer<typeof CredentialsSchema>;

/**
 * What the options page sends for one brand. An empty token means "keep the saved one", so an
 * agent can change the email without pasting the token again (the page never receives it).
 * `replaces` names the brand being edited when its name changes.
 */
export const CredentialsInputSchema = z.object({
  brand: BrandSchema,
  email: LoginEmailSchema,
  token: z.string().trim().optional().default(''),
  replaces: z.string().max(63).optional(),
});
export type CredentialsInput = z.input<typeof CredentialsInputSchema>;
export type ParsedCredentialsInput = z.output<typeof CredentialsInputSchema>;

const ChannelSlugSchema = z.string().trim().min(1).max(200);

/**
 * The Re:amaze channel each marketplace's messages arrive in, as the agent chose it. A marketplace
 * missing here uses the channel whose name or slug names it, so the preselection acts unsaved.
 */
export const MarketplaceChannelsSchema = z.partialRecord(MarketplaceSchema, ChannelSlugSchema);
export type MarketplaceChannels = z.infer<typeof MarketplaceChannelsSchema>;

/** Custom-data keys that hold order numbers, e.g. "order_number" → data[order_number]=1042. */
export const DataKeysSchema = z.array(z.string().trim().min(1).max(100)).max(10);

/** Seconds a send waits, with an Undo button, before anything leaves; 0 sends at once. */
export const UndoSecondsSchema = z
  .number('settings.undoNumber')
  .int('settings.undoWhole')
  .min(0, 'settings.undoRange')
  .max(30, 'settings.undoRange');
export const DEFAULT_UNDO_SECONDS = 5;

/**
 * One Re:amaze brand the agent works for: its credentials and its own marketplace channels. The
 * token is missing only for a brand imported from a settings file.
 */
export const BrandAccountSchema = CredentialsSchema.extend({
  token: ApiTokenSchema.optional(),
  marketplaceChannels: MarketplaceChannelsSchema.default({}),
});
export type BrandAccount = z.infer<typeof BrandAccountSchema>;

/**
 * A store, as lookups tell stores apart: its host, or for Shopify's one admin host the store
 * handle ("admin.shopify.com/store/acme"). See stores.ts.
 */
export const StoreKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .regex(/^[a-z0-9.-]+(?::\d+)?(?:\/store\/[a-z0-9][a-z0-9-]*)?$/, 'settings.storeKey');

export const StoreBrandSchema = z.object({
  store: StoreKeySchema,
  brand: z.string().min(1).max(63),
});
export type StoreBrand = z.infer<typeof StoreBrandSchema>;

export const UserRuleSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().trim().min(1, 'settings.ruleName').max(100),
    urlPattern: z
      .string()
      .trim()
      .regex(/^(\*|https?):\/\/[^/]+\/.*$/, 'settings.rulePattern'),
    kind: z.enum(['order', 'order-list', 'customer']),
    target: z.enum(['orderRef', 'email', 'originId']),
    marketplace: MarketplaceSchema.optional(),
    regex: z.string().max(500).superRefine(checkRegex).optional(),
    selector: z.string().max(500).optional(),
  })
  .refine((rule) => rule.regex || rule.selector, {
    message: 'settings.ruleWhere',
    path: ['selector'],
  })
  .refine((rule) => rule.target !== 'originId' || rule.marketplace, {
    message: 'settings.ruleMarketplace',
    path: ['marketplace'],
  });

/**
 * A rule's regex must compile. That it also runs in bounded time on any page is SafeUserRuleSchema's
 * check (safe-rules.ts), made where rules enter, so the pages that only show rules do without it.
 */
function checkRegex(source: string, ctx: z.RefinementCtx): void {
  try {
    new RegExp(source);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'settings.regexInvalid' });
  }
}
export type UserRule = z.infer<typeof UserRuleSchema>;

/*
 * Validation messages here are message keys (locales/en.yml, `settings.*`): whoever shows an issue
 * puts it in the agent's language with `issueText` (lib/i18n/translate.ts).
 */

/** The one settings item, version 3. Each section is parsed on its own (see store.ts). */
export const SettingsSchema = z.object({
  brands: z
    .array(BrandAccountSchema)
    .max(20)
    .refine(
      (brands) => new Set(brands.map((b) => b.brand)).size === brands.length,
      'settings.brandOnce',
    ),
  /** The brand for stores no mapping names; null means the first brand. */
  defaultBrand: z.string().nullable(),
  storeBrands: z.array(StoreBrandSchema).max(200),
  dataKeys: DataKeysSchema,
  userRules: z.array(UserRuleSchema).max(50),
  /** In effect unsaved: settings stored before it existed send after the default wait. */
  undoSeconds: UndoSecondsSchema.default(DEFAULT_UNDO_SECONDS),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SETTINGS_VERSION = 3;
export const DEFAULT_SETTINGS: Settings = {
  brands: [],
  defaultBrand: null,
  storeBrands: [],
  dataKeys: [],
  userRules: [],
  undoSeconds: DEFAULT_UNDO_SECONDS,
};

export const BrandSummarySchema = z.object({
  brand: z.string(),
  email: z.string(),
  hasToken: z.boolean(),
  marketplaceChannels: z.partialRecord(MarketplaceSchema, z.string()),
});
export type BrandSummary = z.infer<typeof BrandSummarySchema>;

/** The only view of the settings that leaves the background: never a token itself. */
export const SettingsSummarySchema = z.object({
  brands: z.array(BrandSummarySchema),
  /** The brand in effect where no store mapping applies (the first brand unless chosen). */
  defaultBrand: z.string().nullable(),
  storeBrands: z.array(StoreBrandSchema),
  dataKeys: z.array(z.string()),
  undoSeconds: z.number().int(),
  /** Set when stored settings could not be read, so the agent knows why they must re-enter them. */
  problem: z.string().optional(),
});
export type SettingsSummary = z.infer<typeof SettingsSummarySchema>;

/** A brand's channels for the options page, and the channel in effect per marketplace. */
export const ChannelChoicesSchema = z.object({
  brand: z.string(),
  channels: z.array(z.object({ slug: z.string(), name: z.string() })),
  /** The channel in effect per marketplace: the agent's choice, else the one that names it. */
  selected: z.partialRecord(MarketplaceSchema, z.string()),
  dataKeys: z.array(z.string()),
});
export type ChannelChoices = z.infer<typeof ChannelChoicesSchema>;
