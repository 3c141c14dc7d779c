export type PlatformId =
  | 'shopify'
  | 'woocommerce'
  | 'bigcommerce'
  | 'magento'
  | 'prestashop'
  | 'amazon'
  | 'ebay'
  | 'etsy'
  | 'stripe';
export type Marketplace = 'amazon' | 'ebay' | 'etsy';
export type PageKind = 'order' | 'order-list' | 'customer' | 'none';

export interface OriginId {
  id: string;
  marketplace: Marketplace;
}

/** What one page shows, in canonical forms (detection.md section 1), de-duplicated. */
export interface Detection {
  platform: PlatformId | 'custom' | null;
  kind: PageKind;
  orderRefs: string[];
  originIds: OriginId[];
  emails: string[];
}

export interface PlatformDetector {
  /** Equals the file name under platforms/. */
  id: PlatformId;
  name: string;
  /** Runs on the merchant's own domain, so it is enabled per site rather than by manifest match. */
  selfHosted: boolean;
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

/** An agent's own detection rule for a page no platform covers (or to add ids to one that does). */
export interface UserRule {
  id: string;
  name: string;
  /** A match pattern: `https://shop.example/admin/*`, `*://*.example.com/orders/*`. */
  urlPattern: string;
  kind: 'order' | 'order-list' | 'customer';
  target: 'orderRef' | 'email' | 'originId';
  marketplace?: Marketplace;
  /** Applied to the page text, or to the selected elements' text: first capture group or whole match. */
  regex?: string;
  /** Elements whose text (an input's value, a mailto link's address) is the value. */
  selector?: string;
}
