import type { PageKind, PlatformDetector } from '../types';
import {
  blockByHeading,
  columnValues,
  detection,
  emailsIn,
  firstToken,
  inputEmails,
  nameIn,
  nothing,
} from '../extract';
import { CUSTOMER_SECTION, label, customerLabel, orderNumberLabel } from '../labels';

const HOST = /^store-[a-z0-9]+\.mybigcommerce\.com$/;
/** Here the id in the URL *is* the order number (from 100 up). */
const ORDER = /^\/manage\/orders\/(\d+)(?:\/edit)?\/?$/;
const ORDER_LIST = /^\/manage\/orders\/?$/;
const CUSTOMER = /^\/manage\/customers\/\d+\/edit\/?$/;
const ORDER_ID = /^\d{1,12}$/;
const CUSTOMER_PANEL = label(customerLabel);
/** The list's "Order ID" column, in the control panel's language. */
const ORDER_COLUMN = label(orderNumberLabel);

function pageKind(url: URL): PageKind {
  if (!HOST.test(url.hostname)) return 'none';
  const path = url.pathname;
  if (ORDER.test(path)) return 'order';
  if (ORDER_LIST.test(path)) return 'order-list';
  // Legacy control panel: /admin/index.php?ToDo=viewOrders[&searchQuery=…]
  const legacyList = path === '/admin/index.php' && url.searchParams.get('ToDo') === 'viewOrders';
  if (legacyList) return 'order-list';
  if (CUSTOMER.test(path)) return 'customer';
  return 'none';
}

function content(doc: Document): Element | null {
  return doc.querySelector('main, [role="main"], #content') ?? doc.body;
}

const ORDER_LINK = /\/manage\/orders\/(\d+)(?:[/?#]|$)/;

function orderIdsInLinks(root: ParentNode): string[] {
  return [...root.querySelectorAll('a[href*="/manage/orders/"]')]
    .map((link) => (link.getAttribute('href') ?? '').match(ORDER_LINK)?.[1] ?? '')
    .filter(Boolean);
}

/** On BigCommerce the order page's URL id is the order number. */
function urlIds(url: URL) {
  const id = pageKind(url) === 'order' ? url.pathname.match(ORDER)?.[1] : undefined;
  return id ? detection('bigcommerce', 'order', { orderRefs: [id] }) : null;
}

export const bigcommerce: PlatformDetector = {
  id: 'bigcommerce',
  name: 'BigCommerce',
  selfHosted: false,
  matches: ['https://*.mybigcommerce.com/*'],
  examples: [
    { url: 'https://store-ab12cd34.mybigcommerce.com/manage/orders/100', kind: 'order' },
    { url: 'https://store-ab12cd34.mybigcommerce.com/manage/orders/100/edit', kind: 'order' },
    { url: 'https://store-ab12cd34.mybigcommerce.com/manage/orders', kind: 'order-list' },
    {
      url: 'https://store-ab12cd34.mybigcommerce.com/manage/orders?status=11&page=2',
      kind: 'order-list',
    },
    {
      url: 'https://store-ab12cd34.mybigcommerce.com/admin/index.php?ToDo=viewOrders&searchQuery=maya',
      kind: 'order-list',
    },
    { url: 'https://store-ab12cd34.mybigcommerce.com/manage/customers/55/edit', kind: 'customer' },
    { url: 'https://store-ab12cd34.mybigcommerce.com/manage/customers', kind: 'none' },
    { url: 'https://store-ab12cd34.mybigcommerce.com/manage/products/112/edit', kind: 'none' },
    { url: 'https://store-ab12cd34.mybigcommerce.com/manage/dashboard', kind: 'none' },
    { url: 'https://store-ab12cd34.mybigcommerce.com/manage/orders/shipments', kind: 'none' },
  ],
  pageKind,
  urlIds,
  detect(url, doc) {
    const kind = pageKind(url);
    if (kind === 'none') return nothing();
    const main = content(doc);
    if (kind === 'order') {
      const customer = blockByHeading(main, CUSTOMER_PANEL, CUSTOMER_SECTION);
      return detection('bigcommerce', kind, {
        orderRefs: urlIds(url)?.orderRefs ?? [],
        emails: emailsIn(customer),
        // The Customer panel's link to the customer's record, whose text is their name.
        customerName: nameIn(customer, 'a[href*="/manage/customers/"]'),
      });
    }
    if (kind === 'customer') {
      return detection('bigcommerce', kind, { emails: inputEmails(main, 'input[name="email"]') });
    }
    // The list's "Order ID" column and each row's link to its order.
    const column = columnValues(main, ORDER_COLUMN).map(firstToken);
    const linked = main ? orderIdsInLinks(main) : [];
    return detection('bigcommerce', kind, {
      orderRefs: [...column, ...linked].filter((id) => ORDER_ID.test(id)),
    });
  },
};
