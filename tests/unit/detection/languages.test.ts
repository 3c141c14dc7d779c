import { describe, expect, test } from 'vitest';
import { detectPage } from '@/lib/detection';
import { fold, label, LABEL, labelStart } from '@/lib/detection/labels';
import { html } from './load-fixture';

describe('labels are matched folded and anchored', () => {
  test('case and accents do not matter', () => {
    expect(fold('Référence')).toBe('Reference');
    expect(fold('Re\u0301fe\u0301rence')).toBe('Reference');
    expect(label(LABEL.reference).test(fold('RÉFÉRENCE'))).toBe(true);
    expect(label(LABEL.email).test(fold('Correo electrónico:'))).toBe(true);
    expect(label(LABEL.customer).test(fold('Klant'))).toBe(true);
  });

  test('a label, not any text containing the word', () => {
    expect(label(LABEL.customer).test('Kundenverlauf')).toBe(false);
    expect(label(LABEL.email).test('support_email')).toBe(false);
    expect(labelStart(LABEL.orderNumber).test('Order notes')).toBe(false);
    expect(labelStart(LABEL.orderNumber).test('Bestellungen gesamt: 3')).toBe(false);
    expect(fold('Ordine # 000000145').replace(labelStart(LABEL.orderNumber), '')).toBe('000000145');
  });
});

/**
 * In each language: a customer card titled in that language, and beside it a note and a timeline
 * (titled in that language) holding another address and an order-like number. Only the card's
 * address is taken.
 */
const LANGUAGES: [
  lang: string,
  customer: string,
  contact: string,
  notes: string,
  timeline: string,
][] = [
  ['fr', 'Client', 'Coordonnées', 'Remarques', 'Chronologie'],
  ['de', 'Kunde', 'Kontaktinformationen', 'Notizen', 'Zeitachse'],
  ['es', 'Cliente', 'Información de contacto', 'Notas', 'Cronología'],
  ['it', 'Cliente', 'Informazioni di contatto', 'Note', 'Cronologia'],
  ['nl', 'Klant', 'Contactgegevens', 'Opmerkingen', 'Tijdlijn'],
  ['pt', 'Cliente', 'Informações de contato', 'Observações', 'Linha do tempo'],
];

describe.each(LANGUAGES)('%s', (lang, customer, contact, notes, timeline) => {
  const shopify = html(`<!doctype html><html lang="${lang}"><head><title>#1042</title></head><body>
    <main><h1>#1042</h1><div class="_Layout">
      <div class="_Surface"><h2>${timeline}</h2><ul><li>#1041 → sam.chen@example.org</li></ul></div>
      <div class="_Surface"><h2>${notes}</h2><p>#1039 ops@partner.example</p></div>
      <div class="_Surface"><h2>${customer}</h2><p>Maya Chen</p>
        <h2>${contact}</h2><p><a href="mailto:maya.chen@example.net">maya.chen@example.net</a></p></div>
    </div></main></body></html>`);

  test('the customer card’s address, from its sub-section of the same rank', () => {
    const found = detectPage(
      new URL('https://admin.shopify.com/store/s/orders/5523819086117'),
      shopify,
    );
    expect(found.orderRefs).toEqual(['1042']);
    expect(found.emails).toEqual(['maya.chen@example.net']);
  });

  test('a note or timeline in this language gives nothing', () => {
    const magento = html(`<!doctype html><html lang="${lang}"><head><title>#000000123</title></head>
      <body class="adminhtml-sales-order-view"><main id="anchor-content">
      <section><h2>${notes}</h2><p><span>Order # 000000099</span> jane@partner.example</p></section>
      <section><h2>${timeline}</h2><p><span>Order # 000000098</span></p></section>
      </main></body></html>`);
    const found = detectPage(
      new URL('https://shop.example/admin/sales/order/view/order_id/42/'),
      magento,
    );
    expect(found.orderRefs).toEqual([]);
    expect(found.emails).toEqual([]);
  });
});

test('a PrestaShop Customer panel without its list classes still gives its definition list', () => {
  const doc = html(`<!doctype html><html><head><title>Pedidos</title></head><body><div id="content">
    <div class="panel"><div class="panel-heading">Pedido <span class="badge">QWRTZPLMN</span> <span class="badge">#27</span></div></div>
    <div class="panel"><div class="panel-heading"><i class="icon-user"></i> Cliente <span class="badge">#538</span></div>
      <dl><dt>Correo electrónico</dt><dd><a href="mailto:lucia.garcia@example.es"><i class="icon-envelope-o"></i> lucia.garcia@example.es</a></dd></dl></div>
    <div class="panel"><div class="panel-heading">Mensajes</div><p>pablo.martin@example.org</p></div>
  </div></body></html>`);
  const found = detectPage(
    new URL(
      'https://t.example/admin1/index.php?controller=AdminOrders&id_order=27&vieworder&token=x',
    ),
    doc,
  );
  expect(found.orderRefs).toEqual(['QWRTZPLMN']);
  expect(found.emails).toEqual(['lucia.garcia@example.es']);
});
