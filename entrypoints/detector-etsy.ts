import { defineUnlistedScript } from '#imports';
import { etsy } from '@/lib/detection/platforms/etsy';
import { startDetector } from './detector/runtime';

export const DETECTORS = [etsy];

/**
 * The detector on Etsy's admin pages, with its own detector alone: a content script that the
 * manifest lists for the platform's hosts (lib/detection/scripts.ts), see detector/runtime.ts.
 */
export default defineUnlistedScript(() => startDetector(DETECTORS));
