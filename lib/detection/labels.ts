/**
 * The labels admins print beside the values detection reads, in English and in the platforms' own
 * translations (Shopify, WooCommerce, BigCommerce, Magento, PrestaShop admin strings; Amazon, eBay,
 * Etsy and Stripe seller UIs) for French, German, Spanish, Italian, Dutch and Portuguese. One export
 * per label, so each content script bundles only its platforms' labels; written folded: lower case,
 * accents stripped (`fold`), each entry a regex alternation matched anchored (`label`,
 * `labelStart`), never anywhere in a sentence.
 * Plain strings, no dependency: this ships in the content script.
 */

/** `n°`, `nº`, `n.º`, `no.`, `nr.`: the "number" sign of each language. */
const NO = '(?:#|n\\.?\\s?[°ºo]\\.?|nr\\.?|no\\.?)';

/** "Order", as a store's own text names one ("Northwind - Pedido 2045" from Woo's Stripe gateway). */
export const orderLabel = 'order|commande|bestellung|pedido|ordine|bestelling|encomenda';

/** A card or panel titled for the customer (Shopify "Customer", PrestaShop "Client", …). */
export const customerLabel =
  'customer(?: overview| details| information)?|client|informations? client|kunde|kundeninformationen|kundendetails|cliente|datos del cliente|informazioni (?:sul )?cliente|klant|klantgegevens|dados do cliente|informacoes do cliente';

/** Its contact sub-section. */
export const contactLabel =
  'contact(?: information| details)?|coordonnees|informations? de contact|kontakt(?:informationen|daten)?|informacion de contacto|datos de contacto|contacto|informazioni di contatto|dati di contatto|contatto|contactgegevens|contactinformatie|informacoes de conta(?:c)?to|contato';

/** Its address sub-sections. */
export const addressLabel =
  '(?:shipping|billing|delivery|invoice) address|addresses|adresses?(?: d.expedition| de livraison| de facturation)?|(?:liefer|rechnungs|versand)adresse|direccion(?:es)?(?: de envio| de facturacion| de entrega)?|indirizz[io](?: di spedizione| di fatturazione)?|(?:verzend|factuur|bezorg|aflever)adres|adressen|enderecos?(?: de entrega| de envio| de cobranca| de faturacao| de faturamento)?';

/** "Email", "Customer email", Stripe's metadata keys `customer_email`, "Owner email". */
export const emailLabel =
  '(?:(?:customer|receipt|billing|owner|client)[ _-]?)?e-?mail(?:[ _-]?address)?|(?:adresse )?(?:e-?mail|electronique|courriel)(?: du (?:client|titulaire))?|e-?mail(?:-?adresse)?(?: des (?:kunden|inhabers))?|(?:kunden|rechnungs)-?e-?mail|correo(?: electronico)?(?: del (?:cliente|titular))?|(?:indirizzo )?e-?mail(?: del (?:cliente|titolare))?|e-?mail(?:adres)?(?: van (?:de )?(?:klant|eigenaar))?|(?:endereco de )?e-?mail(?: do (?:cliente|titular))?';

/** "Order #", "Order number", "Order ID" (Magento's "Order # %1", Etsy's rows, BigCommerce's list). */
export const orderNumberLabel = `order\\s*(?:${NO}|number|id)|commande\\s*${NO}|(?:${NO}|numero|id) de(?: la)? commande|bestellung\\s*${NO}|bestell(?:nummer|-?nr\\.?|-?id)|auftrags?(?:nummer|-?nr\\.?)|pedido\\s*${NO}|(?:${NO}|numero|id) (?:de|del|do|da) (?:pedido|encomenda)|ordine\\s*${NO}|(?:numero|id|${NO}) (?:dell.)?ordine|bestelling\\s*${NO}|bestel(?:nummer|-?id)|encomenda\\s*${NO}`;

/** PrestaShop's "Reference" column. */
export const referenceLabel = 'reference|referenz|referencia|riferimento|referentie';

/** "Customer Name", "Buyer name": where Magento and Amazon print the customer's name. */
export const customerNameLabel =
  '(?:customer|buyer) name|contact buyer|nom du client|nom de l.acheteur|contacter l.acheteur|kundenname|name des (?:kunden|kaufers)|kaufer kontaktieren|nombre del (?:cliente|comprador)|contactar al comprador|nome (?:del )?cliente|nome dell.acquirente|contatta l.acquirente|klantnaam|naam (?:van de )?koper|contact opnemen met koper|nome do (?:cliente|comprador)|(?:entrar em contato com o|contatar) comprador';

