import type { PageKind, PlatformDetector } from '../types';
import {
  canonicalOrderRef,
  detection,
  emailsIn,
  firstLine,
  firstToken,
  inputEmails,
  isString,
  nameIn,
  nothing,
  text,
} from '../extract';
import { fold, labelStart, billingLabel } from '../labels';

/** The order number after its `#` (`Order #1001 details`, `#WC-2041 Jane Doe`); `n°`/`№` in some locales. */
const AFTER_HASH = /(?:#|n°|nº|№)\s*(\S+)/;
/** Default numbers are the order id; numbering plugins give `WC-2041`, `X/123/Y`. */
const ORDER_NUMBER = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9/_-]*$/;
const ORDER_SCREEN = '#order_data, .woocommerce-order-data__heading';
/** The "Billing" column's heading, in the admin's language. */
const BILLING = labelStart(billingLabel);

function screen(url: URL, name: string): boolean {
  return url.pathname.endsWith(`/wp-admin/${name}`);
}

function pageKind(url: URL, doc?: Document): PageKind {
  if (!url.pathname.includes('/wp-admin/')) return 'none';
  const params = url.searchParams;
  const action = params.get('action');
  if (screen(url, 'admin.php') && params.get('page') === 'wc-orders') {
    // HPOS (default since WC 8.2): one screen for the list and, with action=edit, an order.
    if (action === 'edit') return params.has('id') ? 'order' : 'none';
    return action === 'new' ? 'none' : 'order-list';
  }
  if (screen(url, 'post.php') && action === 'edit' && params.has('post')) {
    // post.php edits any post type: only an order screen counts, once the page can be checked.
    return !doc || doc.querySelector(ORDER_SCREEN) ? 'order' : 'none';
  }
  if (screen(url, 'edit.php') && params.get('post_type') === 'shop_order') return 'order-list';
  if (screen(url, 'user-edit.php') && params.has('user_id')) return 'customer';
  return 'none';
}

function orderNumber(printed: string): string | null {
  const ref = canonicalOrderRef(firstToken(printed.match(AFTER_HASH)?.[1] ?? ''));
  return ORDER_NUMBER.test(ref) ? ref : null;
}

function orderDetail(doc: Document) {
  // WC 3+ heading; 2.x printed "Order number #1001." in p.order_number (now the payment meta line).
  const heading =
    doc.querySelector('h2.woocommerce-order-data__heading') ??
    doc.querySelector('p.order_number:not(.woocommerce-order-data__meta)');
  const ref = orderNumber(text(heading));
  // The billing email shows in the address, the customer select's option and the hidden edit form:
  // one address, found three times, is one lookup.
  const panel = doc.querySelector('#order_data');
  return {
    orderRefs: ref ? [ref] : [],
    emails: emailsIn(panel, 'input#_billing_email'),
    customerName: customerName(panel),
  };
}

/**
 * The customer select's option "Jane Doe (#12 – jane@…)", else the billing address's first line
 * (a guest order has no customer to select).
 */
function customerName(panel: Element | null): string | undefined {
  const selected = nameIn(
    panel,
    'select#customer_user option[selected]:not([value=""])',
    (option) => text(option).replace(/\s*\(#.*$/, ''),
  );
  if (selected) return selected;
  const billing = [...(panel?.querySelectorAll('.order_data_column') ?? [])].find((column) =>
    BILLING.test(fold(text(column.querySelector('h3')))),
  );
  return nameIn(billing, '.address > p:first-child', firstLine);
}

export const woocommerce: PlatformDetector = {
  id: 'woocommerce',
  name: 'WooCommerce',
  selfHosted: true,
  examples: [
    {
      url: 'https://shop.northwind.example/wp-admin/admin.php?page=wc-orders&action=edit&id=1042',
      kind: 'order',
    },
    {
      url: 'https://shop.northwind.example/wp-admin/post.php?post=1042&action=edit',
      kind: 'order',
    },
    { url: 'https://shop.northwind.example/wp-admin/admin.php?page=wc-orders', kind: 'order-list' },
    {
      url: 'https://shop.northwind.example/wp-admin/admin.php?page=wc-orders&status=wc-processing',
      kind: 'order-list',
    },
    {
      url: 'https://shop.northwind.example/wp-admin/edit.php?post_type=shop_order',
      kind: 'order-list',
    },
    { url: 'https://shop.northwind.example/wp-admin/user-edit.php?user_id=12', kind: 'customer' },
    {
      url: 'https://shop.northwind.example/blog/wp-admin/user-edit.php?user_id=12&wp_http_referer=%2Fwp-admin%2Fusers.php',
      kind: 'customer',
    },
    {
      url: 'https://shop.northwind.example/wp-admin/admin.php?page=wc-orders&action=new',
      kind: 'none',
    },
    { url: 'https://shop.northwind.example/wp-admin/edit.php?post_type=product', kind: 'none' },
    {
      url: 'https://shop.northwind.example/wp-admin/admin.php?page=wc-settings&tab=email',
      kind: 'none',
    },
    { url: 'https://shop.northwind.example/wp-admin/admin.php?page=wc-admin', kind: 'none' },
    { url: 'https://shop.northwind.example/wp-admin/users.php', kind: 'none' },
    {
      url: 'https://shop.northwind.example/checkout/order-received/1042/?key=wc_order_abc',
      kind: 'none',
    },
  ],
  pageKind,
  detect(url, doc) {
    const kind = pageKind(url, doc);
    if (kind === 'none') return nothing();
    if (kind === 'order') return detection('woocommerce', kind, orderDetail(doc));
    if (kind === 'customer') {
      // The WordPress profile's email, and WooCommerce's billing email beside it.
      const form = doc.querySelector('#your-profile') ?? doc.querySelector('#wpbody-content');
      return detection('woocommerce', kind, {
        emails: inputEmails(form, 'input#email, input#billing_email'),
      });
    }
    // Each row's "#1001 Jane Doe": only the `#…` token. Preview ids and checkboxes are internal ids.
    const refs = [...doc.querySelectorAll('td.order_number a.order-view')].map((link) =>
      orderNumber(text(link)),
    );
    return detection('woocommerce', kind, { orderRefs: refs.filter(isString) });
  },
};
