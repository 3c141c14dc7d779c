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

/** Version 1 of the one settings item. New sections are added with a migration. */
export const SettingsSchema = z.object({
  credentials: CredentialsSchema.nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SETTINGS_VERSION = 1;
export const DEFAULT_SETTINGS: Settings = { credentials: null };

/** The only view of the settings that leaves the background: never the token itself. */
export const SettingsSummarySchema = z.object({
  brand: z.string().nullable(),
  email: z.string().nullable(),
  hasToken: z.boolean(),
  /** Set when stored settings could not be read, so the agent knows why they must re-enter them. */
  problem: z.string().optional(),
});
export type SettingsSummary = z.infer<typeof SettingsSummarySchema>;
