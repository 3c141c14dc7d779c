import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { detectPage, hasIds, platforms, STATIC_HOST_MATCHES } from '@/lib/detection';
import { matchesPattern } from '@/lib/detection/user-rules';
import type { UserRule } from '@/lib/settings/schema';

function page(file: string): Document {
  const folder = file === 'shopify-spa.html' ? 'e2e' : 'pages';
  return new DOMParser().parseFromString(
    readFileSync(`tests/fixtures/${folder}/${file}`, 'utf8'),
    'text/html',
  );
}

/** A Shopify SPA fixture rendered the way its script renders it, for one view. */
function shopifyView(view: 'list' | 'order'): Document {
  const doc = page('shopify-spa.html');
  const template = doc.getElementById(view) as HTMLTemplateElement;
  doc.getElementById('AppFrameMain')!.innerHTML = template.innerHTML;
  return doc;
}

const SHOPIFY_ORDER = new URL(
  'https://admin.shopify.com/store/northwind-goods/orders/5523819086117',
);
const SHOPIFY_LIST = new URL('https://admin.shopify.com/store/northwind-goods/orders');

describe('platform registry', () => {
  test.each(platforms.flatMap((p) => p.examples.map((e) => [p.id, e.url, e.kind] as const)))(
    '%s: %s is %s, and no other platform claims it',
    (id, url, kind) => {
      const own = platforms.find((p) => p.id === id)!;
      expect(own.pageKind(new URL(url))).toBe(kind);
      for (const other of platforms.filter((p) => p.id !== id)) {
        expect(other.pageKind(new URL(url))).toBe('none');
      }
    },
  );

  test('hosted admins are in the static matches; self-hosted ones are not', () => {
    for (const platform of platforms) {
      const url = new URL(platform.examples[0]!.url);
      const covered = STATIC_HOST_MATCHES.some((pattern) => matchesPattern(pattern, url));
      expect(covered, platform.id).toBe(!platform.selfHosted);
    }
  });
});

describe('Shopify', () => {
  test('an order page gives the order name from the heading and the customer email', () => {
    expect(detectPage(SHOPIFY_ORDER, shopifyView('order'))).toEqual({
      platform: 'shopify',
      kind: 'order',
      orderRefs: ['1042'],
      originIds: [],
      emails: ['maya.chen@example.net'],
      customerName: 'Maya Chen',
    });
  });

  test('never the URL id, the agent’s own email, phones or tracking numbers', () => {
    const found = JSON.stringify(detectPage(SHOPIFY_ORDER, shopifyView('order')));
    for (const decoy of ['5523819086117', 'dana@northwind.example', '555', '1Z999AA10123456784']) {
      expect(found).not.toContain(decoy);
    }
  });

  test('a list page gives each row’s order name', () => {
    expect(detectPage(SHOPIFY_LIST, shopifyView('list'))).toMatchObject({
      kind: 'order-list',
      orderRefs: ['1042'],
    });
  });

  test.each(['#1042-F1', '#1042-R1', '#D12', '$42.00', '1042'])(
    '%s in a heading is no order name',
    (heading) => {
      const doc = new DOMParser().parseFromString(`<main><h1>${heading}</h1></main>`, 'text/html');
      expect(detectPage(SHOPIFY_ORDER, doc).orderRefs).toEqual([]);
    },
  );

  test('a products page is not scanned, whatever it contains', () => {
    const url = new URL('https://admin.shopify.com/store/northwind-goods/products');
    expect(hasIds(detectPage(url, page('shopify-products.html')))).toBe(false);
  });
});

describe('Amazon Seller Central', () => {
  const url = new URL('https://sellercentral.amazon.com/orders-v3/order/113-1234567-1234567');

  test('an order page gives its order id as an Amazon marketplace id, and the buyer’s name', () => {
    expect(detectPage(url, page('amazon-order.html'))).toEqual({
      platform: 'amazon',
      kind: 'order',
      orderRefs: [],
      originIds: [{ id: '113-1234567-1234567', marketplace: 'amazon' }],
      emails: [],
      customerName: 'Priya Natarajan',
    });
  });

  test('a list gives every linked order id', () => {
    const doc = new DOMParser().parseFromString(
      '<div id="MYO-app"><a href="/orders-v3/order/111-1111111-1111111">x</a><a href="/orders-v3/order/222-2222222-2222222">y</a><span>B0ABCDEF12</span></div>',
      'text/html',
    );
    expect(
      detectPage(new URL('https://sellercentral.amazon.co.uk/orders-v3/mfn/unshipped'), doc)
        .originIds,
    ).toEqual([
      { id: '111-1111111-1111111', marketplace: 'amazon' },
      { id: '222-2222222-2222222', marketplace: 'amazon' },
    ]);
  });
});

