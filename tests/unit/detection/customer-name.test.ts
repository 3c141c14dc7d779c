import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { detectPage } from '@/lib/detection';
import { detection } from '@/lib/detection/extract';
import { DetectionSchema } from '@/lib/detection/schema';
import { isCustomerName } from '@/lib/detection/types';
import { expected } from '../../fixtures/pages/expected';
import { FIXTURES, html } from './load-fixture';

/** A fixture as a fresh document, changed by `edit` (the shared parsed copies are never written). */
function page(name: string, edit: (doc: Document) => void) {
  const doc = html(readFileSync(`${FIXTURES}/${name}.html`, 'utf8'));
  edit(doc);
  return detectPage(new URL(expected[name]!.url), doc);
}

const report = (customerName: string) => ({
  platform: 'shopify',
  kind: 'order',
  orderRefs: ['1042'],
  originIds: [],
  emails: [],
  customerName,
});

describe('a customer name is one name-shaped line', () => {
  test.each([
    'Nora Lindqvist',
    'Inès Moreau',
    "Seán O'Brien-Ng",
    '李小龍',
    'Dr. A. B. de la Cruz Jr.',
  ])('%j is a name', (name) => {
    expect(isCustomerName(name)).toBe(true);
    expect(DetectionSchema.parse(report(name)).customerName).toBe(name);
  });

  test.each([
    ['empty', ''],
    ['blank', '   '],
    ['an email', 'nora.lindqvist@example.org'],
    ['an email in a name', 'Nora <nora@example.org>'],
    ['a link', 'http://evil.example/x'],
    ['a link without scheme', 'www.evil.example'],
    ['digits only', '5523819086190'],
    ['a phone', '+1 (555) 010-7788'],
    ['a line break', 'Nora\nLindqvist'],
    ['a control character', 'Nora\u0000Lindqvist'],
    ['nine words', 'please call me back about the parcel that never came'],
    ['121 characters', 'N'.repeat(121)],
  ])('%s is refused by the schema', (_, value) => {
    expect(DetectionSchema.safeParse(report(value)).success).toBe(false);
  });

  test('the schema trims, and a report without a name is still a report', () => {
    expect(DetectionSchema.parse(report('  Nora Lindqvist ')).customerName).toBe('Nora Lindqvist');
    const { customerName: _, ...unnamed } = report('x');
    expect(DetectionSchema.safeParse(unnamed).success).toBe(true);
  });

  test('only an order page carries one, squashed to one line', () => {
    expect(detection('shopify', 'order', { customerName: ' Nora \n Lindqvist ' })).toMatchObject({
      customerName: 'Nora Lindqvist',
    });
    expect(detection('shopify', 'customer', { customerName: 'Nora Lindqvist' })).not.toHaveProperty(
      'customerName',
    );
    expect(detection('shopify', 'order', { customerName: 'a@b.example' })).not.toHaveProperty(
      'customerName',
    );
  });
});

describe('never from notes, messages or timelines', () => {
  test('Shopify: a customer link in a note inside the customer card is not the customer', () => {
    const found = page('shopify-order-new-customer', (doc) => {
      const link = doc.querySelector('main a[href*="/customers/7120098812"]')!;
      link.parentElement!.outerHTML =
        '<h3>Notes</h3><p>Gift for <a href="/store/northwind-goods/customers/42">Eve Mallory</a></p>';
    });
    expect(found.orderRefs).toEqual(['1187']);
    expect(found.customerName).toBeUndefined();
  });

  test('WooCommerce: a guest order takes the billing name, never the customer-provided note', () => {
    const guest = page('woocommerce-order', (doc) => doc.querySelector('#customer_user')!.remove());
    expect(guest.customerName).toBe('Tomás Rivera');

    const noted = page('woocommerce-order', (doc) => {
      doc.querySelector('#customer_user')!.remove();
      const billing = doc.querySelector('.order_data_column .address')!;
      billing.innerHTML =
        '<p class="order_note"><strong>Customer provided note:</strong> Eve Mallory</p>';
    });
    expect(noted.customerName).toBeUndefined();
  });

  test('Magento: "Customer Name" in the comments history is not the account’s', () => {
    const found = page('magento-order', (doc) => {
      doc.querySelector('.order-account-information th')!.closest('tr')!.remove();
      doc
        .querySelector('.note-list')!
        .insertAdjacentHTML(
          'beforeend',
          '<li><table><tr><th>Customer Name</th><td>Eve Mallory</td></tr></table></li>',
        );
    });
    expect(found.orderRefs).toEqual(['000000123']);
    expect(found.customerName).toBeUndefined();
  });

  test('PrestaShop: a customer link in a message is not the customer', () => {
    const found = page('prestashop-order-legacy', (doc) => {
      const customer = doc.querySelector('.panel-heading a[href*="AdminCustomers"]')!;
      customer.closest('.panel')!.remove();
      doc
        .querySelector('.message-item')!
        .insertAdjacentHTML(
          'beforeend',
          '<div class="panel-heading">Customer <a href="index.php?controller=AdminCustomers&id_customer=9&viewcustomer">Eve Mallory</a></div>',
        );
    });
    expect(found.customerName).toBeUndefined();
  });

  test('Amazon: a message thread’s header names no one by label', () => {
    expect(page('amazon-messaging', () => undefined).customerName).toBeUndefined();
  });

  test('Amazon: without a Contact Buyer link, the ship-to address’s first line', () => {
    const found = page('amazon-order', (doc) => {
      doc.querySelector('a[href*="/messaging/contact"]')!.parentElement!.remove();
    });
    expect(found.customerName).toBe('Priya Natarajan');
  });

  test('WooCommerce: a guest order’s placeholder option ("Guest") is no name; the billing one is', () => {
    const found = page('woocommerce-order-subsections', (doc) => {
      doc.querySelector('select#customer_user option[selected]')!.textContent = 'Guest';
    });
    expect(found.customerName).toBe('Rhiannon Evans');
    expect(found.customerName).not.toBe('Guest');
  });

  test('Amazon: the "Contact buyer" line loses its label in any language, accents included', () => {
    const german = page('amazon-order-subsections', (doc) => {
      const heading = [...doc.querySelectorAll('h4')].find(
        (h) => h.textContent === 'Contact buyer',
      )!;
      heading.textContent = 'Käufer kontaktieren';
      heading.nextElementSibling!.querySelector('span')!.textContent = 'Käufer kontaktieren:';
    });
    expect(german.customerName).toBe('Callum Fraser');
  });

  test('Etsy: the overlay’s buyer, never a list row’s; else its "Ship to" name', () => {
    const shipTo = page('etsy-order', (doc) => {
      doc.querySelector('[role="dialog"] a[href*="/people/"]')!.parentElement!.remove();
      doc.querySelector('[role="dialog"] dl dd:last-of-type')!.textContent =
        'Ava L., 9 Birch Lane, Portland, OR 97201-1234';
    });
    expect(shipTo.customerName).toBe('Ava L.');
    const noOverlay = page('etsy-order', (doc) => doc.querySelector('[role="dialog"]')!.remove());
    expect(noOverlay.customerName).toBeUndefined();
  });
});
