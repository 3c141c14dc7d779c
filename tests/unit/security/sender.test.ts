import { describe, expect, test } from 'vitest';
import { classifySender } from '@/lib/security/sender';

const self = { id: 'abcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnop' };

describe('classifySender', () => {
  test('the popup or options page (no tab) is an extension page', () => {
    expect(
      classifySender({ id: self.id, origin: self.origin, url: `${self.origin}/popup.html` }, self),
    ).toBe('extensionPage');
  });

  test('an extension page in a tab or iframe is still an extension page', () => {
    expect(
      classifySender(
        { id: self.id, origin: self.origin, url: `${self.origin}/sidebar.html`, tab: {} },
        self,
      ),
    ).toBe('extensionPage');
  });

  test('Firefox-style senders without origin are judged by their URL', () => {
    expect(classifySender({ id: self.id, url: `${self.origin}/options.html` }, self)).toBe(
      'extensionPage',
    );
  });

  test('our content script on a store page is a content script', () => {
    expect(
      classifySender(
        {
          id: self.id,
          origin: 'https://admin.shopify.com',
          url: 'https://admin.shopify.com/store/x',
          tab: {},
        },
        self,
      ),
    ).toBe('contentScript');
  });

  test('a page claiming the extension URL but stamped with its own origin is not an extension page', () => {
    expect(
      classifySender(
        { id: self.id, origin: 'https://evil.example', url: `${self.origin}/popup.html`, tab: {} },
        self,
      ),
    ).toBe('contentScript');
  });

  test('another extension, or anything without a tab or our origin, is foreign', () => {
    expect(classifySender({ id: 'other', origin: 'chrome-extension://other' }, self)).toBe(
      'foreign',
    );
    expect(classifySender({ id: self.id, origin: 'https://evil.example' }, self)).toBe('foreign');
    expect(classifySender({}, self)).toBe('foreign');
  });
});

/**
 * Every kind of sender the browser can stamp, written out with the class it must get. A sender
 * whose `id` is not ours is foreign whatever else it claims: the id is the one field another
 * extension cannot choose, and `origin`/`url`/`tab` alone do not tell our pages from its.
 */
const us = { id: 'abcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnop' };
const senders: [name: string, sender: Record<string, unknown>, expected: string][] = [
  ['our popup', { id: us.id, origin: us.origin, url: `${us.origin}/popup.html` }, 'extensionPage'],
  [
    'our options page in a tab',
    { id: us.id, origin: us.origin, url: `${us.origin}/options.html`, tab: { id: 3 } },
    'extensionPage',
  ],
  [
    'our sidebar iframe in a store tab',
    { id: us.id, origin: us.origin, url: `${us.origin}/sidebar.html`, tab: { id: 4 }, frameId: 2 },
    'extensionPage',
  ],
  [
    'our content script on a store page',
    {
      id: us.id,
      origin: 'https://admin.shopify.com',
      url: 'https://admin.shopify.com/store/x/orders/1',
      tab: { id: 4 },
      frameId: 0,
    },
    'contentScript',
  ],
  [
    "another extension's page claiming our origin",
    { id: 'zyxwvutsrqponmlk', origin: us.origin, url: `${us.origin}/popup.html` },
    'foreign',
  ],
  [
    "another extension's page claiming our URL only",
    { id: 'zyxwvutsrqponmlk', url: `${us.origin}/options.html` },
    'foreign',
  ],
  [
    "another extension's content script in a store tab",
    {
      id: 'zyxwvutsrqponmlk',
      origin: 'https://admin.shopify.com',
      url: 'https://admin.shopify.com/store/x',
      tab: { id: 4 },
    },
    'foreign',
  ],
  [
    "another extension's page in a tab, claiming our origin",
    { id: 'zyxwvutsrqponmlk', origin: us.origin, tab: { id: 5 } },
    'foreign',
  ],
  [
    'a web page claiming our origin, without an id',
    { origin: us.origin, url: `${us.origin}/popup.html`, tab: { id: 6 } },
    'foreign',
  ],
  [
    'a web page in a tab, without an id',
    { origin: 'https://evil.example', url: 'https://evil.example/', tab: { id: 6 } },
    'foreign',
  ],
  ['nothing stamped at all', {}, 'foreign'],
];

describe('classifySender: the sender table', () => {
  test.each(senders)('%s', (_name, sender, expected) => {
    expect(classifySender(sender, us)).toBe(expected);
  });
});
