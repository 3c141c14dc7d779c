import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import v1 from '../../fixtures/settings/v1.json';
import v2 from '../../fixtures/settings/v2.json';
import { loadSettings, parseSettings, saveSettings, updateSettings } from '@/lib/settings/store';
import { settingsMigrations } from '@/lib/settings/migrations';
import {
  CredentialsInputSchema,
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  SettingsSchema,
  type Settings,
} from '@/lib/settings/schema';

/** Every stored version, by the version number WXT records beside it. */
const fixtures: Record<number, unknown> = { 1: v1, 2: v2 };

/** Walks a stored value forward the way WXT does: each migration after its version, in order. */
function migrate(value: unknown, from: number): unknown {
  let current = value;
  for (let version = from + 1; version <= SETTINGS_VERSION; version++) {
    current = settingsMigrations[version]!(current);
  }
  return current;
}

describe('settings storage', () => {
  test('an empty store gives the defaults and no problem', async () => {
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS });
  });

  test('saved settings come back, stored under one versioned key', async () => {
    await saveSettings(v2 as Settings);
    expect((await loadSettings()).settings).toEqual(v2);
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings).toEqual(v2);
    expect(stored.settings$).toEqual({ v: SETTINGS_VERSION });
  });

  test('there is a fixture for every version', () => {
    expect(Object.keys(fixtures).map(Number)).toEqual(
      Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1),
    );
  });

  test.each(Object.entries(fixtures))('version %s walks forward to the current shape', (version, value) => {
    const migrated = SettingsSchema.parse(migrate(value, Number(version)));
    expect(migrated.credentials).toEqual(v1.credentials);
  });

  test('a v1 value stored by the first release is migrated when read, keeping the credentials', async () => {
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    vi.resetModules();
    const store = await import('@/lib/settings/store');
    const loaded = await store.loadSettings();
    expect(loaded).toEqual({ settings: { ...DEFAULT_SETTINGS, credentials: v1.credentials } });
    expect((await fakeBrowser.storage.local.get('settings$')).settings$).toEqual({ v: SETTINGS_VERSION });
  });

  test('updating one section keeps the others', async () => {
    await saveSettings(v2 as Settings);
    await updateSettings({ credentials: { ...v2.credentials, brand: 'southwind' } });
    const { settings } = await loadSettings();
    expect(settings.credentials?.brand).toBe('southwind');
    expect(settings.lookup).toEqual(v2.lookup);
    expect(settings.userRules).toEqual(v2.userRules);
  });

  test('a broken section is dropped alone and named', () => {
    const loaded = parseSettings({ ...v2, userRules: [{ nonsense: true }] });
    expect(loaded.settings.credentials).toEqual(v2.credentials);
    expect(loaded.settings.lookup).toEqual(v2.lookup);
    expect(loaded.settings.userRules).toEqual([]);
    expect(loaded.problem).toMatch(/detection rules/);
  });

  test('damaged credentials are reported, not thrown, and the stored value is left alone', async () => {
    const damaged = { credentials: { brand: 'north wind', email: 'nope', token: '' } };
    await fakeBrowser.storage.local.set({ settings: damaged });
    const loaded = await loadSettings();
    expect(loaded.settings.credentials).toBeNull();
    expect(loaded.problem).toMatch(/could not be read/);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(damaged);
  });

  test('unknown extra sections do not cost the credentials', () => {
    expect(parseSettings({ ...v2, futureSection: { x: 1 } }).settings.credentials).toEqual(
      v1.credentials,
    );
  });

  test.each([null, 'garbage', 42, []])('a stored %j reads as unconfigured', (raw) => {
    expect(parseSettings(raw).settings.credentials).toBeNull();
  });
});

describe('credentials input', () => {
  test('normalises the brand and trims the rest', () => {
    expect(
      CredentialsInputSchema.parse({
        brand: 'https://Northwind.reamaze.com/admin',
        email: ' dana@northwind.example ',
        token: ' abc123 ',
      }),
    ).toEqual({ brand: 'northwind', email: 'dana@northwind.example', token: 'abc123' });
  });

  test('names the field that is wrong', () => {
    const result = CredentialsInputSchema.safeParse({ brand: 'no way', email: 'dana', token: '' });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['brand', 'email']));
  });
});
