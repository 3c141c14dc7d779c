import { storage } from '#imports';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, SettingsSchema, type Settings } from './schema';
import { settingsMigrations } from './migrations';

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

/** Parses each section on its own, so one broken section never costs the others. */
export function parseSettings(raw: unknown): LoadedSettings {
  const whole = SettingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data };

  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const credentials = SettingsSchema.shape.credentials.safeParse(record.credentials ?? null);
  return {
    settings: { ...DEFAULT_SETTINGS, credentials: credentials.success ? credentials.data : null },
    problem: credentials.success
      ? undefined
      : 'Your saved Re:amaze credentials could not be read. Enter them again and press Save.',
  };
}

export async function loadSettings(): Promise<LoadedSettings> {
  return parseSettings(await settingsItem.getValue());
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(SettingsSchema.parse(settings));
}
