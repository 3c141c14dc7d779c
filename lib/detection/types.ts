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
  id: PlatformId;
  name: string;
  selfHosted: boolean;
  examples: { url: string; kind: PageKind }[];
  /** The URL gate: which kind of page this is, 'none' for everything not worth scanning. */
  pageKind(url: URL, doc?: Document): PageKind;
  detect(url: URL, doc: Document): Detection;
}

export interface UserRule {
  id: string;
  name: string;
  urlPattern: string;
  kind: 'order' | 'order-list' | 'customer';
  target: 'orderRef' | 'email' | 'originId';
  marketplace?: Marketplace;
  regex?: string;
  selector?: string;
}
