import { describe, expect, test } from 'vitest';
import { detectPage } from '@/lib/detection';

const html = (body: string, bodyAttrs = '') =>
  new DOMParser().parseFromString(
    `<!doctype html><html><body ${bodyAttrs}>${body}</body></html>`,
    'text/html',
  );
const HEADER = '<header>Signed in as dana@northwind.example</header>';
const FOOTER = '<footer>orders@northwind.example</footer>';

describe('BigCommerce', () => {
  const url = new URL('https://store-abc123.mybigcommerce.com/manage/orders/104');
  const doc = html(`${HEADER}<main><h1>Order #104</h1>
    <section class="customer-details"><h2>Customer</h2><a href="mailto:Leo.Brandt@example.org">Leo Brandt</a>
      <p>Customer ID 55 · Phone +1 555 010 7788</p></section>
    <table><tr><td>SKU KETTLE-1</td><td>UPC 012345678905</td><td>Transaction 9988776655</td></tr></table></main>${FOOTER}`);

  test('the URL id is the order number; the email comes from the customer panel', () => {
    expect(detectPage(url, doc)).toEqual({
      platform: 'bigcommerce',
      kind: 'order',
      orderRefs: ['104'],
      originIds: [],
      emails: ['leo.brandt@example.org'],
    });
  });

  test('a list gives the order ids its rows link to', () => {
    const list = html(
      '<table><tr><td><a href="/manage/orders/104">104</a></td><td><a href="/manage/customers/55/edit">55</a></td></tr><tr><td><a href="/manage/orders/105">105</a></td></tr></table>',
    );
    expect(
      detectPage(new URL('https://store-abc123.mybigcommerce.com/manage/orders'), list).orderRefs,
    ).toEqual(['104', '105']);
  });
});

describe('Magento 2', () => {
  const url = new URL(
    'https://shop.example/admin_x1y2/sales/order/view/order_id/321/key/0123456789abcdef0123456789abcdef/',
  );
  const admin = html(
    `${HEADER}<div id="anchor-content"><h1 class="page-title">#000000123</h1>
      <ul class="tabs"><li>Invoices</li></ul><p>Invoice #000000098 · Shipment #000000077</p>
      <section class="admin__page-section order-view-account-information"><div class="order-account-information">
        <p>Order # 000000123</p><p>Customer Email <a href="mailto:maya.chen@example.net">maya.chen@example.net</a></p>
        <p>Placed from IP 203.0.113.7 · T: 07700 900123</p></div></section></div>${FOOTER}`,
    'class="adminhtml-sales-order-view"',
  );

  test('the heading’s increment id keeps its leading zeros; invoices and the entity id are ignored', () => {
    expect(detectPage(url, admin)).toEqual({
      platform: 'magento',
      kind: 'order',
      orderRefs: ['000000123'],
      originIds: [],
      emails: ['maya.chen@example.net'],
    });
  });

  test('the storefront’s "My orders" page on the same path is not the admin', () => {
    const storefront = html(
      '<h1 class="page-title">Order # 000000123</h1><a href="mailto:x@y.example">x</a>',
      'class="sales-order-view"',
    );
    expect(
      detectPage(new URL('https://shop.example/sales/order/view/order_id/321/'), storefront).kind,
    ).toBe('none');
  });
});

