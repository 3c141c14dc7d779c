import type { PageKind, PlatformDetector } from '../types';
import {
  columnValues,
  customerName,
  detection,
  emailsIn,
  firstToken,
  inputEmails,
  labelledEmails,
  nothing,
  refsAfterLabel,
  text,
  valuesAfterLabel,
} from '../extract';
import { label, labelStart, customerNameLabel, emailLabel, orderNumberLabel } from '../labels';

// The admin front name is the merchant's own (/admin_x1y2/), so only path suffixes are matched.
// An admin URL may end in a secret key (key/<hex>/).
const ORDER = /\/sales\/order\/view\/order_id\/\d+(?:\/.*)?$/;
const ORDER_LIST = /\/sales\/order\/?(?:index\/?)?(?:key\/[0-9a-f]+\/?)?$/;
const CUSTOMER = /\/customer\/index\/edit\/id\/\d+(?:\/.*)?$/;
/** The storefront's "My orders" uses the same paths: only the admin carries these. */
const ADMIN_MARKERS = 'body[class*="adminhtml-"], #anchor-content';
/**
 * increment_id: `000000123` by default, 12 digits or letter prefixes in the wild, so taken from its
 * label rather than its length. Invoices, shipments and credit memos share the format.
 */
const INCREMENT_ID = /^[A-Za-z0-9-]{0,31}\d[A-Za-z0-9-]{0,31}$/;
/** "Order # 000000123", "Commande # …", "Ordine # …": the admin's language. */
const ORDER_LABEL = labelStart(orderNumberLabel);
const EMAIL_LABEL = label(emailLabel);
const NAME_LABEL = label(customerNameLabel);

function urlKind(path: string): PageKind {
  if (ORDER.test(path)) return 'order';
  if (ORDER_LIST.test(path)) return 'order-list';
  return CUSTOMER.test(path) ? 'customer' : 'none';
}

function pageKind(url: URL, doc?: Document): PageKind {
  const kind = urlKind(url.pathname);
  if (kind === 'none' || !doc) return kind;
  return doc.querySelector(ADMIN_MARKERS) ? kind : 'none';
}

/** `<h1 class="page-title">#000000123</h1>`, which sits in the admin's page header. */
function titleRef(doc: Document): string[] {
  const ref = text(doc.querySelector('h1.page-title')).match(/^#\s*(\S+)$/)?.[1] ?? '';
  return INCREMENT_ID.test(ref) ? [ref] : [];
}

function orderDetail(doc: Document, content: Element) {
  // The title, and "Order # 000000123" heading "Order & Account Information"; never "Invoice #…".
  const orderRefs = [...titleRef(doc), ...refsAfterLabel(content, ORDER_LABEL, INCREMENT_ID)];
  const account = content.querySelector('.order-account-information');
  const emails = account ? emailsIn(account) : labelledEmails(content, EMAIL_LABEL);
  // "Customer Name" under "Account Information"; never a comment's or an invoice's bill-to name.
  const name = customerName(valuesAfterLabel(account, NAME_LABEL));
  return { orderRefs, emails, customerName: name };
}

export const magento: PlatformDetector = {
  id: 'magento',
  name: 'Magento',
  selfHosted: true,
  examples: [
    {
      url: 'https://shop.lakeside.example/admin_x1y2/sales/order/view/order_id/42/key/4f0c7e9d2b1a8c6e5f3d0b9a7c1e2f4d6a8b0c2e4f6a8b0c2d4e6f8a0b2c4d6e/',
      kind: 'order',
    },
    { url: 'https://shop.lakeside.example/admin/sales/order/view/order_id/42/', kind: 'order' },
    { url: 'https://shop.lakeside.example/admin_x1y2/sales/order/', kind: 'order-list' },
    {
      url: 'https://shop.lakeside.example/admin_x1y2/sales/order/index/key/4f0c7e9d2b1a8c6e5f3d0b9a7c1e2f4d/',
      kind: 'order-list',
    },
    {
      url: 'https://shop.lakeside.example/admin_x1y2/customer/index/edit/id/17/',
      kind: 'customer',
    },
    {
      url: 'https://shop.lakeside.example/admin_x1y2/sales/order_invoice/view/invoice_id/98/',
      kind: 'none',
    },
    {
      url: 'https://shop.lakeside.example/admin_x1y2/sales/shipment/view/shipment_id/34/',
      kind: 'none',
    },
    { url: 'https://shop.lakeside.example/admin_x1y2/sales/order/history/', kind: 'none' },
    { url: 'https://shop.lakeside.example/admin_x1y2/catalog/product/edit/id/7/', kind: 'none' },
    { url: 'https://shop.lakeside.example/admin_x1y2/admin/dashboard/', kind: 'none' },
  ],
  pageKind,
  detect(url, doc) {
    const kind = pageKind(url, doc);
    if (kind === 'none') return nothing();
    const content = doc.querySelector('#anchor-content') ?? doc.body;
    if (!content) return detection('magento', kind);
    if (kind === 'order') return detection('magento', kind, orderDetail(doc, content));
    if (kind === 'customer') {
      return detection('magento', kind, {
        emails: inputEmails(content, 'input[name="customer[email]"]'),
      });
    }
    // Grid rows arrive by XHR; the "ID" column is the increment id (the View link has the entity id).
    const refs = columnValues(content, /^ID$/i)
      .map(firstToken)
      .filter((ref) => INCREMENT_ID.test(ref));
    return detection('magento', kind, { orderRefs: refs });
  },
};
