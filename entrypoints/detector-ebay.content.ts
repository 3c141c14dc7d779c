import { defineContentScript } from '#imports';
import { ebay } from '@/lib/detection/platforms/ebay';
import { startDetector } from './detector.content/runtime';

export const DETECTORS = [ebay];

/** The detector on eBay Seller Hub's admin pages: its own detector alone (see detector.content/runtime.ts). */
export default defineContentScript({
  matches: ebay.matches!,
  runAt: 'document_end',
  main: (ctx) => startDetector(ctx, DETECTORS),
});