describe('WooCommerce', () => {
  const url = new URL(
    'https://shop.northwind.example/wp-admin/admin.php?page=wc-orders&action=edit&id=1042',
  );

  test('the heading’s order number and the billing email, found three times, looked up once', () => {
    expect(detectPage(url, page('woocommerce-order-hpos.html'))).toEqual({
      platform: 'woocommerce',
      kind: 'order',
      orderRefs: ['1042'],
      originIds: [],
      emails: ['maya.chen@example.net'],
      customerName: 'Maya Chen',
    });
  });

  test('post.php counts only when it edits an order', () => {
    const postUrl = new URL(
      'https://shop.northwind.example/wp-admin/post.php?post=1042&action=edit',
    );
    expect(detectPage(postUrl, page('woocommerce-order-hpos.html')).kind).toBe('order');
    const blogPost = new DOMParser().parseFromString(
      '<h1>Edit Post</h1><a href="mailto:a@b.example">a</a>',
      'text/html',
    );
    expect(detectPage(postUrl, blogPost).kind).toBe('none');
  });

  test('a numbering plugin’s order number wins over the post id', () => {
    const doc = new DOMParser().parseFromString(
      '<div id="order_data"><h2 class="woocommerce-order-data__heading">Order #WC-2041 details</h2></div>',
      'text/html',
    );
    expect(detectPage(url, doc).orderRefs).toEqual(['WC-2041']);
  });
});

describe('user rules', () => {
  const rule: UserRule = {
    id: 'r1',
    name: 'Legacy admin',
    urlPattern: 'https://legacy.northwind.example/admin/order/*',
    kind: 'order',
    target: 'orderRef',
    selector: '#order-number',
  };
  const doc = new DOMParser().parseFromString(
    '<p id="order-number">#A-77</p><p>Contact: <a href="mailto:Buyer@Example.net">mail</a></p>',
    'text/html',
  );
  const url = new URL('https://legacy.northwind.example/admin/order/77');

  test('match patterns follow WebExtension rules', () => {
    expect(
      matchesPattern('https://*.example.com/orders/*', new URL('https://a.example.com/orders/1')),
    ).toBe(true);
    expect(
      matchesPattern('https://*.example.com/orders/*', new URL('https://example.com/orders/1')),
    ).toBe(true);
    expect(
      matchesPattern(
        'https://*.example.com/orders/*',
        new URL('https://evil-example.com/orders/1'),
      ),
    ).toBe(false);
    expect(matchesPattern('*://shop.example/*', new URL('http://shop.example/x'))).toBe(true);
    expect(matchesPattern('https://shop.example/*', new URL('http://shop.example/x'))).toBe(false);
  });

  test('a selector rule and a regex rule extract their targets', () => {
    const email: UserRule = { ...rule, id: 'r2', target: 'email', selector: 'a[href^="mailto:"]' };
    expect(detectPage(url, doc, [rule, email])).toMatchObject({
      platform: 'custom',
      orderRefs: ['A-77'],
      emails: ['buyer@example.net'],
    });
    const regex: UserRule = { ...rule, selector: undefined, regex: '#(A-\\d+)' };
    expect(detectPage(url, doc, [regex]).orderRefs).toEqual(['A-77']);
  });

  test('a broken regex or selector is skipped, never thrown', () => {
    expect(detectPage(url, doc, [{ ...rule, regex: '(' }]).orderRefs).toEqual([]);
    expect(detectPage(url, doc, [{ ...rule, selector: '###' }]).orderRefs).toEqual([]);
  });

  test('rules for other sites do nothing', () => {
    expect(detectPage(new URL('https://elsewhere.example/admin/order/77'), doc, [rule]).kind).toBe(
      'none',
    );
  });
});

test('a page no platform or rule claims is not read at all', () => {
  const untouchable = new Proxy({} as Document, {
    get() {
      throw new Error('the document was read');
    },
  });
  expect(detectPage(new URL('https://news.example.com/article/1042'), untouchable)).toMatchObject({
    kind: 'none',
  });
  expect(
    detectPage(new URL('https://admin.shopify.com/store/x/settings'), untouchable),
  ).toMatchObject({ kind: 'none' });
});
