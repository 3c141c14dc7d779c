// @vitest-environment node
import { describe, expect, test } from 'vitest';
import v3 from '../../fixtures/settings/v3.json';
import {
  accountByName,
  accountForUrl,
  parseStoreKey,
  storeKeyOf,
} from '@/lib/settings/store-brands';
import { exportSettings, importSettings, SettingsFileSchema } from '@/lib/settings/export';
import { SettingsSchema } from '@/lib/settings/schema';
import { issueText } from '@/lib/i18n/translate';
import { english } from '../i18n/locales';

/** A schema's message key in English words, as the options page shows it. */
const words = (message = '') => issueText(english.t, message);

const settings = SettingsSchema.parse(v3);

describe('store keys', () => {
  test.each([
    [
      'https://admin.shopify.com/store/Southwind-Goods/orders/5523819086117',
      'admin.shopify.com/store/southwind-goods',
    ],
    [
      'https://southwind-goods.myshopify.com/admin/orders/1',
      'admin.shopify.com/store/southwind-goods',
    ],
    ['https://admin.shopify.com/', 'admin.shopify.com'],
    ['https://shop.example.com:8443/wp-admin/post.php?post=1', 'shop.example.com:8443'],
    [
      'https://sellercentral.amazon.com/orders-v3/order/113-1234567-1234567',
      'sellercentral.amazon.com',
    ],
  ])('%s is the store %s', (url, key) => {
    expect(storeKeyOf(new URL(url))).toBe(key);
  });

  test('agents paste stores as URLs or hosts', () => {
    expect(parseStoreKey('admin.shopify.com/store/acme/orders')).toEqual({
      ok: true,
      store: 'admin.shopify.com/store/acme',
    });
    expect(parseStoreKey(' https://Shop.Example.com/wp-admin ')).toEqual({
      ok: true,
      store: 'shop.example.com',
    });
    expect(parseStoreKey('')).toMatchObject({ ok: false });
    expect(parseStoreKey('not a store')).toMatchObject({
      ok: false,
      message: 'settings.notStoreAddress',
    });
    expect(parseStoreKey('ftp://files.example.com')).toMatchObject({ ok: false });
  });
});

describe('which brand a store uses', () => {
  test('a mapped Shopify store uses its brand; other stores on the same host use the default', () => {
    expect(
      accountForUrl(settings, new URL('https://admin.shopify.com/store/southwind-goods/orders/1'))
        ?.brand,
    ).toBe('southwind');
    expect(
      accountForUrl(settings, new URL('https://admin.shopify.com/store/northwind-goods/orders/1'))
        ?.brand,
    ).toBe('northwind');
    expect(accountForUrl(settings)?.brand).toBe('northwind');
  });

  test('the default brand is the chosen one, else the first; a mapping to a removed brand falls back', () => {
    expect(accountByName({ ...settings, defaultBrand: 'southwind' })?.brand).toBe('southwind');
    expect(accountByName({ ...settings, defaultBrand: null })?.brand).toBe('northwind');
    expect(accountByName(settings, 'gone')?.brand).toBe('northwind');
    expect(accountByName({ brands: [], defaultBrand: null })).toBeUndefined();
  });
});

describe('settings files', () => {
  test('an export holds everything but the tokens', () => {
    const file = exportSettings(settings);
    expect(JSON.stringify(file)).not.toMatch(/fixture-token/);
    expect(SettingsFileSchema.parse(file)).toEqual(file);
    expect(file.brands.map((b) => b.brand)).toEqual(['northwind', 'southwind']);
    expect(file.storeBrands).toEqual(settings.storeBrands);
  });

  test('importing keeps the tokens of brands already here and names the brands that need one', () => {
    const file = exportSettings(settings);
    const here = SettingsSchema.parse({ ...v3, brands: [v3.brands[0]], storeBrands: [] });
    const { settings: imported, needsToken } = importSettings(here, file);
    expect(imported.brands[0]?.token).toBe('fixture-token-1');
    expect(imported.brands[1]?.token).toBeUndefined();
    expect(imported.storeBrands).toEqual(settings.storeBrands);
    expect(needsToken).toEqual(['southwind']);
  });

  test('a foreign or broken file is refused with a reason', () => {
    const result = SettingsFileSchema.safeParse({ format: 'something-else', version: 3 });
    expect(result.success).toBe(false);
    expect(words(result.error?.issues[0]?.message)).toMatch(/not a Re:amaze Inline settings file/);
  });
});
