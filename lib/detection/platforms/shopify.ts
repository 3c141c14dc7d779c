import type { PageKind, PlatformDetector } from '../types';
import {
  blockByHeading,
  canonicalOrderRef,
  detection,
  emailsIn,
  isString,
  nameIn,
  nothing,
  text,
} from '../extract';
import { CUSTOMER_SECTION, label, contactLabel, customerLabel } from '../labels';

const ORDER = /^\/orders\/\d+(?:\/|$)/;
const ORDER_LIST = /^\/orders\/?$/;
const CUSTOMER = /^\/customers\/\d+(?:\/|$)/;
const ORDER_LINK = /\/orders\/\d+(?:[/?#]|$)/;
/** An order name: `#1001`, `#BG7228`, `#1001-EU`. */
const ORDER_NAME = /^#[A-Za-z0-9-]*\d[A-Za-z0-9-]*$/;
/** Same shape, other things: fulfilments `#1001-F1`, returns `#1001-R1`, drafts `#D12`. */
const NOT_ORDER_NAME = /-[FR]\d+$|^#D\d+$/;
/** The customer card, titled "Customer" (or "Contact information") in the admin's language. */
const CUSTOMER_CARD = label(`${customerLabel}|${contactLabel}`);

const NEW_ADMIN = /^\/store\/[^/]+(\/.*)$/;
const LEGACY_ADMIN = /^\/admin(\/.*)$/;

/** The path inside the admin: new admin `/store/{handle}/…`, legacy `*.myshopify.com/admin/…`. */
function adminPath(url: URL): string | null {
  if (url.hostname === 'admin.shopify.com') return url.pathname.match(NEW_ADMIN)?.[1] ?? null;
  if (!url.hostname.endsWith('.myshopify.com')) return null;
  return url.pathname.match(LEGACY_ADMIN)?.[1] ?? null;
}

function pageKind(url: URL): PageKind {
  const path = adminPath(url);
  if (path === null) return 'none';
  // The ids in these paths are internal ids, never order names.
  if (ORDER.test(path)) return 'order';
  if (ORDER_LIST.test(path)) return 'order-list';
  if (CUSTOMER.test(path)) return 'customer';
  return 'none';
}

/** The order name at the start of a heading or link text, without its `#`. */
function orderName(printed: string): string | null {
  const token = printed.trim().split(' ')[0]!;
  return ORDER_NAME.test(token) && !NOT_ORDER_NAME.test(token) ? canonicalOrderRef(token) : null;
}

/** Order links' names: each list row's order cell, a customer's past orders. */
function linkedOrderNames(root: ParentNode): string[] {
  return [...root.querySelectorAll('a[href*="/orders/"]')]
    .filter((link) => ORDER_LINK.test(link.getAttribute('href') ?? ''))
    .map((link) => orderName(text(link)))
    .filter(isString);
}

/** The customer card as a whole, sub-sections included (they may be headings of its rank). */
function customerCard(main: ParentNode): Element | null {
  return blockByHeading(main, CUSTOMER_CARD, CUSTOMER_SECTION);
}

function customerEmails(main: ParentNode): string[] {
  return emailsIn(customerCard(main));
}

/** The customer card's link to the customer (`/customers/{id}`), whose text is their name. */
function customerName(main: ParentNode): string | undefined {
  return nameIn(customerCard(main), 'a[href*="/customers/"]');
}

export const shopify: PlatformDetector = {
  id: 'shopify',
  name: 'Shopify',
  selfHosted: false,
  matches: ['https://admin.shopify.com/*', 'https://*.myshopify.com/*'],
  examples: [
    { url: 'https://admin.shopify.com/store/northwind-goods/orders/5523819086117', kind: 'order' },
    {
      url: 'https://admin.shopify.com/store/northwind-goods/orders/5523819086117/refund',
      kind: 'order',
    },
    { url: 'https://admin.shopify.com/store/northwind-goods/orders', kind: 'order-list' },
    {
      url: 'https://admin.shopify.com/store/northwind-goods/orders?status=open&query=maya',
      kind: 'order-list',
    },
    {
      url: 'https://admin.shopify.com/store/northwind-goods/customers/7120043311',
      kind: 'customer',
    },
    { url: 'https://northwind-goods.myshopify.com/admin/orders/5523819086117', kind: 'order' },
    { url: 'https://northwind-goods.myshopify.com/admin/orders', kind: 'order-list' },
    { url: 'https://northwind-goods.myshopify.com/admin/customers/7120043311', kind: 'customer' },
    { url: 'https://admin.shopify.com/store/northwind-goods', kind: 'none' },
    { url: 'https://admin.shopify.com/store/northwind-goods/products/8123456789', kind: 'none' },
    { url: 'https://admin.shopify.com/store/northwind-goods/draft_orders/991', kind: 'none' },
    { url: 'https://admin.shopify.com/store/northwind-goods/checkouts/33012', kind: 'none' },
    { url: 'https://admin.shopify.com/store/northwind-goods/customers', kind: 'none' },
    { url: 'https://admin.shopify.com/store/northwind-goods/settings/general', kind: 'none' },
    { url: 'https://northwind-goods.myshopify.com/products/kettle', kind: 'none' },
  ],
  pageKind,
  detect(url, doc) {
    const kind = pageKind(url);
    if (kind === 'none') return nothing();
    const main = doc.querySelector('main') ?? doc.body;
    if (!main) return detection('shopify', kind);
    if (kind === 'order-list') {
      return detection('shopify', kind, { orderRefs: linkedOrderNames(main) });
    }
    if (kind === 'customer') {
      return detection('shopify', kind, {
        orderRefs: linkedOrderNames(main),
        emails: customerEmails(main),
      });
    }
    // The heading carries the order name; the URL id is an internal id, never the order number.
    const heading = [...main.querySelectorAll('h1')]
      .map((h1) => orderName(text(h1)))
      .find(isString);
    return detection('shopify', kind, {
      orderRefs: heading ? [heading] : [],
      emails: customerEmails(main),
      customerName: customerName(main),
    });
  },
};
