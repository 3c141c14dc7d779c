import type { UserRule } from '../settings/schema';
import type { DetectedIds, Detection } from './schema';
import type { PlatformDetector } from './types';
import { detection, nothing } from './extract';
import { detectWithRules } from './user-rules';
import { amazon, AMAZON_HOSTS } from './platforms/amazon';
import { bigcommerce } from './platforms/bigcommerce';
import { ebay, EBAY_HOSTS } from './platforms/ebay';
import { etsy } from './platforms/etsy';
import { magento } from './platforms/magento';
import { prestashop } from './platforms/prestashop';
import { shopify } from './platforms/shopify';
import { stripe } from './platforms/stripe';
import { woocommerce } from './platforms/woocommerce';

/** Every supported admin, one file each (its id is the file name). */
export const platforms: PlatformDetector[] = [
  shopify,
  woocommerce,
  bigcommerce,
  magento,
  prestashop,
  amazon,
  ebay,
  etsy,
  stripe,
];

/** Manifest matches for the hosted admins; self-hosted stores are enabled per site instead. */
export const STATIC_HOST_MATCHES: string[] = [
  'https://admin.shopify.com/*',
  'https://*.myshopify.com/*',
  'https://*.mybigcommerce.com/*',
  ...AMAZON_HOSTS.map((host) => `https://${host}/*`),
  ...EBAY_HOSTS.map((host) => `https://${host}/*`),
  'https://www.etsy.com/*',
  'https://dashboard.stripe.com/*',
];

/**
 * The page's ids. URL gates run first, so a page that is no order, order list or customer page
 * costs a few regex tests and no DOM access at all. Matching user rules add their ids to the
 * platform's, or stand alone where no platform claims the page.
 */
export function detectPage(url: URL, doc: Document, rules: readonly UserRule[] = []): Detection {
  const ruled = rules.length > 0 ? detectWithRules(url, doc, rules) : null;
  const platform = platforms.find((candidate) => candidate.pageKind(url) !== 'none');
  const found = platform?.detect(url, doc);
  if (!found || found.kind === 'none') return ruled ?? nothing();
  return ruled ? merge(found, ruled) : found;
}

/** Whether a page showed anything to look up. */
export function hasIds({ orderRefs, originIds, emails }: DetectedIds): boolean {
  return orderRefs.length + originIds.length + emails.length > 0;
}

function merge(platform: Detection, ruled: Detection): Detection {
  return detection(platform.platform, platform.kind, {
    orderRefs: [...platform.orderRefs, ...ruled.orderRefs],
    originIds: [...platform.originIds, ...ruled.originIds],
    emails: [...platform.emails, ...ruled.emails],
    customerName: platform.customerName,
  });
}
