import type { PlatformDetector } from '../types';
import { detection, emailsIn, text } from '../extract';

const ORDER = /\/index\.php\/sell\/orders\/\d+\/view\/?$/;
const ORDER_LIST = /\/index\.php\/sell\/orders\/?$/;
const CUSTOMER = /\/index\.php\/sell\/customers\/\d+\/view\/?$/;
/** The order reference customers see in their emails. */
const REFERENCE = /^[A-Z]{9}$/;

function legacy(url: URL): { controller: string | null; has: (name: string) => boolean } {
  return { controller: url.searchParams.get('controller'), has: (name) => url.searchParams.has(name) };
}

export const prestashop: PlatformDetector = {
  id: 'prestashop',
  name: 'PrestaShop',
  selfHosted: true,
  examples: [
    { url: 'https://shop.example/admin1a2b3c/index.php/sell/orders/12/view?_token=abc', kind: 'order' },
    { url: 'https://shop.example/admin1a2b3c/index.php?controller=AdminOrders&id_order=12&vieworder&token=abc', kind: 'order' },
    { url: 'https://shop.example/admin1a2b3c/index.php/sell/orders/', kind: 'order-list' },
    { url: 'https://shop.example/admin1a2b3c/index.php/sell/customers/4/view', kind: 'customer' },
    { url: 'https://shop.example/admin1a2b3c/index.php/sell/catalog/products', kind: 'none' },
  ],
  pageKind(url) {
    const old = legacy(url);
    if (ORDER.test(url.pathname) || (old.controller === 'AdminOrders' && old.has('id_order') && old.has('vieworder'))) return 'order';
    if (ORDER_LIST.test(url.pathname) || (old.controller === 'AdminOrders' && !old.has('id_order'))) return 'order-list';
    if (CUSTOMER.test(url.pathname) || (old.controller === 'AdminCustomers' && old.has('viewcustomer'))) return 'customer';
    return 'none';
  },
  detect(url, doc) {
    const kind = this.pageKind(url);
    if (kind === 'none') return detection(null, 'none');
    if (kind === 'order-list') {
      const refs = [...doc.querySelectorAll('td.column-reference, td[class*="reference"]')].map(text).filter((v) => REFERENCE.test(v));
      return detection('prestashop', kind, { orderRefs: refs });
    }
    // 8.x: "#12" in strong.text-muted, then the reference in a plain strong; ≤1.7.6: span.badge.
    const candidates = [
      ...doc.querySelectorAll('div.title-content > h1 strong:not(.text-muted), .panel-heading span.badge'),
    ].map(text);
    const reference = kind === 'order' ? candidates.find((value) => REFERENCE.test(value)) : undefined;
    const customer = doc.querySelector('#customerEmail, #customerCard, dl.well.list-detail') ?? doc.body;
    return detection('prestashop', kind, { orderRefs: reference ? [reference] : [], emails: emailsIn(customer) });
  },
};
