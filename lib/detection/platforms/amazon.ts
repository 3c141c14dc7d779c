import type { PageKind, PlatformDetector } from '../types';
import {
  customerName,
  detection,
  emailsIn,
  firstLine,
  nameIn,
  nothing,
  originIds,
  valuesAfterLabel,
} from '../extract';
import { composed, customerNameLabel, fold, label, labelStart } from '../labels';

export const AMAZON_TLDS =
  'com ca com.mx com.br co.uk de fr it es nl se pl com.tr ae sa in co.jp com.au sg'.split(' ');
export const AMAZON_HOSTS = [
  ...AMAZON_TLDS.map((tld) => `sellercentral.amazon.${tld}`),
  'sellercentral-europe.amazon.com',
  'sellercentral-japan.amazon.com',
];

/** `113-1234567-1234567`; digital orders `D01-1234567-1234567`. */
const ORDER_ID = /^(?:\d{3}|D\d{2})-\d{7}-\d{7}$/;
const ORDER =
  /^\/orders-v3\/order\/((?:\d{3}|D\d{2})-\d{7}-\d{7})(?:\/(?:confirm-shipment|buy-shipping))?\/?$/;
const ORDER_LIST =
  /^\/orders-v3(?:\/(?:mfn|fba)\/[a-z-]+|\/pending)?\/?$|^\/gp\/orders-v2\/list\/?$/;
/** Buyer-seller messaging: a thread's header links to its order. */
const MESSAGING = /^\/messaging\//;
/** Order links in lists and message threads: orders-v3 paths and the old orders-v2 `orderID=`. */
const ORDER_LINK = /\/orders-v3\/order\/([\dD-]+)|[?&]orderID=([\dD-]+)/;
/** Amazon's relay address for a buyer: the identity in forwarded Amazon mail, so it is looked up. */
const RELAY_EMAIL = /@marketplace\.amazon\.[a-z.]+$/;
/** "Buyer name", "Contact Buyer" in Seller Central's language. */
const BUYER_NAME = label(customerNameLabel);
/** A "Contact buyer" sub-section heading's value is its "Contact Buyer: Jane Doe" line. */
const BUYER_NAME_START = labelStart(customerNameLabel);

function pageKind(url: URL): PageKind {
  if (!AMAZON_HOSTS.includes(url.hostname)) return 'none';
  const path = url.pathname;
  if (ORDER.test(path) || MESSAGING.test(path)) return 'order';
  return ORDER_LIST.test(path) ? 'order-list' : 'none';
}

function linkedOrderIds(root: ParentNode): (string | undefined)[] {
  return [...root.querySelectorAll('a[href*="/orders-v3/order/"], a[href*="orderID="]')].map(
    (link) => {
      const match = (link.getAttribute('href') ?? '').match(ORDER_LINK);
      return match?.[1] ?? match?.[2];
    },
  );
}

/**
 * An order page's buyer: "Buyer name", the "Contact Buyer" link, else the ship-to address's first
 * line. A message thread names no one by label, so it gives none.
 */
function buyerName(content: Element | null): string | undefined {
  return (
    customerName(valuesAfterLabel(content, BUYER_NAME).map(withoutBuyerLabel)) ??
    nameIn(content, '[data-test-id="shipping-section-buyer-address"]', firstLine)
  );
}

/** "Contact Buyer: Jane Doe" → "Jane Doe", in any of the languages ("Käufer kontaktieren: …"). */
function withoutBuyerLabel(value: string): string {
  // Folding keeps each character's place, so the label's length holds in the composed text.
  const text = composed(value);
  const start = fold(text).match(BUYER_NAME_START);
  return start ? text.slice(start[0].length) : text;
}

function urlIds(url: URL) {
  const id = pageKind(url) === 'order' ? url.pathname.match(ORDER)?.[1] : undefined;
  return id
    ? detection('amazon', 'order', { originIds: originIds([id], 'amazon', ORDER_ID) })
    : null;
}

export const amazon: PlatformDetector = {
  id: 'amazon',
  name: 'Amazon Seller Central',
  selfHosted: false,
  matches: AMAZON_HOSTS.map((host) => `https://${host}/*`),
  examples: [
    { url: 'https://sellercentral.amazon.com/orders-v3/order/113-1234567-1234567', kind: 'order' },
    {
      url: 'https://sellercentral.amazon.de/orders-v3/order/302-7654321-7654321/confirm-shipment',
      kind: 'order',
    },
    {
      url: 'https://sellercentral.amazon.co.jp/orders-v3/order/D01-7654321-7654321',
      kind: 'order',
    },
    { url: 'https://sellercentral.amazon.com/messaging/thread/AB12CD34EF?t=inbox', kind: 'order' },
    { url: 'https://sellercentral.amazon.com/orders-v3', kind: 'order-list' },
    { url: 'https://sellercentral.amazon.com/orders-v3/mfn/unshipped?page=1', kind: 'order-list' },
    { url: 'https://sellercentral.amazon.co.uk/orders-v3/fba/all', kind: 'order-list' },
    { url: 'https://sellercentral-europe.amazon.com/orders-v3/pending', kind: 'order-list' },
    { url: 'https://sellercentral.amazon.com/gp/orders-v2/list?ie=UTF8', kind: 'order-list' },
    { url: 'https://sellercentral.amazon.com/home', kind: 'none' },
    { url: 'https://sellercentral.amazon.com/inventory', kind: 'none' },
    { url: 'https://sellercentral.amazon.com/orders-v3/search?q=B0ABCDEF12', kind: 'none' },
    {
      url: 'https://sellercentral.amazon.com/orders-v3/order/113-1234567-1234567/print-packing-slip',
      kind: 'none',
    },
  ],
  pageKind,
  urlIds,
  detect(url, doc) {
    const kind = pageKind(url);
    if (kind === 'none') return nothing();
    const content = doc.querySelector('#MYO-app') ?? doc.querySelector('main') ?? doc.body;
    // On an order page the URL id *is* the order id, so it holds even before the SPA renders.
    const fromUrl = urlIds(url)?.originIds.map((origin) => origin.id);
    const ids = fromUrl ?? (content ? linkedOrderIds(content) : []);
    // Relay addresses show on a buyer's thread or order, never on lists.
    const relays = kind === 'order' ? emailsIn(content).filter((e) => RELAY_EMAIL.test(e)) : [];
    return detection('amazon', kind, {
      originIds: originIds(ids, 'amazon', ORDER_ID),
      emails: relays,
      customerName: fromUrl ? buyerName(content) : undefined,
    });
  },
};