describe('PrestaShop', () => {
  const url = new URL('https://shop.example/admin1a2b3c/index.php/sell/orders/12/view?_token=abc');
  const doc = html(`${HEADER}<div id="order-view-page" data-order-title="Order #12 EXAMPLEXY">
    <div class="title-content"><h1><strong class="text-muted">#12</strong> <strong>EXAMPLEXY</strong> from Jane Doe</h1></div>
    <div id="customerCard"><div id="customerInfo">Jane Doe <strong class="text-muted">#412</strong></div>
      <div id="customerEmail"><a href="mailto:jane@example.com">jane@example.com</a></div></div>
    <p>Invoice #IN000012 · Delivery slip #DE000034 · Product reference DEMOSKUAB · EAN 4006381333931</p></div>${FOOTER}`);

  test('the reference is the order number; ids, invoices and product references are not', () => {
    expect(detectPage(url, doc)).toEqual({
      platform: 'prestashop',
      kind: 'order',
      orderRefs: ['EXAMPLEXY'],
      originIds: [],
      emails: ['jane@example.com'],
    });
  });

  test('the legacy order page is recognised', () => {
    const legacy = new URL(
      'https://shop.example/admin1a2b3c/index.php?controller=AdminOrders&id_order=12&vieworder&token=abc',
    );
    const old = html(
      '<div class="panel-heading">Order <span class="badge">EXAMPLEXY</span> <span class="badge">#12</span></div><dl class="well list-detail"><dt>Email</dt><dd><a href="mailto:jane@example.com">jane@example.com</a></dd></dl>',
    );
    expect(detectPage(legacy, old)).toMatchObject({
      kind: 'order',
      orderRefs: ['EXAMPLEXY'],
      emails: ['jane@example.com'],
    });
  });
});

describe('eBay Seller Hub', () => {
  test('the order id from the URL is an eBay marketplace id; sales record numbers are not', () => {
    const url = new URL('https://www.ebay.co.uk/sh/ord/details?srn=1234&orderid=12-34567-89012');
    const doc = html(
      '<p>Sales record number 1234</p><p>Item number 123456789012</p><p>Tracking 9400100000000000000000</p>',
    );
    expect(detectPage(url, doc)).toEqual({
      platform: 'ebay',
      kind: 'order',
      orderRefs: [],
      originIds: [{ id: '12-34567-89012', marketplace: 'ebay' }],
      emails: [],
    });
  });

  test('a list gives the order ids of its detail links', () => {
    const doc = html(
      '<a href="/mesh/ord/details?mode=SH&orderid=11-11111-11111">1</a><a href="/itm/123456789012">item</a>',
    );
    expect(detectPage(new URL('https://www.ebay.com/sh/ord/'), doc).originIds).toEqual([
      { id: '11-11111-11111', marketplace: 'ebay' },
    ]);
  });
});

describe('Etsy', () => {
  test('only labelled receipt ids count, not listing or transaction ids', () => {
    const url = new URL('https://www.etsy.com/your/orders/sold/new');
    const doc = html(
      '<div><span>Order #1234567890</span><a href="/listing/2234567890/kettle">Kettle</a><span>Transaction 3234567890</span></div>',
    );
    expect(detectPage(url, doc)).toMatchObject({
      kind: 'order-list',
      originIds: [{ id: '1234567890', marketplace: 'etsy' }],
    });
  });

  test('an opened order gives its order_id', () => {
    const url = new URL('https://www.etsy.com/your/orders/sold?order_id=1234567890');
    expect(detectPage(url, html('<p>Shop 12345678</p>')).originIds).toEqual([
      { id: '1234567890', marketplace: 'etsy' },
    ]);
  });
});

describe('Stripe', () => {
  const url = new URL('https://dashboard.stripe.com/acct_1AbC/payments/pi_3NtYk2LkdIwHu7ix0abc');
  const doc =
    html(`<dl><dt>Customer email</dt><dd>Maya.Chen@example.net</dd><dt>Description</dt><dd>Northwind Goods - Order 1042</dd>
    <dt>order_number</dt><dd>#1042</dd><dt>Payment method</dt><dd>•••• 4242</dd><dt>Invoice</dt><dd>ABCD1234-0001</dd></dl>
    <p>pi_3NtYk2LkdIwHu7ix0abc cus_OaBcD123 ch_123 txn_456</p>`);

  test('the customer email and the store order from metadata, never Stripe object ids', () => {
    expect(detectPage(url, doc)).toEqual({
      platform: 'stripe',
      kind: 'order',
      orderRefs: ['1042'],
      originIds: [],
      emails: ['maya.chen@example.net'],
    });
  });
});
