import type { PageKind, PlatformDetector } from '../types';
import {
  blockByHeading,
  canonicalOrderRef,
  customerName,
  detection,
  emailsIn,
  firstToken,
  labelledEmails,
  linkedEmails,
  nothing,
  valuesAfterLabel,
} from '../extract';
import {
  CUSTOMER_SECTION,
  fold,
  label,
  labelStart,
  customerLabel,
  descriptionLabel,
  emailLabel,
  nameLabel,
  orderLabel,
} from '../labels';

// Optional connected-account and test-mode prefixes: /acct_1AbC/test/payments/pi_…
const PREFIX = '^(?:/acct_[A-Za-z0-9]+)?(?:/test)?';
const PAYMENT = new RegExp(`${PREFIX}/payments/(?:pi|ch|py)_[A-Za-z0-9]+/?$`);
const CUSTOMER = new RegExp(`${PREFIX}/customers/cus_[A-Za-z0-9]+/?$`);

/** Metadata keys stores use for their order number (WooCommerce's gateway: `order_id`). */
const ORDER_KEY =
  /^(?:order[ _-]?(?:id|number|no|num|ref|reference)|orderid|ordernumber)\b\s*:?\s*/i;
/**
 * "Example Shop - Order 1001", "Order #WC-2041" in a description; the store's gateway writes it in
 * the store's language ("Tienda Norte - Pedido 2045"), matched folded.
 */
const ORDER_IN_DESCRIPTION = new RegExp(
  `\\b(?:${orderLabel})\\s*(?:#|no\\.?|nr\\.?|n[°º]|number|id)?\\s*:?\\s*#?\\s*([A-Za-z0-9][A-Za-z0-9/_-]*)`,
  'i',
);
const STORE_REF = /^(?:(?=.*\d)[A-Za-z0-9][A-Za-z0-9/_-]{0,39}|[A-Z]{9})$/;
/** Stripe's own object ids (pi_, ch_, cus_, in_, re_, txn_, pm_, …) are never looked up. */
const STRIPE_ID = /^[a-z]{2,6}_[A-Za-z0-9]{8,}$/;
/**
 * "Email", "Receipt email", the payment method's "Owner email", metadata `customer_email` or
 * `email`, in the Dashboard's language; never `support_email` and the like (the store's own).
 */
const EMAIL_LABEL = labelStart(emailLabel);
const CUSTOMER_HEADING = label(customerLabel);
const DESCRIPTION = labelStart(descriptionLabel);
/** A payment's customer row links to the customer's record; its text may be their address. */
const CUSTOMER_LINK = 'a[href*="/customers/cus_"]';

function pageKind(url: URL): PageKind {
  if (url.hostname !== 'dashboard.stripe.com') return 'none';
  if (PAYMENT.test(url.pathname)) return 'order';
  return CUSTOMER.test(url.pathname) ? 'customer' : 'none';
}

/** Order numbers only from the store's metadata and description, never Stripe's own ids. */
function storeOrderRefs(content: Element): string[] {
  const fromMetadata = valuesAfterLabel(content, ORDER_KEY).map(firstToken);
  const fromDescription = valuesAfterLabel(content, DESCRIPTION).map(
    (description) => fold(description).match(ORDER_IN_DESCRIPTION)?.[1] ?? '',
  );
  return [...fromMetadata, ...fromDescription]
    .map(canonicalOrderRef)
    .filter((ref) => STORE_REF.test(ref) && !STRIPE_ID.test(ref));
}

function customerEmails(content: Element): string[] {
  return [
    ...labelledEmails(content, EMAIL_LABEL),
    ...linkedEmails(content, CUSTOMER_LINK),
    ...emailsIn(blockByHeading(content, CUSTOMER_HEADING, CUSTOMER_SECTION)),
  ];
}

export const stripe: PlatformDetector = {
  id: 'stripe',
  name: 'Stripe',
  selfHosted: false,
  matches: ['https://dashboard.stripe.com/*'],
  examples: [
    { url: 'https://dashboard.stripe.com/payments/pi_3PqR7sL2kX9mN4vB1aC0dE5f', kind: 'order' },
    {
      url: 'https://dashboard.stripe.com/test/payments/ch_3PqR7sL2kX9mN4vB1xY2zW3v',
      kind: 'order',
    },
    {
      url: 'https://dashboard.stripe.com/acct_1NwXyZ2aBcDeFgHi/payments/py_3PqR7sL2kX9mN4vB0qR8sT6u',
      kind: 'order',
    },
    { url: 'https://dashboard.stripe.com/customers/cus_QwErTy123456', kind: 'customer' },
    {
      url: 'https://dashboard.stripe.com/acct_1NwXyZ2aBcDeFgHi/test/customers/cus_QwErTy123456',
      kind: 'customer',
    },
    { url: 'https://dashboard.stripe.com/payments', kind: 'none' },
    { url: 'https://dashboard.stripe.com/dashboard', kind: 'none' },
    { url: 'https://dashboard.stripe.com/invoices/in_1PqR7sL2kX9mN4vB', kind: 'none' },
    { url: 'https://dashboard.stripe.com/settings/account', kind: 'none' },
  ],
  pageKind,
  detect(url, doc) {
    const kind = pageKind(url);
    if (kind === 'none') return nothing();
    const content = doc.querySelector('main, [role="main"]') ?? doc.body;
    if (!content) return detection('stripe', kind);
    // A payment's Customer section prints the customer's "Name".
    const customer = blockByHeading(content, CUSTOMER_HEADING, CUSTOMER_SECTION);
    return detection('stripe', kind, {
      orderRefs: storeOrderRefs(content),
      emails: customerEmails(content),
      customerName: customerName(valuesAfterLabel(customer, label(nameLabel))),
    });
  },
};
