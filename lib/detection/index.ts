import type { UserRule } from '../settings/schema';
import type { Detection } from './schema';
import type { PlatformDetector } from './types';
import { detectWith } from './detect';
import { amazon } from './platforms/amazon';
import { bigcommerce } from './platforms/bigcommerce';
import { ebay } from './platforms/ebay';
import { etsy } from './platforms/etsy';
import { magento } from './platforms/magento';
import { prestashop } from './platforms/prestashop';
import { shopify } from './platforms/shopify';
import { stripe } from './platforms/stripe';
import { woocommerce } from './platforms/woocommerce';
import { detectWithRules } from './user-rules';

export { hasIds } from './detect';

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

/**
 * Manifest matches for the hosted admins (each hosted platform's own `matches`, which its content
 * script declares); self-hosted stores are enabled per site instead.
 */
export const STATIC_HOST_MATCHES: string[] = platforms.flatMap(
  (platform) => platform.matches ?? [],
);

/** The page's ids, as the registry's first platform that claims the URL reads them. */
export function detectPage(url: URL, doc: Document, rules: readonly UserRule[] = []): Detection {
  return detectWith(
    platforms,
    url,
    doc,
    rules.length > 0 ? detectWithRules(url, doc, rules) : null,
  );
}
