import { storage } from '#imports';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../settings/schema';
import { SafeSettingsSchema } from '../settings/safe-rules';
import { settingsMigrations } from '../settings/migrations';

/**
 * The one settings item. Only the background imports this module: migrations run wherever an item
 * is defined, and the credentials inside must never reach another context.
 */
const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: settingsMigrations,
});

export interface LoadedSettings {
  settings: Settings;
  /** Why a section was dropped, for the agent; the stored value is left as it was. */
  problem?: string;
}

const SECTION_PROBLEMS: Record<keyof Settings, string> = {
  brands: 'Your saved Re:amaze brands could not be read. Add them again in the options.',
  defaultBrand: 'Your default brand could not be read; the first brand is used.',
  storeBrands: 'Your store-to-brand mappings could not be read; add them again.',
  dataKeys: 'Your saved custom-data keys could not be read; add them again.',
  userRules: 'Your saved detection rules could not be read; add them again.',
  undoSeconds: 'Your undo window could not be read; the default of 5 seconds is used.',
};

/** Parses each section on its own, so one broken section never costs the others. */
export function parseSettings(raw: unknown): LoadedSettings {
  const whole = SafeSettingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data };

  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const settings = { ...DEFAULT_SETTINGS } as Record<keyof Settings, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(SafeSettingsSchema.shape) as (keyof Settings)[]) {
    if (record[key] === undefined) continue;
    const section = SafeSettingsSchema.shape[key].safeParse(record[key]);
    if (section.success) settings[key] = section.data;
    else problems.push(SECTION_PROBLEMS[key]);
  }
  return {
    settings: settings as Settings,
    ...(problems.length > 0 ? { problem: problems.join(' ') } : {}),
  };
}

export async function loadSettings(): Promise<LoadedSettings> {
  return parseSettings(await settingsItem.getValue());
}

const SettingsChangeSchema = SafeSettingsSchema.partial();

/**
 * Writes the sections in `change`; every other section is written back exactly as stored, so a
 * section that could not be read survives until the agent saves that section itself. Returns the
 * settings as now stored, with the problem of any section still unreadable.
 */
export async function updateSettings(change: Partial<Settings>): Promise<LoadedSettings> {
  const stored = await settingsItem.getValue();
  const kept =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {};
  // Only the sections named: parsing fills in defaults, which must not overwrite stored values.
  const parsed = SettingsChangeSchema.parse(change);
  const named = Object.entries(parsed).filter(
    ([key]) => change[key as keyof Settings] !== undefined,
  );
  const next = { ...kept, ...Object.fromEntries(named) };
  await settingsItem.setValue(next);
  return parseSettings(next);
}
