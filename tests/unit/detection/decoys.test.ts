import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { detectPage } from '@/lib/detection';
import { expected } from '../../fixtures/pages/expected';
import { FIXTURES, fixture } from './load-fixture';

/**
 * Decoys: values a store admin page shows that detection must not report (phones, tracking
 * numbers, SKUs, prices, dates, postcodes, other documents' numbers, internal and marketplace ids,
 * the agent's own and the store's sender email), one row per decoy: the value is really on the
 * fixture page (so the test means something), and nothing detected there contains it.
 */
/** The localised and sub-section stores have their own agents and sender addresses (rows below). */
const LOCALISED = /-(?:fr|de|es|it|nl|pt|subsections)$/;

const DECOYS: [kind: string, value: string, fixtures: string[]][] = [
  [
    'phone',
    '+1 (555) 010-2233',
    ['shopify-order', 'shopify-customer', 'ebay-order', 'stripe-payment'],
  ],
  ['phone', '07700 900123', ['woocommerce-order-hpos', 'woocommerce-customer']],
  [
    'tracking (UPS)',
    '1Z999AA10123456784',
    ['shopify-order', 'bigcommerce-order', 'amazon-order', 'amazon-messaging'],
  ],
  ['tracking (USPS)', '9400 1000 0000 0000 0000 00', ['shopify-order', 'ebay-order', 'etsy-order']],
  [
    'tracking (DHL)',
    'JJD000390000000000',
    ['woocommerce-order-hpos', 'prestashop-order', 'prestashop-order-legacy'],
  ],
  ['SKU', 'TSHIRT-BLK-M', ['shopify-order']],
  ['SKU', 'KETTLE-STEEL-1L', ['shopify-order', 'woocommerce-order', 'amazon-order', 'ebay-order']],
  ['SKU', '10442', ['woocommerce-order-hpos']],
  ['barcode / UPC', '012345678905', ['shopify-order', 'bigcommerce-order']],
  ['EAN-13', '4006381333931', ['prestashop-order', 'bigcommerce-order']],
  [
    'price',
    '$1,042.00',
    ['shopify-order', 'shopify-customer', 'bigcommerce-order', 'amazon-order'],
  ],
  ['price', '€1,042.00', ['prestashop-order', 'prestashop-order-legacy']],
  ['date', '2024-03-01', ['woocommerce-order-hpos']],
  ['date', '03/01/2024', ['prestashop-order', 'prestashop-customer']],
  ['postcode', '90210-1234', ['shopify-order', 'stripe-payment']],
  ['postcode', 'BS1 4DJ', ['woocommerce-order-hpos', 'woocommerce-customer']],
  ['postcode', '62701-1234', ['amazon-order']],
  ['invoice (Magento)', '000000098', ['magento-order']],
  ['shipment (Magento)', '000000077', ['magento-order']],
  ['credit memo (Magento)', '000000012', ['magento-order']],
  ['invoice (PrestaShop)', 'IN000012', ['prestashop-order', 'prestashop-order-legacy']],
  ['delivery slip (PrestaShop)', 'DE000034', ['prestashop-order', 'prestashop-order-legacy']],
  ['product reference, order-shaped', 'MUGBLACKX', ['prestashop-order', 'prestashop-order-legacy']],
  ['fulfilment name', '1042-F1', ['shopify-order']],
  ['return name', '1042-R1', ['shopify-order']],
  ['draft name', 'D12', ['shopify-order', 'shopify-customer', 'shopify-draft-order']],
  ['internal id in the URL (Shopify)', '5523819086117', ['shopify-order', 'shopify-order-list']],
  ['internal id in the URL (Magento entity)', '321', ['magento-order', 'magento-order-list']],
  [
    'internal id (Woo post with a numbering plugin)',
    '4321',
    ['woocommerce-order', 'woocommerce-order-list'],
  ],
  ['customer id', '7120043311', ['shopify-order', 'shopify-customer']],
  ['customer id', '000412', ['prestashop-customer']],
  ['PrestaShop id_order', '#12', ['prestashop-order', 'prestashop-order-legacy']],
  ['Amazon ASIN', 'B0ABCDEF12', ['amazon-order', 'amazon-messaging']],
  ['Amazon Order Item ID', '12345678901234', ['amazon-order']],
  ['Amazon seller order id', 'Your Seller Order ID: # 1042', ['amazon-order']],
  ['eBay sales record number', '1234', ['ebay-order']],
  ['eBay item number', '123456789012', ['ebay-order']],
  ['eBay transaction id', '2345678901001', ['ebay-order']],
  ['eBay buyer id', 'kettlefan_88', ['ebay-order']],
  ['Etsy listing id', '1234567890', ['etsy-order', 'etsy-order-list']],
  ['Etsy transaction id', '4012345678', ['etsy-order', 'etsy-order-list']],
  ['Etsy shop id', '21234567', ['etsy-order', 'etsy-order-list']],
  [
    'Stripe payment intent',
    'pi_3PqR7sL2kX9mN4vB1aC0dE5f',
    ['stripe-payment', 'woocommerce-order-hpos'],
  ],
  ['Stripe customer', 'cus_QwErTy123456', ['stripe-payment', 'stripe-customer']],
  ['Stripe charge', 'ch_3PqR7sL2kX9mN4vB1xY2zW3v', ['stripe-payment', 'woocommerce-order-hpos']],
  ['Stripe invoice number', 'ABCD1234-0001', ['stripe-payment']],
  ['Stripe last4', '4242', ['stripe-payment']],
  [
    'Stripe risk score / IP',
    '203.0.113.7',
    ['stripe-payment', 'woocommerce-order-hpos', 'magento-order'],
  ],
  ['gateway transaction id', '9988776655', ['bigcommerce-order']],
  [
    'the agent’s own email',
    'dana@northwind.example',
    Object.keys(expected).filter(
      (name) => !name.startsWith('magento-storefront') && !LOCALISED.test(name),
    ),
  ],
  [
    'the store’s sender email',
    'orders@northwind.example',
    Object.keys(expected).filter(
      (name) => !/^(?:magento|prestashop)-/.test(name) && !LOCALISED.test(name),
    ),
  ],
  [
    'the store’s sender email',
    'sales@lakeside.example',
    ['magento-order', 'magento-storefront-order'],
  ],
  [
    'the store’s sender email',
    'commandes@boutique.example',
    ['prestashop-order', 'prestashop-order-list', 'prestashop-customer'],
  ],
  ['a note’s third-party email', 'accounts@mayaco.example', ['shopify-order', 'shopify-customer']],
  // Notes, comments, messages and timelines are written by people about anyone: never the customer.
  [
    'an email in the customer-provided note (WooCommerce)',
    'lena.rivera@example.org',
    ['woocommerce-order', 'woocommerce-order-hpos'],
  ],
  ['an email in an order note (WooCommerce)', 'ap@riveraco.example', ['woocommerce-order']],
  ['an order number in an order note (WooCommerce)', '4398', ['woocommerce-order-hpos']],
  [
    'an email in a timeline comment (Shopify)',
    'sam.chen@example.org',
    ['shopify-order', 'shopify-customer'],
  ],
  ['an order number in an order comment (Magento)', '000000099', ['magento-order']],
  [
    'an email in an order comment (Magento)',
    'accounts@lakeside-partner.example',
    ['magento-order'],
  ],
  [
    'an email in a customer message (PrestaShop)',
    'paul.martin@example.org',
    ['prestashop-order', 'prestashop-order-legacy'],
  ],
  ['an email in a private note (PrestaShop)', 'compta@doe-atelier.example', ['prestashop-order']],
  // Localised admins: the agent's and the store's addresses, notes and timelines in each language.
  ['the agent’s own email', 'camille@atelier-lumiere.example', ['shopify-order-fr']],
  ['the store’s sender email', 'commandes@atelier-lumiere.example', ['shopify-order-fr']],
  ['an email in "Remarques" (Shopify)', 'claire.benoit@example.org', ['shopify-order-fr']],
  ['an email in "Chronologie" (Shopify)', 'compta@studio-benoit.example', ['shopify-order-fr']],
  ['an order number in "Remarques" (Shopify)', '1049', ['shopify-order-fr']],
  ['the agent’s own email', 'jonas@kaffee-nord.example', ['woocommerce-order-de', 'ebay-order-de']],
  ['an email in "Bestellnotizen"', 'buchhaltung@schneider-gmbh.example', ['woocommerce-order-de']],
  [
    'an email in "Vom Kunden angegebene Notiz"',
    'anna.schneider@example.org',
    ['woocommerce-order-de'],
  ],
  ['an order number in "Bestellnotizen"', '2098', ['woocommerce-order-de']],
  ['an email in "Personeelsnotities"', 'boekhouding@bakker-bouw.example', ['bigcommerce-order-nl']],
  ['the agent’s own email', 'sanne@fietsenwinkel-delft.example', ['bigcommerce-order-nl']],
  ['an order number in a comment (Magento, Italian)', '000000144', ['magento-order-it']],
  ['an invoice number (Magento, Italian)', '000000131', ['magento-order-it']],
  [
    'an email in a comment (Magento, Italian)',
    'amministrazione@esposito-sartoria.example',
    ['magento-order-it'],
  ],
  ['the store’s sender email', 'vendite@casa-partenope.example', ['magento-order-it']],
  [
    'an email in a message (PrestaShop, Spanish)',
    'pablo.martin@example.org',
    ['prestashop-order-es'],
  ],
  ['a reference in a message (PrestaShop, Spanish)', 'KLMNBVCXZ', ['prestashop-order-es']],
  [
    'the agent’s own email',
    'marta@tiendanorte.example',
    ['prestashop-order-es', 'stripe-payment-es'],
  ],
  ['metadata support_email (Stripe)', 'ayuda@tiendanorte.example', ['stripe-payment-es']],
  ['an email in "Cronología" (Stripe)', 'facturas@garcia-estudio.example', ['stripe-payment-es']],
  ['metadata notify_email (Stripe)', 'orders@northwind.example', ['stripe-payment-guest']],
  [
    'a receipt sent to another address (Stripe)',
    'okafor.accounts@example.com',
    ['stripe-payment-guest'],
  ],
  ['the agent’s own email', 'rafael@casaaurora.example', ['amazon-order-pt']],
  ['Amazon Order Item ID', '12345678901234', ['amazon-order-pt']],
  ['eBay sales record number', '2281', ['ebay-order-de']],
  ['eBay item number', '224466880011', ['ebay-order-de']],
  ['Etsy listing id', '1298765431', ['etsy-order-list-fr']],
  ['Etsy transaction id', '4098765431', ['etsy-order-list-fr']],
  ['Etsy shop id', '21234567', ['etsy-order-list-fr']],
  // Customers in sub-sections: notes, messages and other people's addresses beside the card.
  [
    'a shipping addressee’s email in the customer note',
    'accounts@evans-daughters.example',
    ['woocommerce-order-subsections'],
  ],
  ['an email in an order note', 'gwen.evans@example.org', ['woocommerce-order-subsections']],
  ['the agent’s own email', 'owen@harbour-tea.example', ['woocommerce-order-subsections']],
  ['an email in a comment (Magento)', 'marit.aas@example.no', ['magento-order-subsections']],
  ['an order number in a comment (Magento)', '100000861', ['magento-order-subsections']],
  ['the linked new order (Magento)', '100000873', ['magento-order-subsections']],
  ['the agent’s own email', 'ingrid@fjord-outdoor.example', ['magento-order-subsections']],
  [
    'an email in a private note (PrestaShop)',
    'compta@atelier-roux.example',
    ['prestashop-order-subsections'],
  ],
  ['an email in a message (PrestaShop)', 'bruno.roux@example.fr', ['prestashop-order-subsections']],
  ['a reference in a message (PrestaShop)', 'RTZPLMNQW', ['prestashop-order-subsections']],
  ['an email in a gift message (Amazon)', 'callum.f@example.co.uk', ['amazon-order-subsections']],
  ['the agent’s own email', 'fiona@thistle-oak.example', ['amazon-order-subsections']],
  ['an email in a buyer note (eBay)', 'teddy.banks.home@example.com', ['ebay-order-subsections']],
  ['the agent’s own email', 'marco@retro-radio.example', ['ebay-order-subsections']],
  [
    'an email in a note from the buyer (Etsy)',
    'imogen.clarke@example.co.uk',
    ['etsy-order-subsections'],
  ],
  ['an email in private notes (Etsy)', 'contact@wild-meadow.example', ['etsy-order-subsections']],
  ['another order in the list behind the overlay (Etsy)', '3188823401', ['etsy-order-subsections']],
];

describe.each(DECOYS)('%s %s', (_, value, names) => {
  test.each(names)('is on %s and not detected there', (name) => {
    const html = readFileSync(`${FIXTURES}/${name}.html`, 'utf8').replace(/&euro;/g, '€');
    expect(html).toContain(value);
    const found = detectPage(new URL(expected[name]!.url), fixture(name));
    const values = [...found.orderRefs, ...found.originIds.map((o) => o.id), ...found.emails];
    const canonical = value.replace(/^#/, '').toLowerCase();
    expect(values.map((v) => v.toLowerCase())).not.toContain(canonical);
  });
});
