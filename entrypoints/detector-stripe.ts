import { defineUnlistedScript } from '#imports';
import { stripe } from '@/lib/detection/platforms/stripe';
import { startDetector } from './detector/runtime';

export const DETECTORS = [stripe];

/**
 * The detector on Stripe's admin pages, with its own detector alone: a content script that the
 * manifest lists for the platform's hosts (lib/detection/scripts.ts), see detector/runtime.ts.
 */
export default defineUnlistedScript(() => startDetector(DETECTORS));
