import type { Detection, PlatformDetector, UserRule } from './types';
import { NOTHING } from './extract';
import { detectWithRules } from './user-rules';
import { shopify } from './platforms/shopify';
import { amazon, amazonTlds } from './platforms/amazon';
import { woocommerce } from './platforms/woocommerce';
import { bigcommerce } from './platforms/bigcommerce';
import { magento } from './platforms/magento';
import { prestashop } from './platforms/prestashop';
import { ebay, ebayTlds } from './platforms/ebay';
import { etsy } from './platforms/etsy';
import { stripe } from './platforms/stripe';

export type { Detection, PlatformDetector, UserRule } from './types';

/** Every supported admin, one file each (its id is the file name). */
export const platforms: PlatformDetector[] = [
  shopify,
  bigcommerce,
  amazon,
  ebay,
  etsy,
  stripe,
  woocommerce,
  magento,
  prestashop,
];

/** Manifest matches for the hosted admins; self-hosted stores are enabled per site instead. */
export const STATIC_HOST_MATCHES: string[] = [
  'https://admin.shopify.com/*',
  'https://*.myshopify.com/*',
  ...amazonTlds.map((tld) => `https://sellercentral.amazon.${tld}/*`),
  'https://sellercentral-europe.amazon.com/*',
  'https://sellercentral-japan.amazon.com/*',
  'https://*.mybigcommerce.com/*',
  ...ebayTlds.map((tld) => `https://www.ebay.${tld}/*`),
  'https://www.etsy.com/*',
  'https://dashboard.stripe.com/*',
];

/**
 * The page's ids. The URL gates run first, so a page that is no order, order list or customer
 * page costs a few regex tests and no DOM access at all.
 */
export function detectPage(url: URL, doc: Document, rules: readonly UserRule[] = []): Detection {
  const ruled = rules.length > 0 ? detectWithRules(url, doc, rules) : null;
  for (const platform of platforms) {
    if (platform.pageKind(url, doc) === 'none') continue;
    const found = platform.detect(url, doc);
    if (found.kind === 'none') continue;
    return ruled ? merge(found, ruled) : found;
  }
  return ruled ?? NOTHING;
}

export function hasIds(detection: Detection): boolean {
  return detection.orderRefs.length + detection.originIds.length + detection.emails.length > 0;
}

function merge(a: Detection, b: Detection): Detection {
  return {
    ...a,
    orderRefs: [...new Set([...a.orderRefs, ...b.orderRefs])],
    originIds: [...a.originIds, ...b.originIds.filter((o) => !a.originIds.some((x) => x.id === o.id))],
    emails: [...new Set([...a.emails, ...b.emails])],
  };
}
