import type { BrandAccount, Settings, StoreBrand } from './schema';

/**
 * Stores as lookups tell them apart. Most stores have a host of their own; Shopify's admin serves
 * every store from admin.shopify.com, so there the store handle in the path names the store, and
 * the legacy `{handle}.myshopify.com` admin is the same store.
 */
const SHOPIFY_ADMIN = /^\/store\/([a-z0-9][a-z0-9-]*)(?:\/|$)/i;
const MYSHOPIFY = /^([a-z0-9][a-z0-9-]*)\.myshopify\.com$/i;

/** `admin.shopify.com/store/acme` for a Shopify store, the host (with any port) otherwise. */
export function storeKeyOf(url: URL): string {
  const host = url.host.toLowerCase();
  if (host === 'admin.shopify.com') {
    const handle = url.pathname.match(SHOPIFY_ADMIN)?.[1];
    return handle ? shopifyKey(handle) : host;
  }
  const legacy = url.hostname.match(MYSHOPIFY)?.[1];
  return legacy ? shopifyKey(legacy) : host;
}

function shopifyKey(handle: string): string {
  return `admin.shopify.com/store/${handle.toLowerCase()}`;
}

/** `message` is a message key (lib/i18n/translate.ts, issueText). */
export type StoreKeyResult = { ok: true; store: string } | { ok: false; message: string };

/** What an agent pastes for a store (an admin URL, a host, `acme.myshopify.com`) as a store key. */
export function parseStoreKey(input: string): StoreKeyResult {
  const text = input.trim();
  if (!text) return { ok: false, message: 'settings.storeAddress' };
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (!/^https?:$/.test(url.protocol) || !url.hostname.includes('.'))
      throw new Error('not a site');
    return { ok: true, store: storeKeyOf(url) };
  } catch {
    return { ok: false, message: 'settings.notStoreAddress' };
  }
}

/** The brand's account that lookups on `url` use: the store's mapping, else the default brand. */
export function accountForUrl(
  settings: Pick<Settings, 'brands' | 'defaultBrand' | 'storeBrands'>,
  url?: URL,
) {
  return accountByName(
    settings,
    url ? brandForStore(settings.storeBrands, storeKeyOf(url)) : undefined,
  );
}

export function brandForStore(mappings: readonly StoreBrand[], store: string): string | undefined {
  return mappings.find((mapping) => mapping.store === store)?.brand;
}

/** A named brand's account, or the default one (the chosen default, else the first brand). */
export function accountByName(
  settings: Pick<Settings, 'brands' | 'defaultBrand'>,
  brand?: string | null,
): BrandAccount | undefined {
  const { brands } = settings;
  return (
    (brand ? brands.find((account) => account.brand === brand) : undefined) ??
    brands.find((account) => account.brand === settings.defaultBrand) ??
    brands[0]
  );
}
