import type { PlatformDetector } from '../types';
import { canonicalOrderRef, detection, emailsIn, text } from '../extract';

const ORDER = /^\/store\/[^/]+\/orders\/\d+\/?$|^\/admin\/orders\/\d+\/?$/;
const ORDER_LIST = /^\/store\/[^/]+\/orders\/?$|^\/admin\/orders\/?$/;
const CUSTOMER = /^\/store\/[^/]+\/customers\/\d+\/?$|^\/admin\/customers\/\d+\/?$/;
/** An order name: `#1001`, `#BG7228`, `#1001-EU`; not fulfilments `#1001-F1`, returns `-R1` or drafts `#D12`. */
const ORDER_NAME = /^#(?!D\d)[A-Za-z0-9-]*\d[A-Za-z0-9-]*$/;
const NOT_ORDER_NAME = /-[FR]\d+$/;

function isShopifyHost(url: URL): boolean {
  return url.hostname === 'admin.shopify.com' || url.hostname.endsWith('.myshopify.com');
}

function orderName(value: string): string | null {
  return ORDER_NAME.test(value) && !NOT_ORDER_NAME.test(value) ? canonicalOrderRef(value) : null;
}

export const shopify: PlatformDetector = {
  id: 'shopify',
  name: 'Shopify',
  selfHosted: false,
  examples: [
    { url: 'https://admin.shopify.com/store/northwind-goods/orders/5523819086117', kind: 'order' },
    { url: 'https://admin.shopify.com/store/northwind-goods/orders?status=open', kind: 'order-list' },
    { url: 'https://admin.shopify.com/store/northwind-goods/customers/7120043311', kind: 'customer' },
    { url: 'https://northwind-goods.myshopify.com/admin/orders/5523819086117', kind: 'order' },
    { url: 'https://admin.shopify.com/store/northwind-goods/products/812', kind: 'none' },
    { url: 'https://admin.shopify.com/store/northwind-goods/draft_orders/991', kind: 'none' },
  ],
  pageKind(url) {
    if (!isShopifyHost(url)) return 'none';
    if (ORDER.test(url.pathname)) return 'order';
    if (ORDER_LIST.test(url.pathname)) return 'order-list';
    if (CUSTOMER.test(url.pathname)) return 'customer';
    return 'none';
  },
  detect(url, doc) {
    const kind = this.pageKind(url);
    if (kind === 'none') return detection(null, 'none');
    const main = doc.querySelector('main') ?? doc.body;
    if (kind === 'order-list') {
      // Each row's order cell links to /orders/{id}, its text the order name.
      const refs = [...main.querySelectorAll('a[href*="/orders/"]')].map((a) => orderName(text(a)));
      return detection('shopify', kind, { orderRefs: refs.filter((r): r is string => r !== null) });
    }
    // The heading carries the order name; the URL id is an internal id, never the order number.
    const heading = kind === 'order' ? orderName(text(main.querySelector('h1'))) : null;
    const customer = [...main.querySelectorAll('section, div')].find((el) =>
      /^customer\b/i.test(text(el.querySelector(':scope > h2, :scope > h3'))),
    );
    return detection('shopify', kind, {
      orderRefs: heading ? [heading] : [],
      emails: emailsIn(customer ?? main),
    });
  },
};
