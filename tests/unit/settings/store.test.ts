import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import v1 from '../../fixtures/settings/v1.json';
import { loadSettings, parseSettings, saveSettings } from '@/lib/settings/store';
import { CredentialsInputSchema, SETTINGS_VERSION } from '@/lib/settings/schema';

describe('settings storage', () => {
  test('an empty store gives no credentials and no problem', async () => {
    expect(await loadSettings()).toEqual({ settings: { credentials: null } });
  });

  test('saved settings come back, stored under one versioned key', async () => {
    await saveSettings(v1);
    expect((await loadSettings()).settings).toEqual(v1);
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings).toEqual(v1);
    expect(stored.settings$).toEqual({ v: SETTINGS_VERSION });
  });

  test('every stored version fixture parses into the current shape', () => {
    expect(parseSettings(v1)).toEqual({ settings: v1 });
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
    expect(parseSettings({ ...v1, futureSection: { x: 1 } }).settings.credentials).toEqual(
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
