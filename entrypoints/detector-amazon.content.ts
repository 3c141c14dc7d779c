import { defineContentScript } from '#imports';
import { amazon } from '@/lib/detection/platforms/amazon';
import { startDetector } from './detector.content/runtime';

export const DETECTORS = [amazon];

/** The detector on Amazon Seller Central's admin pages: its own detector alone (see detector.content/runtime.ts). */
export default defineContentScript({
  matches: amazon.matches!,
  runAt: 'document_end',
  main: (ctx) => startDetector(ctx, DETECTORS),
});
