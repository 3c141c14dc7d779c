import { matchesPattern } from './user-rules';
import { platforms } from './index';
import type { PlatformId } from './types';

/**
 * The detector's content scripts, by platform group: one per hosted admin
 * (`entrypoints/detector-<id>.content.ts`, with that platform's detector alone, loaded by its
 * manifest matches), and `selfHosted` (`entrypoints/detector.content/`) for everything else: the
 * self-hosted stores (WooCommerce, Magento, PrestaShop) and the agent's rules, registered per
 * granted site and injected where a right-click needs a sidebar. All run one runtime
 * (`entrypoints/detector.content/runtime.ts`).
 */
export const DETECTOR_SCRIPTS = {
  shopify: '/content-scripts/detector-shopify.js',
  bigcommerce: '/content-scripts/detector-bigcommerce.js',
  amazon: '/content-scripts/detector-amazon.js',
  ebay: '/content-scripts/detector-ebay.js',
  etsy: '/content-scripts/detector-etsy.js',
  stripe: '/content-scripts/detector-stripe.js',
  selfHosted: '/content-scripts/detector.js',
} as const satisfies Partial<Record<PlatformId, string>> & { selfHosted: string };

export type DetectorScript = (typeof DETECTOR_SCRIPTS)[keyof typeof DETECTOR_SCRIPTS];

/** The script for a page: its hosted admin's where the manifest matches it, else the self-hosted one. */
export function detectorScriptFor(pageUrl: string | undefined): DetectorScript {
  let url: URL;
  try {
    url = new URL(pageUrl ?? '');
  } catch {
    return DETECTOR_SCRIPTS.selfHosted;
  }
  const hosted = platforms.find((platform) =>
    (platform.matches ?? []).some((pattern) => matchesPattern(pattern, url)),
  );
  const group = hosted?.id as keyof typeof DETECTOR_SCRIPTS | undefined;
  return (group && DETECTOR_SCRIPTS[group]) ?? DETECTOR_SCRIPTS.selfHosted;
}
