import { defineContentScript } from '#imports';
import { shopify } from '@/lib/detection/platforms/shopify';
import { startDetector } from './detector.content/runtime';

export const DETECTORS = [shopify];

/** The detector on Shopify's admin pages: its own detector alone (see detector.content/runtime.ts). */
export default defineContentScript({
  matches: shopify.matches!,
  runAt: 'document_end',
  main: (ctx) => startDetector(ctx, DETECTORS),
});
