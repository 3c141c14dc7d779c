import type { PageKind, PlatformDetector } from '../types';
import { columnValues, detection, emailsIn, nameIn, nothing, squash, text } from '../extract';
import { fold, label, labelStart, customerLabel, referenceLabel } from '../labels';

// The admin folder is random (/admin1a2b3c/); 1.7.7+ routes live under index.php/sell/…
const ORDER = /\/index\.php\/sell\/orders\/\d+\/view\/?$/;
const ORDER_LIST = /\/index\.php\/sell\/orders\/?$/;
const CUSTOMER = /\/index\.php\/sell\/customers\/\d+\/view\/?$/;
/** The reference customers see in their emails; `#12` (id_order) is secondary and not reported. */
const REFERENCE = /^[A-Z]{9}$/;
/** The list's "Reference" column ("Référence", "Referenz", …). */
const REFERENCE_COLUMN = label(referenceLabel);
const CUSTOMER_PANEL = labelStart(customerLabel);

/** ≤1.7.6: index.php?controller=AdminOrders&id_order=12&vieworder&token=… */
function legacyKind(url: URL): PageKind {
  if (!url.pathname.endsWith('/index.php')) return 'none';
  const params = url.searchParams;
  const controller = params.get('controller');
  if (controller === 'AdminOrders') {
    if (!params.has('id_order')) return 'order-list';
    return params.has('vieworder') ? 'order' : 'none';
  }
  return controller === 'AdminCustomers' && params.has('id_customer') && params.has('viewcustomer')
    ? 'customer'
    : 'none';
}

function pageKind(url: URL): PageKind {
  const path = url.pathname;
  if (ORDER.test(path)) return 'order';
  if (ORDER_LIST.test(path)) return 'order-list';
  if (CUSTOMER.test(path)) return 'customer';
  return legacyKind(url);
}

function references(values: string[]): string[] {
  return values.filter((value) => REFERENCE.test(value));
}

/** 8.x: `div.title-content > h1` holds strong.text-muted "#12", then a plain strong: the reference. */
function titleReference(doc: Document): string[] {
  const strongs = [...doc.querySelectorAll('.title-content > h1 > strong:not(.text-muted)')];
  const title = doc.querySelector('#order-view-page')?.getAttribute('data-order-title') ?? '';
  return [...strongs.map(text), title.split(' ').pop() ?? ''];
}

/**
 * ≤1.7.6: the order panel's heading badges are the reference and "#<id_order>". Other panels have
 * badges too (and prev/next buttons other ids), so the heading must carry this page's id_order.
 */
function legacyReference(url: URL, doc: Document): string[] {
  const idBadge = `#${url.searchParams.get('id_order')}`;
  const badges = (heading: Element) => [...heading.querySelectorAll('span.badge')].map(text);
  return [...doc.querySelectorAll('.panel-heading')]
    .map(badges)
    .filter((texts) => texts.includes(idBadge))
    .flat();
}

function orderEmails(doc: Document): string[] {
  // 8.x: div#customerEmail a[href^="mailto:"] in #customerCard; ≤1.7.6: dl.well.list-detail in
  // the panel headed "Customer" (a theme or module may drop the classes: then the panel).
  const block =
    doc.querySelector('#customerEmail') ??
    doc.querySelector('#customerCard') ??
    doc.querySelector('dl.well.list-detail') ??
    customerPanel(doc);
  return emailsIn(block);
}

/** ≤1.7.6: the panel whose heading starts "Customer" ("Client", "Kunde", …) in any language. */
function customerPanel(doc: Document): Element | null {
  const heading = [...doc.querySelectorAll('.panel-heading, .card-header')].find((h) =>
    CUSTOMER_PANEL.test(fold(text(h))),
  );
  return heading?.closest('.panel, .card') ?? null;
}

/**
 * 8.x: `#customerInfo > h2` holds the name, then strong.text-muted "#412" (the customer id).
 * ≤1.7.6: the Customer panel's heading badge links to the customer's record.
 */
function orderCustomerName(doc: Document): string | undefined {
  const ownText = (heading: Element) =>
    squash(
      [...heading.childNodes].map((node) => (node.nodeType === 3 ? node.nodeValue : '')).join(' '),
    );
  return (
    nameIn(doc.querySelector('#customerCard'), '#customerInfo > h2', ownText) ??
    nameIn(doc, '.panel-heading a[href*="controller=AdminCustomers"]')
  );
}

/** The customer page's heading "Jane Doe [000412] - jane@…": the bracket is the customer id. */
function customerEmails(doc: Document): string[] {
  const heading = [...doc.querySelectorAll('.card-header, .panel-heading')].find((h) =>
    /\[\d+\]/.test(text(h)),
  );
  return emailsIn(heading);
}

export const prestashop: PlatformDetector = {
  id: 'prestashop',
  name: 'PrestaShop',
  selfHosted: true,
  examples: [
    {
      url: 'https://boutique.example/admin1a2b3c/index.php/sell/orders/12/view?_token=Zx9k2LmQ',
      kind: 'order',
    },
    {
      url: 'https://boutique.example/admin1a2b3c/index.php?controller=AdminOrders&id_order=12&vieworder&token=9f8e7d',
      kind: 'order',
    },
    {
      url: 'https://boutique.example/admin1a2b3c/index.php/sell/orders/?_token=Zx9k2LmQ',
      kind: 'order-list',
    },
    {
      url: 'https://boutique.example/admin1a2b3c/index.php?controller=AdminOrders&token=9f8e7d',
      kind: 'order-list',
    },
    {
      url: 'https://boutique.example/admin1a2b3c/index.php/sell/customers/412/view?_token=Zx9k2LmQ',
      kind: 'customer',
    },
    {
      url: 'https://boutique.example/admin1a2b3c/index.php?controller=AdminCustomers&id_customer=412&viewcustomer&token=1a2b3c',
      kind: 'customer',
    },
    {
      url: 'https://boutique.example/admin1a2b3c/index.php/sell/orders/invoices/?_token=Zx9k2LmQ',
      kind: 'none',
    },
    {
      url: 'https://boutique.example/admin1a2b3c/index.php/sell/catalog/products/7/edit',
      kind: 'none',
    },
    {
      url: 'https://boutique.example/admin1a2b3c/index.php?controller=AdminOrders&id_order=12&updateorder&token=9f8e7d',
      kind: 'none',
    },
    {
      url: 'https://boutique.example/admin1a2b3c/index.php?controller=AdminDashboard&token=1a2b3c',
      kind: 'none',
    },
  ],
  pageKind,
  detect(url, doc) {
    const kind = pageKind(url);
    if (kind === 'none') return nothing();
    if (kind === 'order') {
      const orderRefs = references([...titleReference(doc), ...legacyReference(url, doc)]);
      return detection('prestashop', kind, {
        orderRefs,
        emails: orderEmails(doc),
        customerName: orderCustomerName(doc),
      });
    }
    if (kind === 'customer') return detection('prestashop', kind, { emails: customerEmails(doc) });
    // The list's "Reference" column (never a products table: that "Reference" is a SKU).
    const content = doc.querySelector('#main-div, #content') ?? doc.body;
    return detection('prestashop', kind, {
      orderRefs: references(columnValues(content, REFERENCE_COLUMN)),
    });
  },
};
