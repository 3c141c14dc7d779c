import { defineContentScript } from '#imports';
import { etsy } from '@/lib/detection/platforms/etsy';
import { startDetector } from './detector.content/runtime';

export const DETECTORS = [etsy];

/** The detector on Etsy's admin pages: its own detector alone (see detector.content/runtime.ts). */
export default defineContentScript({
  matches: etsy.matches!,
  runAt: 'document_end',
  main: (ctx) => startDetector(ctx, DETECTORS),
});
