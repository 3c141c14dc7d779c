import type { Detection } from './schema';

/*
 * Plain types and limits, free of zod: the content script imports this module, and its bundle
 * must stay small. The schemas that parse these shapes at a boundary are in schema.ts.
 */

export const PLATFORM_IDS = [
  'shopify',
  'woocommerce',
  'bigcommerce',
  'magento',
  'prestashop',
  'amazon',
  'ebay',
  'etsy',
  'stripe',
] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export const PAGE_KINDS = ['order', 'order-list', 'customer', 'none'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** Marketplaces whose order ids are Re:amaze origin ids, unique only within a channel. */
export const MARKETPLACES = ['amazon', 'ebay', 'etsy'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];

/** How the agent knows each marketplace. */
export const MARKETPLACE_NAMES: Record<Marketplace, string> = {
  amazon: 'Amazon',
  ebay: 'eBay',
  etsy: 'Etsy',
};

/** An id as a page may report it: no spaces, quotes or angle brackets, at most 80 characters. */
export const ID_SHAPE = /^[^\s<>"']{1,80}$/;
/** Ids and emails one page reports at most; the background refuses more. */
export const MAX_PAGE_IDS = 500;
export const MAX_PAGE_EMAILS = 100;
/**
 * A customer's name as an order page prints it, for the new-conversation form only: display data,
 * never searched, looked up or sent anywhere until the agent submits that form. One line of at
 * most 120 characters and 8 words, with a letter in it, and no address or link in it.
 */
export const MAX_CUSTOMER_NAME = 120;
export const MAX_CUSTOMER_NAME_WORDS = 8;

/** Whether a trimmed value is shaped like a person's name (see MAX_CUSTOMER_NAME). */
export function isCustomerName(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= MAX_CUSTOMER_NAME &&
    value === value.trim() &&
    // No line breaks, tabs or other control characters.
    !/[\p{Cc}\u2028\u2029]/u.test(value) &&
    /\p{L}/u.test(value) &&
    !/@|http|www\.|:\/\//i.test(value) &&
    value.split(/\s+/).length <= MAX_CUSTOMER_NAME_WORDS
  );
}

/** The page address a rule preview names is cut to this length. */
export const MAX_URL_LENGTH = 2000;

export interface PlatformDetector {
  /** Equals the file name under platforms/. */
  id: PlatformId;
  name: string;
  /** Runs on the merchant's own domain, so it is enabled per site rather than by manifest match. */
  selfHosted: boolean;
  /**
   * A hosted admin's manifest match patterns (its own content script's); none where self-hosted.
   */
  matches?: string[];
  /** Example URLs with the kind each must give, including 'none' pages on the platform's own host. */
  examples: { url: string; kind: PageKind }[];
  /**
   * The URL gate: which kind of page this is, 'none' for everything not worth scanning. Without a
   * document it answers from the URL alone; with one it may also check the page is what the URL
   * suggests (WooCommerce's post.php, Magento's admin markers).
   */
  pageKind(url: URL, doc?: Document): PageKind;
  detect(url: URL, doc: Document): Detection;
  /**
   * The ids an order page's URL names by itself, where the platform says its URL id is the order's
   * (Amazon, eBay, Etsy, BigCommerce); absent where the URL holds an internal id. Used for links.
   */
  urlIds?(url: URL): Detection | null;
}
