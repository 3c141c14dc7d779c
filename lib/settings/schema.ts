import { z } from 'zod';
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
  .min(1, 'Enter the email you sign in to Re:amaze with.')
  .pipe(z.email('Enter the email you sign in to Re:amaze with, e.g. dana@northwind.example.'));

export const ApiTokenSchema = z
  .string()
  .trim()
  .min(1, 'Enter your API token (Re:amaze → Settings → Developer → API Token).')
  .max(512, 'That API token is too long; copy it again from Re:amaze.')
  .regex(/^\S+$/, 'An API token has no spaces; copy it again from Re:amaze.');

/** What the background keeps. Only background modules ever read it. */
export const CredentialsSchema = z.object({
  brand: BrandSchema,
  email: LoginEmailSchema,
  token: ApiTokenSchema,
});
export type Credentials = z.infer<typeof CredentialsSchema>;

/**
 * What the options page sends. An empty token means "keep the saved one", so an agent can change
 * the brand or email without pasting the token again (the page never receives it to refill).
 */
export const CredentialsInputSchema = z.object({
  brand: BrandSchema,
  email: LoginEmailSchema,
  token: z.string().trim().optional().default(''),
});
export type CredentialsInput = z.input<typeof CredentialsInputSchema>;
export type ParsedCredentialsInput = z.output<typeof CredentialsInputSchema>;

export const MARKETPLACES = ['amazon', 'ebay', 'etsy'] as const;
export const MarketplaceSchema = z.enum(MARKETPLACES);
export type Marketplace = (typeof MARKETPLACES)[number];

/** How the agent knows each marketplace. */
export const MARKETPLACE_NAMES: Record<Marketplace, string> = { amazon: 'Amazon', ebay: 'eBay', etsy: 'Etsy' };

const ChannelSlugSchema = z.string().trim().min(1).max(200);

/** How detected ids become lookups. */
export const LookupSettingsSchema = z.object({
  /**
   * The Re:amaze channel each marketplace's messages arrive in, as the agent chose it. A marketplace
   * missing here uses the channel whose name or slug names it, so the preselection acts unsaved.
   */
  marketplaceChannels: z.partialRecord(MarketplaceSchema, ChannelSlugSchema),
  /** Custom-data keys that hold order numbers, e.g. "order_number" → data[order_number]=1042. */
  dataKeys: z.array(z.string().trim().min(1).max(100)).max(10),
});
export type LookupSettings = z.infer<typeof LookupSettingsSchema>;

export const UserRuleSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1, 'Give the rule a name.').max(100),
  urlPattern: z
    .string()
    .trim()
    .regex(/^(\*|https?):\/\/[^/]+\/.*$/, 'Use a match pattern such as https://shop.example/admin/*.'),
  kind: z.enum(['order', 'order-list', 'customer']),
  target: z.enum(['orderRef', 'email', 'originId']),
  marketplace: MarketplaceSchema.optional(),
  regex: z
    .string()
    .max(500)
    .refine(isValidRegex, 'That regular expression is not valid.')
    .optional(),
  selector: z.string().max(500).optional(),
}).refine((rule) => rule.regex || rule.selector, {
  message: 'Give a CSS selector, a regular expression, or both.',
  path: ['selector'],
}).refine((rule) => rule.target !== 'originId' || rule.marketplace, {
  message: 'Choose the marketplace of these ids.',
  path: ['marketplace'],
});

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
export type UserRule = z.infer<typeof UserRuleSchema>;

/** The one settings item, version 2. Each section is parsed on its own (see store.ts). */
export const SettingsSchema = z.object({
  credentials: CredentialsSchema.nullable(),
  lookup: LookupSettingsSchema,
  userRules: z.array(UserRuleSchema).max(50),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SETTINGS_VERSION = 2;
export const DEFAULT_SETTINGS: Settings = {
  credentials: null,
  lookup: { marketplaceChannels: {}, dataKeys: [] },
  userRules: [],
};

/** The only view of the settings that leaves the background: never the token itself. */
export const SettingsSummarySchema = z.object({
  brand: z.string().nullable(),
  email: z.string().nullable(),
  hasToken: z.boolean(),
  /** Set when stored settings could not be read, so the agent knows why they must re-enter them. */
  problem: z.string().optional(),
});
export type SettingsSummary = z.infer<typeof SettingsSummarySchema>;
