import { defineContentScript } from '#imports';
import { stripe } from '@/lib/detection/platforms/stripe';
import { startDetector } from './detector.content/runtime';

export const DETECTORS = [stripe];

/** The detector on Stripe's admin pages: its own detector alone (see detector.content/runtime.ts). */
export default defineContentScript({
  matches: stripe.matches!,
  runAt: 'document_end',
  main: (ctx) => startDetector(ctx, DETECTORS),
});
