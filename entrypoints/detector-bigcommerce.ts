import { defineUnlistedScript } from '#imports';
import { bigcommerce } from '@/lib/detection/platforms/bigcommerce';
import { startDetector } from './detector/runtime';

export const DETECTORS = [bigcommerce];

/**
 * The detector on BigCommerce's admin pages, with its own detector alone: a content script that the
 * manifest lists for the platform's hosts (lib/detection/scripts.ts), see detector/runtime.ts.
 */
export default defineUnlistedScript(() => startDetector(DETECTORS));
