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
