import { describe, expect, test } from 'vitest';
import { detectPage, platforms } from '@/lib/detection';
import type { UserRule } from '@/lib/settings/schema';

const NOTHING = { platform: null, kind: 'none', orderRefs: [], originIds: [], emails: [] };

/** Everything every detector looks for, at once: only the URL gate can keep it out. */
const BAIT = new DOMParser().parseFromString(
  `<!doctype html><html><body class="adminhtml-sales-order-view"><main id="anchor-content">
    <h1 class="page-title">#000000123</h1>
    <section><h2>Customer</h2><a href="mailto:maya.chen@example.net">maya.chen@example.net</a>
      <input type="email" value="leo.brandt@example.org" /></section>
    <div id="order_data"><h2 class="woocommerce-order-data__heading">Order #1042 details</h2></div>
    <div id="order-view-page" data-order-title="Order #12 XKBKNABJK"><div class="title-content"><h1><strong>XKBKNABJK</strong></h1></div></div>
    <div id="customerEmail"><a href="mailto:jane.doe@example.com">jane.doe@example.com</a></div>
    <a href="/store/x/orders/5523819086117">#1042</a> <a href="/manage/orders/104">104</a>
    <a href="/orders-v3/order/113-1234567-1234567">113-1234567-1234567</a>
    <a href="/mesh/ord/details?orderid=12-34567-89012">12-34567-89012</a>
    <span>Order #3012345678</span> <a href="/your/orders/sold?order_id=3012345678">open</a>
    <dl><dt>order_id</dt><dd>1042</dd><dt>Email</dt><dd>maya.chen@example.net</dd></dl>
    <table><thead><tr><th>ID</th><th>Reference</th><th>Order ID</th></tr></thead>
      <tbody><tr><td>000000123</td><td>XKBKNABJK</td><td>104</td></tr></tbody></table>
  </main></body></html>`,
  'text/html',
);

const NOT_ORDER_PAGES = [
  ...platforms.flatMap((platform) =>
    platform.examples.filter((e) => e.kind === 'none').map((e) => e.url),
  ),
  'https://admin.shopify.com/store/northwind-goods/analytics/reports/sales',
  'https://admin.shopify.com/store/northwind-goods/orders/5523819086117.json',
  'https://admin.shopify.com/store/northwind-goods/draft_orders',
  'https://admin.shopify.com/store/northwind-goods/apps/reamaze',
  'https://shop.northwind.example/wp-admin/index.php',
  'https://shop.northwind.example/wp-admin/post.php?post=1042',
  'https://shop.northwind.example/wp-admin/admin.php?page=wc-reports&tab=orders',
  'https://store-ab12cd34.mybigcommerce.com/manage/orders/104/invoice',
  'https://store-ab12cd34.mybigcommerce.com/manage/orders/104/packing-slip',
  'https://shop.lakeside.example/admin_x1y2/sales/creditmemo/view/creditmemo_id/12/',
  'https://boutique.example/admin1a2b3c/index.php/sell/orders/carts/7/view',
  'https://boutique.example/admin1a2b3c/index.php/configure/shop/preferences',
  'https://sellercentral.amazon.com/payments/dashboard/index.html',
  'https://sellercentral.amazon.com/orders-v3/order/113-1234567-1234567/print-packing-slip',
  'https://www.ebay.com/sh/ord/details',
  'https://www.ebay.com/sh/research',
  'https://www.etsy.com/your/orders/sold/new/labels?order_ids=3012345678',
  'https://dashboard.stripe.com/test/payments/new',
  'https://dashboard.stripe.com/invoices/in_1PqR7sL2kX9mN4vB',
  'https://dashboard.stripe.com/customers',
  'https://news.example.com/order/1042?email=maya.chen@example.net',
];

describe('URL gate', () => {
  test.each(NOT_ORDER_PAGES)('%s reports nothing, whatever the page holds', (url) => {
    expect(detectPage(new URL(url), BAIT)).toEqual(NOTHING);
  });

  test.each(NOT_ORDER_PAGES)('%s is decided without reading the page', (url) => {
    expect(detectPage(new URL(url), untouchable())).toEqual(NOTHING);
  });

  test('non-matching user rules do not read the page either', () => {
    const rule: UserRule = {
      id: 'r1',
      name: 'Legacy admin',
      urlPattern: 'https://legacy.northwind.example/admin/*',
      kind: 'order',
      target: 'orderRef',
      regex: 'Order #(\\d+)',
    };
    expect(
      detectPage(new URL('https://news.example.com/article/1042'), untouchable(), [rule]),
    ).toEqual(NOTHING);
  });

  test('a page whose URL passes the gate but is no order screen reports nothing', () => {
    // post.php edits any post type; Magento's storefront shares the admin's order path.
    const blogPost = new DOMParser().parseFromString(
      '<h1>Edit Post</h1><p>Order #1042 details</p>',
      'text/html',
    );
    expect(
      detectPage(new URL('https://shop.example/wp-admin/post.php?post=1042&action=edit'), blogPost),
    ).toEqual(NOTHING);
    const storefront = new DOMParser().parseFromString(
      '<h1 class="page-title">#000000123</h1>',
      'text/html',
    );
    expect(
      detectPage(new URL('https://shop.example/sales/order/view/order_id/321/'), storefront),
    ).toEqual(NOTHING);
  });
});

/** A document that throws on any access: proof that a page was never read. */
function untouchable(): Document {
  return new Proxy({} as Document, {
    get(_, property) {
      throw new Error(`the document was read (${String(property)})`);
    },
  });
}
