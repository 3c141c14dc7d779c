import { describe, expect, test } from 'vitest';
import { detectPage } from '@/lib/detection';
import {
  blockByHeading,
  canonicalEmail,
  canonicalOrderRef,
  columnValues,
  detection,
  emailsIn,
  firstToken,
  valuesAfterLabel,
} from '@/lib/detection/extract';
import { html } from './load-fixture';

describe('canonical forms: an order number without # or spaces, an email in lower case', () => {
  test.each([
    ['#1001', '1001'],
    ['  #BG7228 ', 'BG7228'],
    ['000000123', '000000123'],
    ['# 000000123', '000000123'],
    ['EXAMPLEXY', 'EXAMPLEXY'],
    ['1001 EU', '1001EU'],
    ['##12', '#12'],
    ['wc-2041', 'wc-2041'],
  ])(
    'order number %j → %j (one #, inner spaces removed, case and zeros kept)',
    (printed, canonical) => {
      expect(canonicalOrderRef(printed)).toBe(canonical);
    },
  );

  test.each([
    [' Maya.Chen@Example.NET ', 'maya.chen@example.net'],
    ['mailto:maya.chen@example.net?subject=Order%20%231042', 'maya.chen@example.net'],
    ['MAILTO:maya%2Bshop@example.net', 'maya+shop@example.net'],
    ['w3zz5t1vd8x2kq9@marketplace.amazon.com', 'w3zz5t1vd8x2kq9@marketplace.amazon.com'],
  ])('email %j → %j', (printed, canonical) => {
    expect(canonicalEmail(printed)).toBe(canonical);
  });

  test.each([
    'maya.chen',
    'maya@localhost',
    '@example.net',
    'a..b@example.net',
    '.a@example.net',
    'maya@ex ample.net',
    'mailto:%E0%A4%A',
  ])('%j is no email', (value) => {
    expect(canonicalEmail(value)).toBeNull();
  });

  test.each([
    ['# 000000123 (The order confirmation email was sent)', '000000123'],
    ['#1001.', '1001'],
    [': 113-1234567-1234567', '113-1234567-1234567'],
    ['X/123/Y details', 'X/123/Y'],
    ['', ''],
  ])('the first value printed in %j is %j', (value, token) => {
    expect(firstToken(value)).toBe(token);
  });

  test('a result is de-duplicated and holds only ids the background accepts', () => {
    const found = detection('custom', 'order', {
      orderRefs: ['1042', '1042', 'has space', '<b>', `${'9'.repeat(81)}`, '1043'],
      originIds: [
        { id: '113-1234567-1234567', marketplace: 'amazon' },
        { id: '113-1234567-1234567', marketplace: 'amazon' },
        { id: '113-1234567-1234567', marketplace: 'ebay' },
      ],
      emails: ['a@example.net', 'a@example.net'],
    });
    expect(found).toEqual({
      platform: 'custom',
      kind: 'order',
      orderRefs: ['1042', '1043'],
      originIds: [
        { id: '113-1234567-1234567', marketplace: 'amazon' },
        { id: '113-1234567-1234567', marketplace: 'ebay' },
      ],
      emails: ['a@example.net'],
    });
  });

  test('lists are capped at what one report may carry', () => {
    const refs = Array.from({ length: 600 }, (_, i) => String(1000 + i));
    const emails = Array.from({ length: 150 }, (_, i) => `c${i}@example.net`);
    const found = detection('shopify', 'order-list', { orderRefs: refs, emails });
    expect(found.orderRefs).toHaveLength(500);
    expect(found.emails).toHaveLength(100);
  });
});

describe('the same id printed several times is one id', () => {
  test('WooCommerce: billing link, customer select and hidden edit field', () => {
    const doc =
      html(`<div id="order_data"><h2 class="woocommerce-order-data__heading">Order #1042 details</h2>
      <select id="customer_user"><option selected>Maya Chen (#12 &ndash; Maya.Chen@example.net)</option></select>
      <div class="address"><p><strong>Email address:</strong> <a href="mailto:maya.chen@example.net">maya.chen@example.net</a></p></div>
      <input type="text" id="_billing_email" value="MAYA.CHEN@example.net" /></div>`);
    const url = new URL(
      'https://shop.example/wp-admin/admin.php?page=wc-orders&action=edit&id=1042',
    );
    expect(detectPage(url, doc).emails).toEqual(['maya.chen@example.net']);
  });

  test('a list row linking its order twice reports it once', () => {
    const doc = html(
      `<main><table><tr><td><a href="/store/s/orders/1">#1042</a></td><td><a href="/store/s/orders/1">#1042</a></td></tr></table></main>`,
    );
    expect(detectPage(new URL('https://admin.shopify.com/store/s/orders'), doc).orderRefs).toEqual([
      '1042',
    ]);
  });
});

