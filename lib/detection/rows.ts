import type { Detection, OriginId } from './schema';

/*
 * Zod-free, like types.ts: the content script imports this module to place list rows.
 */

/** Rows one rowCounts message names at most: a batch of rows coming into view. */
export const MAX_ROW_IDS = 25;

/** One id of an order list with the element it was read from: the row's link or cell. */
export interface ListRow {
  /** The id as reported: an order number, or a marketplace's order id. */
  id: { orderRef: string } | { originId: OriginId };
  /** One string per id, the same on both sides of the rowCounts message (see rowKey). */
  key: string;
  element: Element;
}

/** The key of an order number or a marketplace order id. */
export function rowKey(id: ListRow['id']): string {
  return 'orderRef' in id ? id.orderRef : `${id.originId.marketplace}:${id.originId.id}`;
}

/** Elements whose text is page furniture or ours, never a row's id. */
const NOT_ROWS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'HEAD']);
/** What a printed id may carry around it: `#1042`, `Order #1042:`, `(1042)`. */
const EDGES = /^[#№([]+|[)\].,;:]+$/g;

/**
 * Where each id of an order list sits: for every id the detector reported, the first link whose
 * text (or address) names it, else the innermost element whose own text does. The detector has
 * already judged which values are ids, so this only places them; an id it cannot place has no row
 * (and no chip). Any other kind of page has no rows: its ids are the page's subject, not a list.
 */
export function listRows(doc: Document, found: Detection): ListRow[] {
  if (found.kind !== 'order-list') return [];
  const wanted = new Map<string, ListRow['id']>();
  for (const orderRef of found.orderRefs) wanted.set(orderRef, { orderRef });
  for (const originId of found.originIds) wanted.set(originId.id, { originId });
  if (wanted.size === 0 || !doc.body) return [];

  const placed = new Map<string, ListRow>();
  const place = (token: string, element: Element) => {
    const id = wanted.get(token);
    if (!id) return;
    wanted.delete(token);
    placed.set(rowKey(id), { id, key: rowKey(id), element });
  };

  // Links first (a row's order cell), by their text, then by their address's path segments and
  // query values (some lists print the id only in the link); then any text.
  const links = [...doc.body.querySelectorAll('a')];
  for (const link of links) for (const token of tokens(link.textContent ?? '')) place(token, link);
  for (const link of links) {
    if (wanted.size === 0) break;
    for (const part of (link.getAttribute('href') ?? '').split(/[/?&=#]/)) place(part, link);
  }

  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && wanted.size > 0; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('head, script, style, template, noscript, textarea')) continue;
    if (NOT_ROWS.has(parent.tagName)) continue;
    for (const token of tokens(node.nodeValue ?? '')) place(token, parent);
  }

  // In page order, so the rows on top are the first looked up.
  const order = (a: ListRow, b: ListRow) =>
    a.element === b.element
      ? 0
      : a.element.compareDocumentPosition(b.element) & 4 /* FOLLOWING */
        ? -1
        : 1;
  return [...placed.values()].sort(order);
}

function tokens(value: string): string[] {
  return value
    .split(/\s+/)
    .map((token) => token.replace(EDGES, ''))
    .filter(Boolean);
}
