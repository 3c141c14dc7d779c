import type { PageKind, PlatformDetector } from '../types';
import { blockByHeading, detection, firstLine, nameIn, nothing, originIds } from '../extract';
import { label, buyerLabel, shipToLabel } from '../labels';

export const EBAY_TLDS = 'com co.uk de fr it es com.au ca at ch ie nl be pl'.split(' ');
export const EBAY_HOSTS = EBAY_TLDS.map((tld) => `www.ebay.${tld}`);

/** `12-34567-89012` since 2019; older orders `item-transaction` (`123456789012-1234567890123`). */
const ORDER_ID = /^(?:\d{2}-\d{5}-\d{5}|\d{9,12}-\d{9,14})$/;
const ORDER = /^\/(?:mesh|sh)\/ord\/details\/?$/;
const ORDER_LIST = /^\/sh\/ord\/?$/;
const SHIP_TO = label(shipToLabel);
/** "Buyer" and "Ship to" may be sibling headings of one card: the one does not end the other. */
const BUYER_CARD = label(`${buyerLabel}|${shipToLabel}`);

/** The `orderid`/`orderId` parameter; the sales record number (`srn=`) beside it is no order id. */
function orderIdParam(params: URLSearchParams): string | null {
  return params.get('orderid') ?? params.get('orderId');
}

function pageKind(url: URL): PageKind {
  if (!EBAY_HOSTS.includes(url.hostname)) return 'none';
  if (ORDER.test(url.pathname)) return orderIdParam(url.searchParams) ? 'order' : 'none';
  return ORDER_LIST.test(url.pathname) ? 'order-list' : 'none';
}

function linkedOrderIds(doc: Document): (string | null)[] {
  return [...doc.querySelectorAll('a[href*="/ord/details"]')].map((link) => {
    const href = link.getAttribute('href') ?? '';
    return orderIdParam(new URLSearchParams(href.slice(href.indexOf('?') + 1)));
  });
}

function urlIds(url: URL) {
  if (pageKind(url) !== 'order') return null;
  return detection('ebay', 'order', {
    originIds: originIds([orderIdParam(url.searchParams)], 'ebay', ORDER_ID),
  });
}

export const ebay: PlatformDetector = {
  id: 'ebay',
  name: 'eBay Seller Hub',
  selfHosted: false,
  matches: EBAY_HOSTS.map((host) => `https://${host}/*`),
  examples: [
    {
      url: 'https://www.ebay.com/mesh/ord/details?mode=SH&srn=1234&orderid=12-34567-89012&source=Orders',
      kind: 'order',
    },
    { url: 'https://www.ebay.co.uk/mesh/ord/details?orderId=23-45678-90123', kind: 'order' },
    { url: 'https://www.ebay.de/sh/ord/details?orderid=123456789012-1234567890123', kind: 'order' },
    { url: 'https://www.ebay.com/sh/ord', kind: 'order-list' },
    { url: 'https://www.ebay.com/sh/ord/?filter=status:AWAITING_SHIPMENT', kind: 'order-list' },
    { url: 'https://www.ebay.com/sh/ovw', kind: 'none' },
    { url: 'https://www.ebay.com/sh/lst/active', kind: 'none' },
    { url: 'https://www.ebay.com/itm/123456789012', kind: 'none' },
    { url: 'https://www.ebay.com/mesh/ord/details?srn=1234', kind: 'none' },
  ],
  pageKind,
  urlIds,
  detect(url, doc) {
    const kind = pageKind(url);
    if (kind === 'none') return nothing();
    // The URL's order id is the order number; on a list each row links to its order's details.
    if (kind === 'order') {
      // The buyer's name is the ship-to address's first line ("Buyer" is their user id).
      const main = doc.querySelector('main') ?? doc.body;
      const shipTo = blockByHeading(main, SHIP_TO, BUYER_CARD);
      return detection('ebay', kind, {
        originIds: urlIds(url)!.originIds,
        customerName: nameIn(shipTo, 'address', firstLine),
      });
    }
    return detection('ebay', kind, { originIds: originIds(linkedOrderIds(doc), 'ebay', ORDER_ID) });
  },
};
