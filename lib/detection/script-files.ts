/*
 * The detector's files, in a module that imports nothing: the content scripts read it too.
 */

/**
 * The detector's content scripts, by platform group: one per hosted admin (with that platform's
 * detector alone, listed in the manifest for its hosts), and `selfHosted` for everything else: the
 * self-hosted stores (WooCommerce, Magento, PrestaShop) and the agent's rules, registered per
 * granted site and injected where a right-click needs a sidebar. All run one runtime
 * (`entrypoints/detector/runtime.ts`).
 */
export const DETECTOR_SCRIPTS = {
  shopify: '/detector-shopify.js',
  bigcommerce: '/detector-bigcommerce.js',
  amazon: '/detector-amazon.js',
  ebay: '/detector-ebay.js',
  etsy: '/detector-etsy.js',
  stripe: '/detector-stripe.js',
  selfHosted: '/detector.js',
} as const;

/**
 * Parts of the detector only some pages need, loaded by the runtime when a page needs them
 * (`entrypoints/detector/parts.ts`): the launcher with the sidebar's frame (a page with ids, or a
 * search from it), the order-list rows and their chips, and the agent's rules. Web-accessible, so
 * a content script can import them.
 */
export const DETECTOR_PARTS = {
  launcher: '/detector-launcher.js',
  list: '/detector-list.js',
  rules: '/detector-rules.js',
} as const;