describe('order-name shapes', () => {
  const url = new URL('https://admin.shopify.com/store/northwind-goods/orders/5523819086117');
  test.each([
    ['#1042', ['1042']],
    ['#BG7228', ['BG7228']],
    ['#1001-EU', ['1001-EU']],
    ['#1042 Paid Unfulfilled', ['1042']],
    ['#1042-F1', []],
    ['#1042-R1', []],
    ['#D12', []],
    ['1042', []],
    ['$1,042.00', []],
    ['#', []],
    ['Orders', []],
  ])('Shopify heading %j gives %j', (heading, refs) => {
    expect(detectPage(url, html(`<main><h1>${heading}</h1></main>`)).orderRefs).toEqual(refs);
  });

  test.each([
    ['#000000123', ['000000123']],
    ['#200000123', ['200000123']],
    ['#000000123456', ['000000123456']],
    ['#WEB-000123', ['WEB-000123']],
    ['Orders', []],
  ])('Magento title %j gives %j (leading zeros and prefixes kept)', (title, refs) => {
    const doc = html(
      `<body class="adminhtml-sales-order-view"><h1 class="page-title">${title}</h1><main id="anchor-content"></main></body>`,
    );
    expect(
      detectPage(new URL('https://shop.example/admin/sales/order/view/order_id/7/'), doc).orderRefs,
    ).toEqual(refs);
  });

  test.each([
    ['Order #1042 details', ['1042']],
    ['Order #WC-2041 details', ['WC-2041']],
    ['Order #X/123/Y details', ['X/123/Y']],
    ['Bestellung #1042 Details', ['1042']],
    ['Commande n°1042 détails', ['1042']],
    ['Order details', []],
  ])('WooCommerce heading %j gives %j', (heading, refs) => {
    const doc = html(
      `<div id="order_data"><h2 class="woocommerce-order-data__heading">${heading}</h2></div>`,
    );
    const url = new URL('https://shop.example/wp-admin/post.php?post=4321&action=edit');
    expect(detectPage(url, doc).orderRefs).toEqual(refs);
  });

  test('WooCommerce 2.x printed the number in p.order_number; today that class holds the payment line', () => {
    const url = new URL('https://shop.example/wp-admin/post.php?post=1001&action=edit');
    const old = html('<div id="order_data"><p class="order_number">Order number #1001.</p></div>');
    expect(detectPage(url, old).orderRefs).toEqual(['1001']);
    const current = html(
      '<div id="order_data"><p class="woocommerce-order-data__meta order_number">Payment via PayPal (#TXN-99). Customer IP: 203.0.113.7</p></div>',
    );
    expect(detectPage(url, current).orderRefs).toEqual([]);
  });
});

