import type { PlatformDetector } from '../types';
import { detection } from '../extract';

const TLDS = ['com', 'co.uk', 'de', 'fr', 'it', 'es', 'com.au', 'ca', 'at', 'ch', 'ie', 'nl', 'be', 'pl'];
const HOSTS = new Set(TLDS.map((tld) => `www.ebay.${tld}`));
/** Since 2019 `12-34567-89012`; older item-transaction ids `123456789012-1234567890`. */
const ORDER_ID = /^(?:\d{2}-\d{5}-\d{5}|\d{9,12}-\d{9,14})$/;

export const ebayTlds = TLDS;

function orderIdParam(url: URL): string | null {
  return url.searchParams.get('orderid') ?? url.searchParams.get('orderId');
}

export const ebay: PlatformDetector = {
  id: 'ebay',
  name: 'eBay Seller Hub',
  selfHosted: false,
  examples: [
    { url: 'https://www.ebay.com/mesh/ord/details?mode=SH&orderid=12-34567-89012', kind: 'order' },
    { url: 'https://www.ebay.co.uk/sh/ord/details?orderid=12-34567-89012&srn=1234', kind: 'order' },
    { url: 'https://www.ebay.de/sh/ord/?filter=status:AWAITING_SHIPMENT', kind: 'order-list' },
    { url: 'https://www.ebay.com/itm/123456789012', kind: 'none' },
  ],
  pageKind(url) {
    if (!HOSTS.has(url.hostname)) return 'none';
    if (/^\/(?:mesh|sh)\/ord\/details\/?$/.test(url.pathname) && orderIdParam(url)) return 'order';
    if (/^\/sh\/ord\/?$/.test(url.pathname)) return 'order-list';
    return 'none';
  },
  detect(url, doc) {
    const kind = this.pageKind(url);
    if (kind === 'none') return detection(null, 'none');
    const ids =
      kind === 'order'
        ? [orderIdParam(url)!]
        : [...doc.querySelectorAll('a[href*="ord/details"]')].map((a) =>
            orderIdParam(new URL(a.getAttribute('href')!, url)) ?? '',
          );
    return detection('ebay', kind, {
      originIds: ids.filter((id) => ORDER_ID.test(id)).map((id) => ({ id, marketplace: 'ebay' as const })),
    });
  },
};
