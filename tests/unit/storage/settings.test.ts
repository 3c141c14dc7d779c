import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import v1 from '../../fixtures/settings/v1.json';
import v2 from '../../fixtures/settings/v2.json';
import v3 from '../../fixtures/settings/v3.json';
import {
  loadSettings,
  parseSettings,
  sealStoredTokens,
  updateSettings,
} from '@/lib/storage/settings';
import { settingsMigrations } from '@/lib/settings/migrations';
import {
  CredentialsInputSchema,
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  SettingsSchema,
  type Settings,
} from '@/lib/settings/schema';

/** A token as stored: AES-GCM ciphertext and its IV, both base64 (lib/security/token-seal.ts). */
const sealed = { iv: expect.any(String), sealed: expect.any(String) };

type StoredV3 = { brands: { token: unknown }[] } & Record<string, unknown>;

/** Every stored version, by the version number WXT records beside it. */
const fixtures: Record<number, unknown> = { 1: v1, 2: v2, 3: v3 };

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
    await updateSettings(v3 as Settings);
    // The undo window came after v3 without a new version: unsaved, its default is in effect.
    expect((await loadSettings()).settings).toEqual({ ...v3, undoSeconds: 5 });
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings).toEqual({
      ...v3,
      brands: v3.brands.map((brand) => ({ ...brand, token: sealed })),
      undoSeconds: 5,
    });
    expect(stored.settings$).toEqual({ v: SETTINGS_VERSION });
  });

  test('tokens are stored sealed: storage.local never holds one in the clear', async () => {
    await updateSettings(v3 as Settings);
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null));
    for (const brand of v3.brands) expect(everything).not.toContain(brand.token);
  });

  test('a token stored in the clear (before sealing) is read, and sealed at the next start', async () => {
    await fakeBrowser.storage.local.set({ settings: v3, settings$: { v: SETTINGS_VERSION } });
    expect((await loadSettings()).settings.brands).toEqual(v3.brands);
    await sealStoredTokens();
    const stored = (await fakeBrowser.storage.local.get('settings')).settings as StoredV3;
    expect(stored.brands.map((brand) => brand.token)).toEqual([sealed, sealed]);
    expect((await loadSettings()).settings.brands).toEqual(v3.brands);
  });

  test('a sealed token moved onto another brand does not open there; that brand asks again', async () => {
    await updateSettings(v3 as Settings);
    const stored = (await fakeBrowser.storage.local.get('settings')).settings as StoredV3;
    const [northwind, southwind] = stored.brands;
    await fakeBrowser.storage.local.set({
      settings: { ...stored, brands: [northwind, { ...southwind, token: northwind!.token }] },
    });
    const loaded = await loadSettings();
    expect(loaded.settings.brands[0]?.token).toBe(v3.brands[0]!.token);
    expect(loaded.settings.brands[1]?.token).toBeUndefined();
    expect(loaded.problems).toEqual([{ lostTokens: ['southwind'] }]);
  });

  test('there is a fixture for every version', () => {
    expect(Object.keys(fixtures).map(Number)).toEqual(
      Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1),
    );
  });

  test.each(Object.entries(fixtures))(
    'version %s walks forward to the current shape',
    (version, value) => {
      const migrated = SettingsSchema.parse(migrate(value, Number(version)));
      const [first] = migrated.brands;
      expect({ brand: first?.brand, email: first?.email, token: first?.token }).toEqual(
        v1.credentials,
      );
      expect(migrated.defaultBrand).toBe('northwind');
    },
  );

  test('the single-brand version becomes the first, default brand and loses nothing', () => {
    expect(SettingsSchema.parse(migrate(v2, 2))).toEqual({
      brands: [{ ...v2.credentials, marketplaceChannels: v2.lookup.marketplaceChannels }],
      defaultBrand: 'northwind',
      storeBrands: [],
      dataKeys: v2.lookup.dataKeys,
      userRules: v2.userRules,
      undoSeconds: 5,
    });
  });

  test('an unconfigured v2 migrates to no brands', () => {
    const migrated = SettingsSchema.parse(
      migrate(
        { credentials: null, lookup: { marketplaceChannels: {}, dataKeys: [] }, userRules: [] },
        2,
      ),
    );
    expect(migrated).toEqual(DEFAULT_SETTINGS);
  });

  test('a v1 value stored by the first release is migrated when read, keeping the credentials', async () => {
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    vi.resetModules();
    const store = await import('@/lib/storage/settings');
    const loaded = await store.loadSettings();
    expect(loaded).toEqual({
      settings: {
        ...DEFAULT_SETTINGS,
        brands: [{ ...v1.credentials, marketplaceChannels: {} }],
        defaultBrand: 'northwind',
      },
    });
    expect((await fakeBrowser.storage.local.get('settings$')).settings$).toEqual({
      v: SETTINGS_VERSION,
    });
  });

  test('a v2 value is migrated when read, keeping its channels with its brand', async () => {
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    vi.resetModules();
    const store = await import('@/lib/storage/settings');
    const { settings } = await store.loadSettings();
    expect(settings.brands[0]?.marketplaceChannels).toEqual({ amazon: 'amazon-us' });
    expect(settings.dataKeys).toEqual(['order_number']);
    expect(settings.userRules).toEqual(v2.userRules);
  });

  test('updating one section keeps the others', async () => {
    await updateSettings(v3 as Settings);
    await updateSettings({ defaultBrand: 'southwind' });
    const { settings } = await loadSettings();
    expect(settings.defaultBrand).toBe('southwind');
    expect(settings.brands).toEqual(v3.brands);
    expect(settings.userRules).toEqual(v3.userRules);
  });

  test('a broken section is dropped alone and named', () => {
    const loaded = parseSettings({ ...v3, userRules: [{ nonsense: true }] });
    expect(loaded.settings.brands).toEqual(v3.brands);
    expect(loaded.settings.storeBrands).toEqual(v3.storeBrands);
    expect(loaded.settings.userRules).toEqual([]);
    expect(loaded.problems).toEqual([{ unreadable: 'userRules' }]);
  });

  test('damaged brands are reported, not thrown, and the stored value is left alone', async () => {
    const damaged = { ...v3, brands: [{ brand: 'north wind', email: 'nope', token: '' }] };
    await fakeBrowser.storage.local.set({ settings: damaged, settings$: { v: SETTINGS_VERSION } });
    const loaded = await loadSettings();
    expect(loaded.settings.brands).toEqual([]);
    expect(loaded.settings.dataKeys).toEqual(v3.dataKeys);
    expect(loaded.problems).toEqual([{ unreadable: 'brands' }]);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(damaged);
  });

  test('updating one section writes every other section back exactly as stored', async () => {
    const damaged = { ...v3, brands: [{ brand: 'north wind', email: 'nope', token: '' }] };
    await fakeBrowser.storage.local.set({ settings: damaged, settings$: { v: SETTINGS_VERSION } });
    const saved = await updateSettings({ dataKeys: ['order_id'] });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({
      ...damaged,
      dataKeys: ['order_id'],
    });
    expect(saved.problems).toEqual([{ unreadable: 'brands' }]);
  });

  test('an update is checked before anything is written', async () => {
    await updateSettings(v3 as Settings);
    await expect(updateSettings({ dataKeys: [''] })).rejects.toThrow();
    expect((await loadSettings()).settings).toEqual({ ...v3, undoSeconds: 5 });
  });

  test('the same brand twice is refused', () => {
    expect(SettingsSchema.safeParse({ ...v3, brands: [v3.brands[0], v3.brands[0]] }).success).toBe(
      false,
    );
  });

  test('unknown extra sections do not cost the brands', () => {
    expect(parseSettings({ ...v3, futureSection: { x: 1 } }).settings.brands).toEqual(v3.brands);
  });

  test.each([null, 'garbage', 42, []])('a stored %j reads as unconfigured', (raw) => {
    expect(parseSettings(raw).settings.brands).toEqual([]);
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
