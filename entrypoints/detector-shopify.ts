import { defineUnlistedScript } from '#imports';
import { shopify } from '@/lib/detection/platforms/shopify';
import { startDetector } from './detector/runtime';

export const DETECTORS = [shopify];

/**
 * The detector on Shopify's admin pages, with its own detector alone: a content script that the
 * manifest lists for the platform's hosts (lib/detection/scripts.ts), see detector/runtime.ts.
 */
export default defineUnlistedScript(() => startDetector(DETECTORS));
