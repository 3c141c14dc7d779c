import type { PlatformDetector } from '../types';
import { detection, emailsIn, text } from '../extract';

const HOST = /^store-[a-z0-9]+\.mybigcommerce\.com$/;
const ORDER = /^\/manage\/orders\/(\d+)(?:\/edit)?\/?$/;
const ORDER_LIST = /^\/manage\/orders\/?$/;
const CUSTOMER = /^\/manage\/customers\/\d+\/edit\/?$/;
const LEGACY_LIST = (url: URL) => url.pathname === '/admin/index.php' && url.searchParams.get('ToDo') === 'viewOrders';

export const bigcommerce: PlatformDetector = {
  id: 'bigcommerce',
  name: 'BigCommerce',
  selfHosted: false,
  examples: [
    { url: 'https://store-abc123.mybigcommerce.com/manage/orders/104', kind: 'order' },
    { url: 'https://store-abc123.mybigcommerce.com/manage/orders/104/edit', kind: 'order' },
    { url: 'https://store-abc123.mybigcommerce.com/manage/orders', kind: 'order-list' },
    { url: 'https://store-abc123.mybigcommerce.com/manage/customers/55/edit', kind: 'customer' },
    { url: 'https://store-abc123.mybigcommerce.com/manage/products', kind: 'none' },
  ],
  pageKind(url) {
    if (!HOST.test(url.hostname)) return 'none';
    if (ORDER.test(url.pathname)) return 'order';
    if (ORDER_LIST.test(url.pathname) || LEGACY_LIST(url)) return 'order-list';
    if (CUSTOMER.test(url.pathname)) return 'customer';
    return 'none';
  },
  detect(url, doc) {
    const kind = this.pageKind(url);
    if (kind === 'none') return detection(null, 'none');
    if (kind === 'order-list') {
      const refs = [...doc.querySelectorAll('a[href*="/manage/orders/"]')].flatMap((a) => {
        const id = a.getAttribute('href')!.match(/\/manage\/orders\/(\d+)/)?.[1];
        return id && text(a).replace(/^#/, '') === id ? [id] : [];
      });
      return detection('bigcommerce', kind, { orderRefs: refs });
    }
    // Here the URL id is the order number itself.
    const ref = kind === 'order' ? url.pathname.match(ORDER)![1]! : null;
    const customer = doc.querySelector('[data-test-id*="customer" i], .customer-details, #customer') ?? doc.querySelector('main') ?? doc.body;
    return detection('bigcommerce', kind, { orderRefs: ref ? [ref] : [], emails: emailsIn(customer) });
  },
};
