// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { classifyLink, classifyText, describeTerm, type SearchTerm } from '@/lib/lookup/classify';
import { english } from '../i18n/locales';

const order = (ref: string): SearchTerm => ({ kind: 'order', ref });
const email = (address: string): SearchTerm => ({ kind: 'email', email: address });
const amazon = (id: string): SearchTerm => ({ kind: 'marketplace', marketplace: 'amazon', id });
const ebay = (id: string): SearchTerm => ({ kind: 'marketplace', marketplace: 'ebay', id });
const conversation = (slug: string): SearchTerm => ({ kind: 'conversation', slug });
const reference = (id: string): SearchTerm => ({ kind: 'reference', id });

describe('classifyText: what was typed or selected', () => {
  test.each<[string, SearchTerm[]]>([
    ['Maya.Chen@Example.net', [email('maya.chen@example.net')]],
    ['  1042 ', [order('1042')]],
    ['#1042', [order('1042')]],
    ['#BG7228', [order('BG7228')]],
    ['Order #1001-EU', [order('1001-EU')]],
    ['Order number: 1042', [order('1042')]],
    ['113-1234567-1234567', [amazon('113-1234567-1234567')]],
    ['D01-7654321-7654321', [amazon('D01-7654321-7654321')]],
    ['12-34567-89012', [ebay('12-34567-89012')]],
    ['where-is-order-1042', [order('where-is-order-1042')]],
    ['ABCDEF', [reference('ABCDEF')]],
    [
      'https://northwind.reamaze.com/admin/conversations/where-is-order-1042?tab=notes',
      [conversation('where-is-order-1042')],
    ],
    ['mailto:maya.chen@example.net?subject=Order', [email('maya.chen@example.net')]],
  ])('%j', (text, expected) => {
    expect(classifyText(text)).toEqual(expected);
  });

  test('a selected sentence gives each id it names, links and emails first', () => {
    const text =
      'Hi, Maya Chen (maya.chen@example.net) asks about order #1042 and Amazon order 113-1234567-1234567, see https://northwind.reamaze.io/admin/conversations/where-is-order-1042';
    expect(classifyText(text)).toEqual([
      conversation('where-is-order-1042'),
      email('maya.chen@example.net'),
      amazon('113-1234567-1234567'),
      order('1042'),
    ]);
  });

  test('a prefix forces the kind', () => {
    expect(classifyText('amazon: 113-1234567-1234567')).toEqual([amazon('113-1234567-1234567')]);
    expect(classifyText('etsy:3012345678')).toEqual([
      { kind: 'marketplace', marketplace: 'etsy', id: '3012345678' },
    ]);
    expect(classifyText('ebay:123456789012-1234567890123')).toEqual([
      ebay('123456789012-1234567890123'),
    ]);
    expect(classifyText('order:#1042')).toEqual([order('1042')]);
    expect(classifyText('ref:ABCDEF')).toEqual([reference('ABCDEF')]);
    expect(classifyText('slug:where-is-order-1042')).toEqual([conversation('where-is-order-1042')]);
    expect(classifyText('EMAIL: Maya.Chen@example.net')).toEqual([email('maya.chen@example.net')]);
  });

  test('a forced kind with a value of the wrong shape searches nothing', () => {
    expect(classifyText('email: not-an-email')).toEqual([]);
    expect(classifyText('order: two words')).toEqual([]);
  });

  describe('decoys are not taken for ids', () => {
    test.each<[string, SearchTerm[]]>([
      // A phone number has the eBay id's dashes but not its digit counts.
      ['Call +1 555-123-4567 after 5pm', [reference('Call +1 555-123-4567 after 5pm')]],
      ['Shipped 2024-03-04, total $104.20', [reference('Shipped 2024-03-04, total $104.20')]],
      // Fulfilment, return and draft names share the order-name shape.
      ['#1001-F1', []],
      ['#D12', []],
      // An eBay-looking run inside a longer number is part of that number.
      ['Tracking 9400111-12-34567-890123', [reference('Tracking 9400111-12-34567-890123')]],
      // A conversation link on another host is no Re:amaze link.
      ['https://example.com/admin/conversations/x', []],
    ])('%j', (text, expected) => {
      expect(classifyText(text)).toEqual(expected);
    });

    test('text too long to be an id, with nothing recognisable, searches nothing', () => {
      expect(classifyText('lorem ipsum dolor sit amet '.repeat(5))).toEqual([]);
    });

    test('a pasted paragraph gives at most five terms', () => {
      const many = Array.from({ length: 12 }, (_, i) => `#${1000 + i}`).join(' ');
      expect(classifyText(many)).toHaveLength(5);
    });
  });
});

describe('classifyLink: a right-clicked link', () => {
  test('marketplace and BigCommerce order URLs name the order themselves', () => {
    expect(
      classifyLink(
        'https://sellercentral.amazon.com/orders-v3/order/113-1234567-1234567',
        'Details',
      ),
    ).toEqual([amazon('113-1234567-1234567')]);
    expect(
      classifyLink('https://www.ebay.com/mesh/ord/details?mode=SH&orderid=12-34567-89012', ''),
    ).toEqual([ebay('12-34567-89012')]);
    expect(classifyLink('https://www.etsy.com/your/orders/sold?order_id=3012345678', '')).toEqual([
      { kind: 'marketplace', marketplace: 'etsy', id: '3012345678' },
    ]);
    expect(
      classifyLink('https://store-ab12cd34.mybigcommerce.com/manage/orders/104', 'View'),
    ).toEqual([order('104')]);
  });

  test('a Shopify order URL holds an internal id, so its text names the order', () => {
    const url = 'https://admin.shopify.com/store/northwind-goods/orders/5523819086117';
    expect(classifyLink(url, ' #1042 ')).toEqual([order('1042')]);
    expect(classifyLink(url, '#1042 Maya Chen')).toEqual([order('1042')]);
    // Never the internal id, and never a fulfilment name.
    expect(classifyLink(url, 'View order')).toEqual([]);
    expect(classifyLink(url, '#1042-F1')).toEqual([]);
  });

  test('Re:amaze conversation links and mailto links', () => {
    expect(
      classifyLink('https://northwind.reamaze.com/admin/conversations/where-is-order-1042', 'Open'),
    ).toEqual([conversation('where-is-order-1042')]);
    expect(classifyLink('mailto:Maya.Chen@example.net', 'Maya')).toEqual([
      email('maya.chen@example.net'),
    ]);
  });

  test('any other link is classified by its text', () => {
    expect(classifyLink('https://mail.example.com/thread/77', 'Re: order #1042')).toEqual([
      order('1042'),
    ]);
    expect(classifyLink('https://example.com/', '')).toEqual([]);
  });
});

describe('describeTerm', () => {
  test('says what is searched, with the marketplace channel where known', () => {
    const id = amazon('113-1234567-1234567');
    expect(describeTerm(english.t, id, { amazon: 'amazon-us' })).toBe(
      'Amazon order 113-1234567-1234567 in channel amazon-us',
    );
    expect(describeTerm(english.t, id, {})).toBe(
      'Amazon order 113-1234567-1234567 (no channel chosen)',
    );
    expect(describeTerm(english.t, id)).toBe('Amazon order 113-1234567-1234567');
    expect(describeTerm(english.t, order('1042'))).toBe('order #1042');
    expect(describeTerm(english.t, email('maya@example.net'))).toBe(
      'customer email maya@example.net',
    );
  });
});
