import { defineUnlistedScript } from '#imports';
import { amazon } from '@/lib/detection/platforms/amazon';
import { startDetector } from './detector/runtime';

export const DETECTORS = [amazon];

/**
 * The detector on Amazon Seller Central's admin pages, with its own detector alone: a content script that the
 * manifest lists for the platform's hosts (lib/detection/scripts.ts), see detector/runtime.ts.
 */
export default defineUnlistedScript(() => startDetector(DETECTORS));
