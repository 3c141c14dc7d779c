import { defineContentScript } from '#imports';
import { bigcommerce } from '@/lib/detection/platforms/bigcommerce';
import { startDetector } from './detector.content/runtime';

export const DETECTORS = [bigcommerce];

/** The detector on BigCommerce's admin pages: its own detector alone (see detector.content/runtime.ts). */
export default defineContentScript({
  matches: bigcommerce.matches!,
  runAt: 'document_end',
  main: (ctx) => startDetector(ctx, DETECTORS),
});
