import type { PlatformDetector } from '../types';
import { detection, text } from '../extract';

const TLDS = 'com|ca|com\\.mx|com\\.br|co\\.uk|de|fr|it|es|nl|se|pl|com\\.tr|ae|sa|in|co\\.jp|com\\.au|sg';
const HOST = new RegExp(`^(?:sellercentral\\.amazon\\.(?:${TLDS})|sellercentral-(?:europe|japan)\\.amazon\\.com)$`);
const ORDER = /^\/orders-v3\/order\/(D?\d{2,3}-\d{7}-\d{7})(?:\/(?:confirm-shipment|buy-shipping))?\/?$/;
const ORDER_LIST = /^\/orders-v3(?:\/(?:mfn|fba)\/[a-z-]+|\/pending)?\/?$|^\/gp\/orders-v2\/list\/?$/;
export const AMAZON_ORDER_ID = /^(?:\d{3}|D\d{2})-\d{7}-\d{7}$/;

export const amazonTlds = TLDS.split('|').map((tld) => tld.replace(/\\\./g, '.'));

export const amazon: PlatformDetector = {
  id: 'amazon',
  name: 'Amazon Seller Central',
  selfHosted: false,
  examples: [
    { url: 'https://sellercentral.amazon.com/orders-v3/order/113-1234567-1234567', kind: 'order' },
    { url: 'https://sellercentral.amazon.de/orders-v3/order/302-7654321-7654321/confirm-shipment', kind: 'order' },
    { url: 'https://sellercentral.amazon.com/orders-v3/mfn/unshipped?page=1', kind: 'order-list' },
    { url: 'https://sellercentral-europe.amazon.com/orders-v3', kind: 'order-list' },
    { url: 'https://sellercentral.amazon.com/inventory', kind: 'none' },
  ],
  pageKind(url) {
    if (!HOST.test(url.hostname)) return 'none';
    if (ORDER.test(url.pathname)) return 'order';
    if (ORDER_LIST.test(url.pathname)) return 'order-list';
    return 'none';
  },
  detect(url, doc) {
    const kind = this.pageKind(url);
    if (kind === 'none') return detection(null, 'none');
    const ids: string[] = [];
    if (kind === 'order') {
      // The URL id is the order id here; the labelled value confirms it once the page has rendered.
      ids.push(url.pathname.match(ORDER)![1]!);
      const value = text(doc.querySelector('[data-test-id="order-id-value"]'));
      if (AMAZON_ORDER_ID.test(value)) ids.push(value);
    } else {
      for (const link of doc.querySelectorAll('a[href*="/orders-v3/order/"]')) {
        const id = link.getAttribute('href')!.match(/\/orders-v3\/order\/(D?\d{2,3}-\d{7}-\d{7})/)?.[1];
        if (id) ids.push(id);
      }
    }
    return detection('amazon', kind, {
      originIds: ids.filter((id) => AMAZON_ORDER_ID.test(id)).map((id) => ({ id, marketplace: 'amazon' as const })),
    });
  },
};
