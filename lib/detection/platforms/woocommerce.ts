import type { PlatformDetector } from '../types';
import { canonicalEmail, canonicalOrderRef, detection, emailsIn, text } from '../extract';

/** Text after `#` in "Order #1001 details" (localised around it), or "#1001 Jane Doe" in lists. */
const ORDER_IN_HEADING = /#\s*([A-Za-z0-9][A-Za-z0-9/_-]*)/;

function isOrderEdit(url: URL, doc?: Document): boolean {
  const params = url.searchParams;
  if (url.pathname.endsWith('/wp-admin/admin.php')) {
    return params.get('page') === 'wc-orders' && params.get('action') === 'edit' && params.has('id');
  }
  if (url.pathname.endsWith('/wp-admin/post.php')) {
    // post.php edits any post: only an order screen counts.
    return params.get('action') === 'edit' && params.has('post') && !!doc?.querySelector('#order_data, .woocommerce-order-data__heading');
  }
  return false;
}

function isOrderList(url: URL): boolean {
  const params = url.searchParams;
  if (url.pathname.endsWith('/wp-admin/edit.php')) return params.get('post_type') === 'shop_order';
  return url.pathname.endsWith('/wp-admin/admin.php') && params.get('page') === 'wc-orders' && params.get('action') !== 'edit';
}

function isCustomer(url: URL): boolean {
  return url.pathname.endsWith('/wp-admin/user-edit.php') && url.searchParams.has('user_id');
}

export const woocommerce: PlatformDetector = {
  id: 'woocommerce',
  name: 'WooCommerce',
  selfHosted: true,
  examples: [
    { url: 'https://shop.northwind.example/wp-admin/admin.php?page=wc-orders&action=edit&id=1042', kind: 'order' },
    { url: 'https://shop.northwind.example/wp-admin/admin.php?page=wc-orders', kind: 'order-list' },
    { url: 'https://shop.northwind.example/wp-admin/edit.php?post_type=shop_order', kind: 'order-list' },
    { url: 'https://shop.northwind.example/wp-admin/user-edit.php?user_id=12', kind: 'customer' },
    { url: 'https://shop.northwind.example/wp-admin/edit.php?post_type=product', kind: 'none' },
  ],
  pageKind(url, doc) {
    if (!url.pathname.includes('/wp-admin/')) return 'none';
    if (isOrderEdit(url, doc)) return 'order';
    if (isOrderList(url)) return 'order-list';
    if (isCustomer(url)) return 'customer';
    return 'none';
  },
  detect(url, doc) {
    const kind = this.pageKind(url, doc);
    if (kind === 'none') return detection(null, 'none');
    if (kind === 'order-list') {
      const refs = [...doc.querySelectorAll('td.order_number a.order-view')].flatMap((a) => {
        const ref = text(a).match(ORDER_IN_HEADING)?.[1];
        return ref ? [canonicalOrderRef(ref)] : [];
      });
      return detection('woocommerce', kind, { orderRefs: refs });
    }
    if (kind === 'customer') {
      const email = canonicalEmail((doc.querySelector('input#email') as HTMLInputElement | null)?.value ?? '');
      return detection('woocommerce', kind, { emails: email ? [email] : [] });
    }
    const heading = text(doc.querySelector('.woocommerce-order-data__heading, p.order_number'));
    const ref = heading.match(ORDER_IN_HEADING)?.[1];
    const billing = doc.querySelector('.order_data_column .address, #order_data') ?? doc.body;
    const hidden = canonicalEmail((doc.querySelector('input#_billing_email') as HTMLInputElement | null)?.value ?? '');
    return detection('woocommerce', kind, {
      orderRefs: ref ? [canonicalOrderRef(ref)] : [],
      emails: [...emailsIn(billing), ...(hidden ? [hidden] : [])],
    });
  },
};
