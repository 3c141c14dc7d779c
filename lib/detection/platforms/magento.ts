import type { PlatformDetector } from '../types';
import { canonicalOrderRef, detection, emailsIn, text } from '../extract';

const ORDER = /\/sales\/order\/view\/order_id\/\d+(?:\/key\/[0-9a-f]{32,64})?\/?$/;
const ORDER_LIST = /\/sales\/order\/(?:index\/)?(?:key\/[0-9a-f]{32,64}\/?)?$/;
const CUSTOMER = /\/customer\/index\/edit\/id\/\d+(?:\/key\/[0-9a-f]{32,64})?\/?$/;
/** increment_id: 9 digits by default, but stores change its length and add letter prefixes. */
const INCREMENT_ID = /^#?\s*([A-Za-z]{0,6}-?\d{6,15})$/;

/** The storefront's "My orders" shares the path; only the admin has these markers. */
function isAdmin(doc: Document): boolean {
  return !!doc.querySelector('body[class*="adminhtml"], #anchor-content');
}

export const magento: PlatformDetector = {
  id: 'magento',
  name: 'Magento 2',
  selfHosted: true,
  examples: [
    { url: 'https://shop.example/admin_x1y2/sales/order/view/order_id/321/', kind: 'order' },
    { url: 'https://shop.example/admin_x1y2/sales/order/view/order_id/321/key/0123456789abcdef0123456789abcdef/', kind: 'order' },
    { url: 'https://shop.example/admin_x1y2/sales/order/', kind: 'order-list' },
    { url: 'https://shop.example/admin_x1y2/customer/index/edit/id/12/', kind: 'customer' },
    { url: 'https://shop.example/admin_x1y2/catalog/product/', kind: 'none' },
  ],
  pageKind(url, doc) {
    const kind = ORDER.test(url.pathname)
      ? 'order'
      : ORDER_LIST.test(url.pathname)
        ? 'order-list'
        : CUSTOMER.test(url.pathname)
          ? 'customer'
          : 'none';
    // Checked only once the path matched, so other pages cost no DOM access.
    return kind !== 'none' && doc && !isAdmin(doc) ? 'none' : kind;
  },
  detect(url, doc) {
    const kind = this.pageKind(url, doc);
    if (kind === 'none') return detection(null, 'none');
    if (kind === 'order-list') {
      // Grid rows arrive by XHR; each row's first cell holds the increment id next to its view link.
      const refs = [...doc.querySelectorAll('.data-grid tr')].flatMap((row) => {
        const value = text(row.querySelector('td .data-grid-cell-content'));
        const match = value.match(INCREMENT_ID)?.[1];
        return match && row.querySelector('a[href*="/sales/order/view/"]') ? [canonicalOrderRef(match)] : [];
      });
      return detection('magento', kind, { orderRefs: refs });
    }
    // The heading holds the order's increment id; invoices and shipments share its shape, never its place.
    const heading = kind === 'order' ? text(doc.querySelector('h1.page-title')).match(INCREMENT_ID)?.[1] : undefined;
    const account = doc.querySelector('.order-account-information, .admin__page-section.order-view-account-information, #container');
    return detection('magento', kind, {
      orderRefs: heading ? [canonicalOrderRef(heading)] : [],
      emails: emailsIn(account ?? doc.querySelector('#anchor-content')),
    });
  },
};
