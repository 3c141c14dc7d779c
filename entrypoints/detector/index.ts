import { defineUnlistedScript } from '#imports';
import { magento } from '@/lib/detection/platforms/magento';
import { prestashop } from '@/lib/detection/platforms/prestashop';
import { woocommerce } from '@/lib/detection/platforms/woocommerce';
import { startDetector } from './runtime';

/** The self-hosted stores, in the registry's order (tests/unit/detection/scripts.test.ts). */
export const DETECTORS = [woocommerce, magento, prestashop];

/**
 * The detector for self-hosted stores (WooCommerce, Magento, PrestaShop) and the agent's rules: in
 * no manifest entry, the background registers it for each site the agent enables and injects it
 * where a right-click needs a sidebar (lib/detection/scripts.ts). The hosted admins have their own
 * scripts, `detector-<platform>.ts`.
 */
export default defineUnlistedScript(() => startDetector(DETECTORS));
