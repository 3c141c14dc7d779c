import type { PlatformDetector } from '../types';
import { canonicalEmail, canonicalOrderRef, detection, text } from '../extract';

const PREFIX = '(?:/acct_\\w+)?(?:/test)?';
const PAYMENT = new RegExp(`^${PREFIX}/payments/(?:pi|ch|py)_\\w+/?$`);
const CUSTOMER = new RegExp(`^${PREFIX}/customers/cus_\\w+/?$`);
/** Store order numbers only appear in metadata or a description such as "Example Shop - Order 1001". */
const ORDER_IN_DESCRIPTION = /\bOrder\s+#?([A-Za-z0-9-]*\d[A-Za-z0-9-]*)\b/;
const METADATA_KEYS = /^(?:order_id|order_number|orderid|ordernumber)$/i;

export const stripe: PlatformDetector = {
  id: 'stripe',
  name: 'Stripe',
  selfHosted: false,
  examples: [
    { url: 'https://dashboard.stripe.com/payments/pi_3NtYk2LkdIwHu7ix0abc', kind: 'order' },
    { url: 'https://dashboard.stripe.com/acct_1AbC/test/payments/ch_123abc', kind: 'order' },
    { url: 'https://dashboard.stripe.com/customers/cus_OaBcD123', kind: 'customer' },
    { url: 'https://dashboard.stripe.com/balance/overview', kind: 'none' },
  ],
  pageKind(url) {
    if (url.hostname !== 'dashboard.stripe.com') return 'none';
    if (PAYMENT.test(url.pathname)) return 'order';
    if (CUSTOMER.test(url.pathname)) return 'customer';
    return 'none';
  },
  detect(url, doc) {
    const kind = this.pageKind(url);
    if (kind === 'none') return detection(null, 'none');
    const refs: string[] = [];
    const emails: string[] = [];
    // Label → value pairs: definition lists and two-cell rows.
    for (const label of doc.querySelectorAll('dt, th, [data-testid*="label" i]')) {
      const name = text(label);
      const value = text(label.nextElementSibling);
      if (/^(?:customer\s+)?e-?mail$/i.test(name)) {
        const email = canonicalEmail(value);
        if (email) emails.push(email);
      } else if (METADATA_KEYS.test(name) && value) {
        refs.push(canonicalOrderRef(value));
      } else if (/^description$/i.test(name)) {
        const ref = value.match(ORDER_IN_DESCRIPTION)?.[1];
        if (ref) refs.push(ref);
      }
    }
    return detection('stripe', kind, { orderRefs: refs, emails });
  },
};
