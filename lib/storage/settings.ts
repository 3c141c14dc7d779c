import { storage } from '#imports';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../settings/schema';
import { SafeSettingsSchema } from '../settings/safe-rules';
import { settingsMigrations } from '../settings/migrations';
import { createTokenSeal, SealedTokenSchema } from '../security/token-seal';
import { tokenKey } from './token-key';
import { createSerialQueues } from './serially';

/**
 * The one settings item. Only the background imports this module: migrations run wherever an item
 * is defined, and the credentials inside must never reach another context.
 */
const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: settingsMigrations,
});

/** Why part of the stored settings was set aside; the settings service puts it in words. */
export type SettingsProblem = { unreadable: keyof Settings } | { lostTokens: string[] };

export interface LoadedSettings {
  settings: Settings;
  /** A section that could not be read, tokens that could not be opened; the stored value stays. */
  problems?: SettingsProblem[];
}

/** Parses each section on its own, so one broken section never costs the others. */
export function parseSettings(raw: unknown): LoadedSettings {
  const whole = SafeSettingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data };

  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const settings = { ...DEFAULT_SETTINGS } as Record<keyof Settings, unknown>;
  const problems: SettingsProblem[] = [];
  for (const key of Object.keys(SafeSettingsSchema.shape) as (keyof Settings)[]) {
    if (record[key] === undefined) continue;
    const section = SafeSettingsSchema.shape[key].safeParse(record[key]);
    if (section.success) settings[key] = section.data;
    else problems.push({ unreadable: key });
  }
  return {
    settings: settings as Settings,
    ...(problems.length > 0 ? { problems } : {}),
  };
}

const seal = createTokenSeal(tokenKey);

/**
 * The stored value with each brand's sealed token opened (a plain token, stored before tokens were
 * sealed, is taken as it is). A token that does not open is dropped, so its brand asks for it again.
 */
async function openTokens(raw: unknown): Promise<{ value: unknown; lost: string[] }> {
  const lost: string[] = [];
  const value = await mapBrands(raw, async (brand) => {
    const sealed = SealedTokenSchema.safeParse(brand.token);
    if (!sealed.success) return brand;
    const token = await seal.open(sealed.data, String(brand.brand));
    if (token !== null) return { ...brand, token };
    lost.push(String(brand.brand));
    return Object.fromEntries(Object.entries(brand).filter(([key]) => key !== 'token'));
  });
  return { value, lost };
}

/** The value to store: every plain token sealed, whatever else the brands section holds. */
function sealTokens(raw: unknown): Promise<unknown> {
  return mapBrands(raw, async (brand) =>
    typeof brand.token === 'string' && brand.token !== ''
      ? { ...brand, token: await seal.seal(brand.token, String(brand.brand)) }
      : brand,
  );
}

async function mapBrands(
  raw: unknown,
  change: (brand: Record<string, unknown>) => Promise<Record<string, unknown>>,
): Promise<unknown> {
  if (!isRecord(raw) || !Array.isArray(raw.brands)) return raw;
  const brands = await Promise.all(
    raw.brands.map((brand: unknown) => (isRecord(brand) ? change(brand) : brand)),
  );
  return { ...raw, brands };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function parseStored(raw: unknown): Promise<LoadedSettings> {
  const { value, lost } = await openTokens(raw);
  const loaded = parseSettings(value);
  if (lost.length === 0) return loaded;
  return { ...loaded, problems: [...(loaded.problems ?? []), { lostTokens: lost }] };
}

export async function loadSettings(): Promise<LoadedSettings> {
  return parseStored(await settingsItem.getValue());
}

/**
 * Seals any token still stored in the clear (saved before tokens were sealed); the background
 * calls it at every start.
 */
export function sealStoredTokens(): Promise<void> {
  return serially('settings', async () => {
    const stored = await settingsItem.getValue();
    const sealed = await sealTokens(stored);
    if (JSON.stringify(sealed) !== JSON.stringify(stored)) await settingsItem.setValue(sealed);
  });
}

/** Writes to the settings (sealing at start, saving a section), one after another. */
const serially = createSerialQueues<'settings'>();

const SettingsChangeSchema = SafeSettingsSchema.partial();

/**
 * Writes the sections in `change`; every other section is written back exactly as stored, so a
 * section that could not be read survives until the agent saves that section itself. Returns the
 * settings as now stored, with the problem of any section still unreadable.
 */
export function updateSettings(change: Partial<Settings>): Promise<LoadedSettings> {
  return serially('settings', () => writeSettings(change));
}

async function writeSettings(change: Partial<Settings>): Promise<LoadedSettings> {
  const stored = await settingsItem.getValue();
  const kept =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {};
  // Only the sections named: parsing fills in defaults, which must not overwrite stored values.
  const parsed = SettingsChangeSchema.parse(change);
  const named = Object.entries(parsed).filter(
    ([key]) => change[key as keyof Settings] !== undefined,
  );
  const next = { ...kept, ...Object.fromEntries(named) };
  await settingsItem.setValue(await sealTokens(next));
  return parseStored(next);
}