describe('label → value', () => {
  test.each([
    ['<p>Order # 000000123 (sent)</p>', '000000123 (sent)'],
    [
      '<dl><dt>Order ID</dt><dd>113-1234567-1234567</dd><dt>Order date</dt><dd>Mar 1</dd></dl>',
      '113-1234567-1234567',
    ],
    ['<table><tr><th>Order ID</th><td>104</td></tr></table>', '104'],
    ['<p><strong>Order ID:</strong> 104</p>', '104'],
    ['<div><span>Order ID: # </span><span>113-1234567-1234567</span></div>', '113-1234567-1234567'],
    [
      '<div><div class="label"><span>Order ID</span></div><div class="value">104</div></div>',
      '104',
    ],
  ])('%s', (markup, value) => {
    expect(valuesAfterLabel(html(markup).body, /^Order\s*(?:#|ID)\s*:?\s*#?\s*/i)).toEqual([value]);
  });

  test('a wrapper whose text runs its children together is not read as a label', () => {
    const doc = html('<div><p>Order # 000000123</p><p>Customer Email</p></div>');
    expect(valuesAfterLabel(doc.body, /^Order\s*#\s*/i)).toEqual(['000000123']);
  });

  test('labels in the page header or navigation are not read', () => {
    const doc = html(
      '<header><span>Order ID</span><span>999</span></header><main><span>Order ID</span><span>104</span></main>',
    );
    expect(valuesAfterLabel(doc.body, /^Order ID\s*/)).toEqual(['104']);
  });

  test('a table column by its header', () => {
    const doc = html(`<table><thead><tr><th></th><th>ID</th><th>Total</th></tr></thead>
      <tbody><tr><td><input type="checkbox" value="321" /></td><td>000000123</td><td>€19.00</td></tr><tr><td></td><td>000000122</td><td>€9.00</td></tr></tbody></table>`);
    expect(columnValues(doc.body, /^ID$/)).toEqual(['000000123', '000000122']);
    expect(columnValues(doc.body, /^Reference$/)).toEqual([]);
  });
});

describe('customer blocks and emails', () => {
  const doc = html(`<header><span>dana@northwind.example</span></header>
    <main><h1>#1042</h1>
      <div><div><h2>Notes</h2><p>cc accounts@mayaco.example</p></div>
        <div><header><h2>Customer</h2></header><p><button>Maya.Chen@example.net</button></p><h3>Contact information</h3><p>+1 555 010 2233</p></div>
      </div>
    </main>
    <footer>orders@northwind.example</footer>`);

  test('the block a heading titles stops before the next card, the page header and footer', () => {
    const block = blockByHeading(doc.body, /^customer$/i)!;
    expect(block.textContent).toContain('Contact information');
    expect(block.textContent).not.toContain('Notes');
  });

  test('emails come from the block’s text, mailto links and email inputs, never the page chrome or a note', () => {
    expect(emailsIn(blockByHeading(doc.body, /^customer$/i))).toEqual(['maya.chen@example.net']);
    expect(emailsIn(doc)).toEqual(['maya.chen@example.net']);
    const form = html(
      '<form><input type="email" value="Leo@Example.org" /><a href="mailto:leo@example.org">Leo</a></form>',
    );
    expect(emailsIn(form.body)).toEqual(['leo@example.org', 'leo@example.org']);
  });

  test('a card’s own header is part of the card, not page chrome', () => {
    const card = html(
      '<main><section><header><h2>Customer</h2><a href="mailto:maya@example.net">maya@example.net</a></header></section></main>',
    );
    expect(emailsIn(card.body)).toEqual(['maya@example.net', 'maya@example.net']);
  });

  test.each([
    ['a note inside the customer card', '<h3>Note</h3><p>Her sister: lena@example.org</p>'],
    [
      'the customer’s own note',
      '<p class="order_note"><strong>Customer provided note:</strong> lena@example.org</p>',
    ],
    ['a note field', '<textarea>lena@example.org</textarea>'],
    [
      'a mailto link in messages',
      '<div id="messagesCard"><a href="mailto:lena@example.org">Lena</a></div>',
    ],
    [
      'an input in a comment form',
      '<div class="edit-order-comments"><input type="email" value="lena@example.org" /></div>',
    ],
    ['a timeline', '<section><h3>Timeline</h3><p>Comment: write to lena@example.org</p></section>'],
    [
      'a message count in the heading',
      '<section><h3>Messages (2)</h3><p>lena@example.org</p></section>',
    ],
  ])('%s is never read as the customer’s', (_, markup) => {
    const page = html(
      `<main><section><h2>Customer</h2><h3>Contact</h3><a href="mailto:maya@example.net">maya@example.net</a>${markup}</section></main>`,
    );
    expect(emailsIn(blockByHeading(page.body, /^customer$/i))).toEqual([
      'maya@example.net',
      'maya@example.net',
    ]);
  });

  test('a label inside a comment gives no value', () => {
    const page = html(`<main><p>Order # 000000123</p>
      <ul class="note-list"><li><div>Order # 000000099 was replaced by this one.</div></li></ul></main>`);
    expect(valuesAfterLabel(page.body, /^Order\s*#\s*/)).toEqual(['000000123']);
  });
});
