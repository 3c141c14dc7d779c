import { z } from 'zod';
import {
  BrandAccountSchema,
  DataKeysSchema,
  SettingsSchema,
  StoreBrandSchema,
  UndoSecondsSchema,
  UserRuleSchema,
  type Settings,
} from './schema';

/**
 * A settings file an agent can share with their team: everything but the API tokens, which are
 * each agent's own and never leave the background.
 */
export const SETTINGS_FILE_FORMAT = 'reamaze-inline-settings';

export const SettingsFileSchema = z.object({
  format: z.literal(SETTINGS_FILE_FORMAT, 'transfer.notSettings'),
  version: z.literal(3, 'transfer.otherVersion'),
  brands: z.array(BrandAccountSchema.omit({ token: true })).max(20),
  defaultBrand: z.string().nullable(),
  storeBrands: z.array(StoreBrandSchema).max(200),
  dataKeys: DataKeysSchema,
  userRules: z.array(UserRuleSchema).max(50),
  /** Absent from files exported before it existed: importing one keeps the agent's own. */
  undoSeconds: UndoSecondsSchema.optional(),
});
export type SettingsFile = z.infer<typeof SettingsFileSchema>;

export function exportSettings(settings: Settings): SettingsFile {
  return {
    format: SETTINGS_FILE_FORMAT,
    version: 3,
    brands: settings.brands.map(({ token: _token, ...brand }) => brand),
    defaultBrand: settings.defaultBrand,
    storeBrands: settings.storeBrands,
    dataKeys: settings.dataKeys,
    userRules: settings.userRules,
    undoSeconds: settings.undoSeconds,
  };
}

/**
 * The imported file replaces the settings; a brand already saved here keeps its token, so
 * importing a colleague's file costs nothing but the tokens of brands new to this browser.
 */
export function importSettings(
  current: Settings,
  file: SettingsFile,
): { settings: Settings; needsToken: string[] } {
  const tokens = new Map(current.brands.map((account) => [account.brand, account.token]));
  const brands = file.brands.map((brand) => ({ ...brand, token: tokens.get(brand.brand) }));
  const settings = SettingsSchema.parse({
    brands,
    defaultBrand: brands.some((b) => b.brand === file.defaultBrand) ? file.defaultBrand : null,
    storeBrands: file.storeBrands,
    dataKeys: file.dataKeys,
    userRules: file.userRules,
    undoSeconds: file.undoSeconds ?? current.undoSeconds,
  });
  return { settings, needsToken: brands.filter((b) => !b.token).map((b) => b.brand) };
}