/** Stripe's "Name". */
export const nameLabel = 'name|nom|nombre|nome|naam';

/** eBay's and Etsy's "Ship to". */
export const shipToLabel =
  'ship to|expedier a|livrer a|adresse de livraison|versand an|lieferung an|lieferadresse|enviar a|envio a|spedire a|spedisci a|indirizzo di spedizione|verzenden naar|bezorgen bij|verzendadres|enviar para|entregar a';

/** eBay's "Buyer" sub-section, beside "Ship to" in the buyer's card. */
export const buyerLabel = 'buyer|acheteur|kaufer|comprador|acquirente|koper';

/** WooCommerce's "Billing" column. */
export const billingLabel =
  'billing|facturation|rechnung|rechnungsadresse|facturacion|fatturazione|facturering|factuur|faturamento|faturacao|cobranca';

/** Stripe's "Description". */
export const descriptionLabel =
  'description|beschreibung|descripcion|descrizione|beschrijving|descricao';

/**
 * Text people write about an order (notes, comments, messages, timelines, history): never a
 * source of ids, whatever it contains.
 */
export const freeTextLabel =
  '(?:(?:staff|private|order|customer(?: provided)?|internal) )?notes?|timeline|activity|(?:(?:order|customer) )?(?:comments?|messages?)(?: history)?|comments history|history' +
  '|notes?(?: privee| interne| de (?:la )?commande| du client| du personnel)?|remarques?|commentaires?|historique(?: des commentaires)?|chronologie|messages? du client' +
  '|notizen?|(?:private|interne) notiz|(?:bestell|mitarbeiter)notizen|anmerkungen?|kommentare?|kommentarverlauf|nachrichten?|verlauf|zeitachse|chronik|aktivitat' +
  '|notas?(?: privada| interna| del pedido| do pedido| da encomenda| del personal| da equipe)?|comentarios?|historial(?: de comentarios)?|mensajes?|cronologia|actividad' +
  '|note(?: privata| interna| dell.ordine| del personale)?|nota privata|commenti|cronologia commenti|messaggi|storico|attivita' +
  '|notities?|opmerkingen?|prive-?notitie|(?:bestel|personeels)notities|reacties|berichten|geschiedenis|tijdlijn|activiteit' +
  '|observacoes|historico(?: de comentarios)?|mensagens|linha do tempo|atividade';

/**
 * Every label by name (tests and tools). Content scripts import the labels they use one by one, so
 * a bundle carries only its platforms' labels.
 */
export const LABEL = {
  order: orderLabel,
  customer: customerLabel,
  contact: contactLabel,
  address: addressLabel,
  email: emailLabel,
  orderNumber: orderNumberLabel,
  reference: referenceLabel,
  customerName: customerNameLabel,
  name: nameLabel,
  shipTo: shipToLabel,
  billing: billingLabel,
  description: descriptionLabel,
  freeText: freeTextLabel,
} as const;

const MARK = /[\u0300-\u036f]/;
const MARKS = /[\u0300-\u036f]/g;
const ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/g;

/** Text with its accents composed (`e` + U+0301 → `é`), so `fold` keeps every character's place. */
export function composed(value: string): string {
  return MARK.test(value) ? value.normalize('NFC') : value;
}

/**
 * Accents stripped, one character for one (`Référence` → `Reference`), so a match's index and
 * length hold in `composed(value)`. Case is left to the regex's `i` flag.
 */
export function fold(value: string): string {
  return composed(value).replace(ACCENTED, (char) => {
    const base = char.normalize('NFD').replace(MARKS, '');
    return base.length === 1 ? base : char;
  });
}

/** The whole text is the label, with an optional colon: `E-Mail-Adresse:`. */
export function label(alternatives: string): RegExp {
  return new RegExp(`^(?:${alternatives})\\s*:?$`, 'i');
}

/** The text starts with the label, its value may follow: `Ordine # 000000123`. */
export function labelStart(alternatives: string): RegExp {
  // A label ending in a letter ends at a word's end (`Order note` is no `Order no`).
  return new RegExp(`^(?:${alternatives})(?:(?<![\\p{L}\\d])|(?![\\p{L}\\d]))\\s*:?\\s*`, 'iu');
}

/** The headings of a customer card's sub-sections: customer, contact, addresses, email. */
export const CUSTOMER_SECTION = /* @__PURE__ */ label(
  [customerLabel, contactLabel, addressLabel, emailLabel].join('|'),
);
