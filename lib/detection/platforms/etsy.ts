import type { PageKind, PlatformDetector } from '../types';
import {
  customerName,
  detection,
  firstToken,
  nameIn,
  nothing,
  originIds,
  valuesAfterLabel,
} from '../extract';
import { label, labelStart, orderNumberLabel, shipToLabel } from '../labels';

/** The receipt id, "Order #1234567890"; listing and transaction ids have the same length. */
const ORDER_ID = /^\d{9,11}$/;
const SOLD_ORDERS = /^\/your\/orders\/sold(?:\/(?:[a-z-]+|(\d{8,})))?\/?$/;
/** Where a row prints its "Order #…" (not row containers: lists run to thousands of rows). */
const ROW_LABELS = 'a, span, strong, b, p, h2, h3, h4, dt, th, td, button';
const ORDER_LINK = /[?&]order_id=(\d+)|\/your\/orders\/sold\/(\d{8,})/;
/** "Order #", "Commande n°", "Bestellung Nr.": the shop manager's language. */
const ORDER_LABEL = labelStart(orderNumberLabel);

/** The open order: the overlay's `order_id=` or a `/your/orders/sold/{id}` path. */
function orderIdInUrl(url: URL): string | null {
  return url.searchParams.get('order_id') ?? url.pathname.match(SOLD_ORDERS)?.[1] ?? null;
}

function pageKind(url: URL): PageKind {
  if (url.hostname !== 'www.etsy.com' || !SOLD_ORDERS.test(url.pathname)) return 'none';
  return orderIdInUrl(url) ? 'order' : 'order-list';
}

/** Each row's "Order #…" and its link to the order; never listing or transaction ids. */
function listedOrderIds(root: ParentNode): (string | undefined)[] {
  const labelled = valuesAfterLabel(root, ORDER_LABEL, ROW_LABELS).map(firstToken);
  const linked = [
    ...root.querySelectorAll('a[href*="order_id="], a[href*="/your/orders/sold/"]'),
  ].map((link) => {
    const match = (link.getAttribute('href') ?? '').match(ORDER_LINK);
    return match?.[1] ?? match?.[2];
  });
  return [...labelled, ...linked];
}

/**
 * The open order's buyer: "Purchased by" links to their profile (`/people/…`), else the "Ship to"
 * line's name. Only inside the order's overlay: the list behind it names other buyers.
 */
function buyerName(url: URL, doc: Document): string | undefined {
  const overlay =
    doc.querySelector('[role="dialog"]') ??
    (url.searchParams.has('order_id') ? null : doc.querySelector('main'));
  if (!overlay) return undefined;
  const shipTo = valuesAfterLabel(overlay, label(shipToLabel)).map((value) => value.split(',')[0]);
  return nameIn(overlay, 'a[href*="/people/"]') ?? customerName(shipTo);
}

function urlIds(url: URL) {
  if (pageKind(url) !== 'order') return null;
  return detection('etsy', 'order', {
    originIds: originIds([orderIdInUrl(url)], 'etsy', ORDER_ID),
  });
}

export const etsy: PlatformDetector = {
  id: 'etsy',
  name: 'Etsy',
  selfHosted: false,
  matches: ['https://www.etsy.com/*'],
  examples: [
    { url: 'https://www.etsy.com/your/orders/sold/new?order_id=3012345678', kind: 'order' },
    {
      url: 'https://www.etsy.com/your/orders/sold?ref=seller-platform-mcnav&order_id=3012345678',
      kind: 'order',
    },
    { url: 'https://www.etsy.com/your/orders/sold/3012345678', kind: 'order' },
    { url: 'https://www.etsy.com/your/orders/sold', kind: 'order-list' },
    { url: 'https://www.etsy.com/your/orders/sold/completed?page=2', kind: 'order-list' },
    { url: 'https://www.etsy.com/your/orders/sold/in-transit', kind: 'order-list' },
    { url: 'https://www.etsy.com/your/shops/me/dashboard', kind: 'none' },
    { url: 'https://www.etsy.com/your/shops/me/tools/listings', kind: 'none' },
    { url: 'https://www.etsy.com/listing/1234567890/linen-apron', kind: 'none' },
    { url: 'https://www.etsy.com/your/purchases', kind: 'none' },
  ],
  pageKind,
  urlIds,
  detect(url, doc) {
    const kind = pageKind(url);
    if (kind === 'none') return nothing();
    // The open order's id is in the URL; the list behind an overlay is not this page's subject.
    if (kind === 'order') {
      return detection('etsy', kind, {
        originIds: urlIds(url)!.originIds,
        customerName: buyerName(url, doc),
      });
    }
    const content = doc.querySelector('main') ?? doc.body;
    const ids = content ? listedOrderIds(content) : [];
    return detection('etsy', kind, { originIds: originIds(ids, 'etsy', ORDER_ID) });
  },
};
