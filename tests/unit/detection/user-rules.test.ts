import { describe, expect, test } from 'vitest';
import { detectPage } from '@/lib/detection';
import type { UserRule } from '@/lib/settings/schema';
import {
  detectWithRules,
  globMatches,
  matchesPattern,
  tabsForRule,
  testRule,
} from '@/lib/detection/user-rules';
import { fixture, html } from './load-fixture';

describe('match patterns (WebExtension semantics)', () => {
  test.each([
    ['https://shop.example/admin/*', 'https://shop.example/admin/orders/77', true],
    ['https://shop.example/admin/*', 'https://shop.example/admin/', true],
    ['https://shop.example/admin/*', 'https://shop.example/admins', false],
    ['https://shop.example/admin/*', 'http://shop.example/admin/orders/77', false],
    ['https://shop.example/admin/*', 'https://other.example/admin/orders/77', false],
    ['https://shop.example/admin/*', 'https://sub.shop.example/admin/orders/77', false],
    ['*://shop.example/*', 'http://shop.example/x', true],
    ['*://shop.example/*', 'https://shop.example/x', true],
    ['*://shop.example/*', 'ftp://shop.example/x', false],
    ['https://*.example.com/orders/*', 'https://a.example.com/orders/1', true],
    ['https://*.example.com/orders/*', 'https://a.b.example.com/orders/1', true],
    ['https://*.example.com/orders/*', 'https://example.com/orders/1', true],
    ['https://*.example.com/orders/*', 'https://evil-example.com/orders/1', false],
    ['https://*.example.com/orders/*', 'https://example.com.evil.net/orders/1', false],
    ['https://*/orders/*', 'https://anything.example/orders/1', true],
    ['https://shop.example/orders', 'https://shop.example/orders', true],
    ['https://shop.example/orders', 'https://shop.example/orders?page=2', false],
    ['https://shop.example/orders*', 'https://shop.example/orders?page=2', true],
    [
      'https://shop.example/admin/post.php?*',
      'https://shop.example/admin/post.php?post=1&action=edit',
      true,
    ],
    ['https://shop.example/admin/*/edit', 'https://shop.example/admin/orders/77/edit', true],
    ['https://shop.example/admin/*/edit', 'https://shop.example/admin/orders/77/view', false],
    ['https://Shop.Example/*', 'https://shop.example/x', true],
    ['https://shop.example:8443/*', 'https://shop.example:8443/x', true],
    ['https://shop.example/a.b/*', 'https://shop.example/aXb/1', false],
    ['https://shop.example/*', 'https://shop.example/x#frag', true],
    ['not a pattern', 'https://shop.example/x', false],
    ['https://shop.example', 'https://shop.example/', false],
    ['<all_urls>', 'https://shop.example/', false],
  ])('%s on %s → %s', (pattern, url, matches) => {
    expect(matchesPattern(pattern, new URL(url))).toBe(matches);
  });

  test.each([
    ['/a*b*c', '/axxbyyc', true],
    ['/a*b*c', '/axxcyyb', false],
    ['/ab*ba', '/aba', false], // the start and the end may not share characters
    ['/ab*ba', '/abba', true],
    ['*', '', true],
    ['/**/x', '//x', true],
    ['/**/x', '/x', false],
  ])('glob %s on %s → %s', (glob, value, matches) => {
    expect(globMatches(glob, value)).toBe(matches);
  });

  test('a long address against many stars is one pass, not a backtracking search', () => {
    // As the regex `^/.*a.*a.*a.*b$` this took seconds on 400 a's, growing as the fourth power.
    const pattern = 'https://shop.example/*a*a*a*b';
    const url = new URL(`https://shop.example/${'a'.repeat(400)}`);
    const started = performance.now();
    expect(matchesPattern(pattern, url)).toBe(false);
    expect(matchesPattern(pattern, new URL(`${url.href}b`))).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('rules', () => {
  const url = new URL('https://legacy.northwind.example/admin/order/77');
  const doc = html(`<header>Signed in as dana@northwind.example</header>
    <main><h1 id="order-number">Order #A-77</h1>
      <p>Customer: <a class="customer" href="mailto:Buyer@Example.net">Buyer</a></p>
      <input id="buyer-email" type="text" value="buyer@example.net" />
      <p class="marketplace">Amazon order 113-1234567-1234567</p>
      <p>Invoice #INV-9 &middot; Phone 555-0102</p>
    </main>
    <footer>orders@northwind.example</footer>`);
  const rule = (overrides: Partial<UserRule>): UserRule => ({
    id: 'r1',
    name: 'Legacy admin',
    urlPattern: 'https://legacy.northwind.example/admin/order/*',
    kind: 'order',
    target: 'orderRef',
    ...overrides,
  });

  test('a selector takes the element’s text, an input’s value or a mailto link’s address', () => {
    const rules = [
      rule({ selector: '#order-number', regex: '#(\\S+)' }),
      rule({ id: 'r2', target: 'email', selector: 'a.customer' }),
      rule({ id: 'r3', target: 'email', selector: '#buyer-email' }),
    ];
    expect(detectPage(url, doc, rules)).toEqual({
      platform: 'custom',
      kind: 'order',
      orderRefs: ['A-77'],
      originIds: [],
      emails: ['buyer@example.net'],
    });
  });

  test('a regex alone runs over the page text, not its header or footer; the first group or the whole match', () => {
    expect(detectWithRules(url, doc, [rule({ regex: 'Order #(\\S+)' })])?.orderRefs).toEqual([
      'A-77',
    ]);
    expect(detectWithRules(url, doc, [rule({ regex: 'A-\\d+' })])?.orderRefs).toEqual(['A-77']);
    const emails = detectWithRules(url, doc, [rule({ target: 'email', regex: '[\\w.]+@[\\w.]+' })]);
    expect(emails?.emails).toEqual([]); // the body text has no address; header and footer are skipped
  });

  test('marketplace ids keep their form and their marketplace', () => {
    const found = detectWithRules(url, doc, [
      rule({
        target: 'originId',
        marketplace: 'amazon',
        selector: '.marketplace',
        regex: '\\d{3}-\\d{7}-\\d{7}',
      }),
    ]);
    expect(found?.originIds).toEqual([{ id: '113-1234567-1234567', marketplace: 'amazon' }]);
    expect(
      detectWithRules(url, doc, [rule({ target: 'originId', selector: '.marketplace' })])
        ?.originIds,
    ).toEqual([]);
  });

  test('values that are no email, empty or unsafe are dropped', () => {
    const found = detectWithRules(url, doc, [
      rule({ target: 'email', selector: '#order-number' }),
      rule({ id: 'r2', selector: '.nothing-here' }),
      rule({ id: 'r3', regex: '(Order #A-77)' }),
    ]);
    expect(found).toMatchObject({ orderRefs: ['Order#A-77'], emails: [] });
  });

  test('a regex alone reads the page’s first 10,000 characters', () => {
    const filler = 'lorem '.repeat(1_600); // 9,600 characters
    const page = html(
      `<main><p>${filler}</p><p>Order #A-1</p><p>${filler}</p><p>Order #A-2</p></main>`,
    );
    expect(detectWithRules(url, page, [rule({ regex: 'Order #(\\S+)' })])?.orderRefs).toEqual([
      'A-1',
    ]);
  });

  test('a selected element is read to its first 1,000 characters, all of them to 10,000', () => {
    const row = (n: number) => `<p class="row">Order #B-${n} ${'x'.repeat(980)}</p>`;
    const rows = Array.from({ length: 12 }, (_, i) => row(i + 1)).join('');
    const late = `<p class="late">${'y '.repeat(500)}Order #C-1</p>`;
    const page = html(`<main>${rows}${late}</main>`);
    const found = detectWithRules(url, page, [
      rule({ selector: '.row', regex: 'Order #(\\S+)' }),
      rule({ id: 'r2', selector: '.late', regex: 'Order #(\\S+)' }),
    ]);
    // Rows are 991 or 992 characters: ten take 9,911, the eleventh is cut to 89, the twelfth unread.
    expect(found?.orderRefs).toEqual([
      'B-1',
      'B-2',
      'B-3',
      'B-4',
      'B-5',
      'B-6',
      'B-7',
      'B-8',
      'B-9',
      'B-10',
      'B-11',
    ]);
  });

  test('an accepted but quadratic regex stays fast on hostile page text', () => {
    // `[\w.+-]+@` restarts at every letter of a long word: 100,000 letters took seconds.
    const page = html(`<main><p>${'a'.repeat(100_000)}</p><p>buyer@example.net</p></main>`);
    const found = detectWithRules(url, page, [
      rule({ target: 'email', regex: '[\\w.+-]+@[\\w-]+\\.[\\w.]+' }),
    ]);
    // The address after the cap is not read; the test's time limit catches an uncapped scan.
    expect(found?.emails).toEqual([]);
  }, 5_000);

  test.each([
    ['an unbalanced regex', { regex: '(' }],
    ['an invalid selector', { selector: '###' }],
    ['a selector the engine rejects', { selector: 'p:has-text(x)' }],
  ])('%s finds nothing and never throws', (_, broken) => {
    const rules = [rule(broken), rule({ id: 'r2', selector: '#order-number', regex: '#(\\S+)' })];
    expect(() => detectPage(url, doc, rules)).not.toThrow();
    expect(detectPage(url, doc, rules).orderRefs).toEqual(['A-77']);
  });

  test('no matching rule is null, and the page is then nothing', () => {
    const elsewhere = new URL('https://elsewhere.example/admin/order/77');
    expect(detectWithRules(elsewhere, doc, [rule({ selector: 'h1' })])).toBeNull();
    expect(detectPage(elsewhere, doc, [rule({ selector: 'h1' })]).kind).toBe('none');
  });

  test('on a platform’s page, matching rules add their ids to the platform’s', () => {
    const shopify = 'https://admin.shopify.com/store/northwind-goods/orders/5523819086117';
    const extra = rule({
      urlPattern: 'https://admin.shopify.com/store/*/orders/*',
      target: 'email',
      selector: '._Card_4xk1p_1 p',
      regex: 'accounts@[\\w.]+',
    });
    expect(detectPage(new URL(shopify), fixture('shopify-order'), [extra])).toEqual({
      platform: 'shopify',
      kind: 'order',
      orderRefs: ['1042'],
      originIds: [],
      emails: ['maya.chen@example.net', 'accounts@mayaco.example'],
      customerName: 'Maya Chen',
    });
  });

  test('on a platform’s non-order page, a matching rule stands alone', () => {
    const settings = new URL('https://admin.shopify.com/store/northwind-goods/settings/general');
    const found = detectPage(settings, html('<main><p id="ref">#1042</p></main>'), [
      rule({ urlPattern: 'https://admin.shopify.com/*', kind: 'customer', selector: '#ref' }),
    ]);
    expect(found).toEqual({
      platform: 'custom',
      kind: 'customer',
      orderRefs: ['1042'],
      originIds: [],
      emails: [],
    });
  });
});

describe('a rule preview', () => {
  const refs: UserRule = {
    id: 'p1',
    name: 'Order numbers',
    urlPattern: 'https://shop.example/admin/*',
    kind: 'order-list',
    target: 'orderRef',
    selector: '.ref',
  };

  test('names the page, whether the pattern matches it, and the first hundred ids', () => {
    const rows = Array.from({ length: 150 }, (_, i) => `<p class="ref">#${1000 + i}</p>`);
    const url = new URL('https://shop.example/admin/orders?page=2');
    const found = testRule(refs, url, html(`<main>${rows.join('')}</main>`));
    expect(found).toMatchObject({ url: url.href, matched: true, originIds: [], emails: [] });
    expect(found.orderRefs).toHaveLength(100);
    expect(found.orderRefs[0]).toBe('1000');
  });

  test('on a page its pattern does not match, it says so and finds nothing', () => {
    const found = testRule(refs, new URL('https://other.example/'), html('<p class="ref">#1</p>'));
    expect(found).toEqual({
      url: 'https://other.example/',
      matched: false,
      orderRefs: [],
      originIds: [],
      emails: [],
    });
  });

  test('a very long address is cut to 2,000 characters', () => {
    const url = new URL(`https://shop.example/admin/?q=${'x'.repeat(3000)}`);
    expect(testRule(refs, url, html('')).url).toHaveLength(2000);
  });

  test('runs first in the store tabs its pattern matches, else in the order given', () => {
    const tabs = [
      { id: 1, url: 'https://other.example/a' },
      { id: 2, url: 'not a url' },
      { id: 3, url: 'https://shop.example/admin/orders' },
    ];
    expect(tabsForRule(refs, tabs).map((tab) => tab.id)).toEqual([3, 1, 2]);
  });
});
