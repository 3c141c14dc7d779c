import { defineUnlistedScript } from '#imports';
import { ebay } from '@/lib/detection/platforms/ebay';
import { startDetector } from './detector/runtime';

export const DETECTORS = [ebay];

/**
 * The detector on eBay Seller Hub's admin pages, with its own detector alone: a content script that the
 * manifest lists for the platform's hosts (lib/detection/scripts.ts), see detector/runtime.ts.
 */
export default defineUnlistedScript(() => startDetector(DETECTORS));
