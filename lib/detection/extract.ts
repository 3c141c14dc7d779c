/**
 * The DOM reading every platform shares: label → value, table columns, blocks under a heading,
 * emails from a customer block, and the canonical forms every detector reports (an order number
 * without its `#` or spaces, an email in lower case). Plain DOM only: this ships in the content
 * script.
 */
import type { Detection, OriginId } from './schema';
import { composed, fold, freeTextLabel } from './labels';
import {
  ID_SHAPE,
  isCustomerName,
  MAX_PAGE_EMAILS,
  MAX_PAGE_IDS,
  type PageKind,
  type PlatformId,
} from './types';

/** The same shape zod's `z.email()` accepts, so a report never fails the background's schema. */
const EMAIL = /^(?:[a-z0-9_'+-]+\.)*[a-z0-9_'+-]*[a-z0-9_+-]@(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}$/;
/** The longest address there is (RFC 5321): anything longer is refused before any regex runs. */
const MAX_EMAIL = 254;
const MAX_LOCAL_PART = 64;
const MAX_DOMAIN = 253;
const LOCAL_CHAR = /[a-z0-9_'+.-]/i;
const DOMAIN_CHAR = /[a-z0-9.-]/i;
/** The domain at the start of its run of characters: labels, a dot, a top-level name of letters. */
const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/i;

/** Site-wide header, footer and navigation: where the agent's own login and store senders sit. */
const CHROME = 'header, footer, nav, [role="banner"], [role="navigation"], [role="contentinfo"]';
/** A header or footer inside these belongs to a card or section, not to the site. */
const SECTIONING = 'article, aside, main, section, [role="main"], [role="region"], [role="dialog"]';
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
/** Elements a label is printed in. */
const LABELS = 'th, dt, td, label, strong, b, span, p, div, li, h1, h2, h3, h4, h5, h6, a, button';
/** Longer text is a container holding a label, not the label itself. */
const MAX_LABEL_TEXT = 160;
/**
 * Text people write about an order: the customer's note, staff notes and comments, messages,
 * timelines. An address or number there may be anyone's (a sister, a supplier, a replaced order),
 * so ids are never read from it. Each platform's own markup, then any block titled so.
 */
const FREE_TEXT = [
  'textarea',
  // WooCommerce: the customer-provided note, the order notes box
  '.order_note',
  '#woocommerce-order-notes',
  'ul.order_notes',
  // Magento: comments history and the comment form
  '.order-history-block',
  '#order_history_block',
  '.note-list',
  '.edit-order-comments',
  // PrestaShop: messages and private notes
  '#messagesCard',
  '#privateNote',
  '.customer-private-note-card',
  '.message-item',
].join(', ');
/** A heading that titles such text, in any admin language (see labels.ts), with its count. */
const FREE_TEXT_HEADING = new RegExp(`^(?:${freeTextLabel})(?:\\s*\\(\\d+\\))?$`, 'i');

export function squash(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

export function text(element: Element | null | undefined): string {
  return squash(element?.textContent ?? '');
}

export function isPageChrome(element: Element): boolean {
  const chrome = element.closest(CHROME);
  if (!chrome) return false;
  if (/^(?:header|footer)$/i.test(chrome.tagName))
    return !chrome.parentElement?.closest(SECTIONING);
  return true;
}

/**
 * Human-readable text under `root`: text nodes joined by spaces (so table cells do not run
 * together), without scripts, styles and the site's header, footer and navigation.
 */
export function readableText(
  root: Node | null | undefined,
  skip: ReadonlySet<Element> = new Set(),
): string {
  if (!root || (root.nodeType === 1 && isPageChrome(root as Element))) return '';
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1 && !skipsText(child as Element) && !skip.has(child as Element))
        walk(child);
    }
  };
  walk(root);
  return squash(parts.join(' '));
}

function skipsText(element: Element): boolean {
  return NOT_TEXT.has(element.tagName) || (element.matches(CHROME) && isPageChrome(element));
}

// ---------------------------------------------------------------------------------------------
// Canonical forms

/** An order number as printed: trimmed, one leading `#` and inner spaces removed, case kept. */
export function canonicalOrderRef(value: string): string {
  return value.trim().replace(/^#/, '').replace(/\s+/g, '');
}

export function canonicalEmail(value: string): string | null {
  let email = value
    .trim()
    .replace(/^mailto:/i, '')
    .split('?')[0]!;
  try {
    email = decodeURIComponent(email);
  } catch {
    return null;
  }
  // A sentence may end right after the address: "write to a@b.example."
  email = email.trim().toLowerCase().replace(/\.+$/, '');
  return email.length <= MAX_EMAIL && EMAIL.test(email) ? email : null;
}

/**
 * Where addresses are printed in free text, as `[start, end)` spans: the same matches as the regex
 * /[a-z0-9_'+.-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi, found in linear time. That regex
 * restarts at every letter of a long word and rescans it, which took seconds on customer-written
 * text; here each `@` looks at most 64 characters back and 253 ahead. A local part longer than 64
 * characters is no address.
 */
export function emailSpans(value: string): [start: number, end: number][] {
  const spans: [number, number][] = [];
  // Where the last address ended: the next one's local part starts after it, as in a regex scan.
  let floor = 0;
  for (let at = value.indexOf('@'); at >= 0; at = value.indexOf('@', at + 1)) {
    let start = at;
    while (start > floor && at - start <= MAX_LOCAL_PART && LOCAL_CHAR.test(value[start - 1]!))
      start--;
    if (start === at || at - start > MAX_LOCAL_PART) continue;
    let end = at + 1;
    while (end < value.length && end - at <= MAX_DOMAIN && DOMAIN_CHAR.test(value[end]!)) end++;
    const domain = value.slice(at + 1, end).match(DOMAIN)?.[0];
    if (!domain) continue;
    floor = at + 1 + domain.length;
    spans.push([start, floor]);
  }
  return spans;
}

/** The addresses printed in free text, as written (see emailSpans). */
export function emailsInText(value: string): string[] {
  return emailSpans(value).map(([start, end]) => value.slice(start, end));
}

/** The first value printed in `value`: `# 000000123 (sent)` → `000000123`, `1001.` → `1001`. */
export function firstToken(value: string): string {
  const token = value.match(/^[\s#:]*([^\s,;()[\]]+)/)?.[1] ?? '';
  return token.replace(/[.:!?]+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Where values are printed

/**
 * Values printed after a label (anchored regex, matched against the folded text: see labels.ts):
 * in the label's own text (`Order # 000000123`),
 * or else in the next thing beside it (`<dt>Order ID</dt><dd>…`, `<strong>Email:</strong> a@b`,
 * `<span>Order ID: #</span><span>…</span>`), climbing out of a wrapper that holds only the label.
 */
export function valuesAfterLabel(
  root: ParentNode | null | undefined,
  label: RegExp,
  selector = LABELS,
): string[] {
  if (!root) return [];
  const values: string[] = [];
  const notes = freeTextBlocks(root);
  for (const element of root.querySelectorAll(selector)) {
    // Cheap length check first: list containers hold thousands of rows' text.
    if ((element.textContent ?? '').length > MAX_LABEL_TEXT * 4) continue;
    const own = composed(text(element));
    if (own.length > MAX_LABEL_TEXT) continue;
    const match = fold(own).match(label);
    if (!match || match.index !== 0 || isPageChrome(element) || within(element, notes)) continue;
    // The innermost label only: a wrapper's text runs its children together ("000000123Customer").
    const labels = (child: Element) => child.matches(selector) && label.test(fold(text(child)));
    if ([...element.children].some(labels)) continue;
    const value = squash(own.slice(match[0].length)) || textBeside(element);
    if (value) values.push(value);
  }
  return values;
}

function textBeside(label: Element): string {
  for (let element: Element | null = label, depth = 0; element && depth < 3; depth++) {
    for (let node = element.nextSibling; node; node = node.nextSibling) {
      const value = squash(node.textContent ?? '');
      if (value) return value;
    }
    const parent: Element | null = element.parentElement;
    // Only climb out of a wrapper that holds nothing but the label.
    element = parent && text(parent) === text(element) ? parent : null;
  }
  return '';
}

/** Order numbers after a label, canonical and of the platform's shape. */
export function refsAfterLabel(
  root: ParentNode | null | undefined,
  label: RegExp,
  shape: RegExp,
  selector?: string,
): string[] {
  return valuesAfterLabel(root, label, selector)
    .map((value) => canonicalOrderRef(firstToken(value)))
    .filter((ref) => shape.test(ref));
}

/** The cells of every table column whose header matches `header` (the list's "Order ID"). */
export function columnValues(root: ParentNode | null | undefined, header: RegExp): string[] {
  if (!root) return [];
  const values: string[] = [];
  for (const table of root.querySelectorAll('table')) {
    const headRow = table.querySelector('thead tr') ?? table.querySelector('tr');
    const column = [...(headRow?.children ?? [])].findIndex((cell) =>
      header.test(fold(text(cell))),
    );
    if (column < 0) continue;
    for (const row of table.querySelectorAll('tbody tr')) {
      if (row === headRow) continue;
      const value = text(row.children[column]);
      if (value) values.push(value);
    }
  }
  return values;
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
/** What a card or panel is, where its markup says so (never the heading's own header row). */
const CARD =
  'section, article, aside, [role="region"], [class*="card" i], [class*="panel" i], .box, .well';
const CARD_PART = '[class*="head" i], [class*="title" i]';

/**
 * The card or section a heading titles ("Customer"): the largest ancestor that holds no other
 * heading of the same or a higher rank and none of the page's header, footer or navigation.
 * Built for admins whose class names are hashed and unstable. A customer card's sub-sections
 * ("Contact information", "Shipping address") are often headings of the customer heading's own
 * rank: same-rank headings that `subsections` names do not end the card. Where the markup names
 * the card around the heading (a section, a `…Card`/`…panel` class) that holds no heading of a
 * higher rank, the card as a whole is the block.
 */
export function blockByHeading(
  root: ParentNode | null | undefined,
  heading: RegExp,
  subsections?: RegExp,
): Element | null {
  if (!root) return null;
  const title = [...root.querySelectorAll(HEADINGS)].find(
    (h) => heading.test(fold(text(h))) && !isPageChrome(h),
  );
  if (!title) return null;
  const block = headingBlock(title, subsections);
  const card = subsections ? cardAround(title) : null;
  return card && card.contains(block) && (root as Node).contains(card) ? card : block;
}

/** The largest ancestor of a heading that holds no rival heading and none of the page chrome. */
function headingBlock(title: Element, subsections?: RegExp): Element {
  const rank = headingRank(title);
  let block: Element = title;
  for (
    let parent = title.parentElement;
    parent && !/^(?:BODY|HTML|MAIN)$/.test(parent.tagName);
    parent = parent.parentElement
  ) {
    const rival = [...parent.querySelectorAll(HEADINGS)].some(
      (h) =>
        !block.contains(h) &&
        headingRank(h) <= rank &&
        !(subsections && headingRank(h) === rank && subsections.test(fold(text(h)))),
    );
    if (rival || [...parent.querySelectorAll(CHROME)].some(isPageChrome)) break;
    block = parent;
  }
  return block;
}

/** The nearest card around a heading, unless it holds a heading of a higher rank or page chrome. */
function cardAround(title: Element): Element | null {
  let card = title.parentElement?.closest(CARD) ?? null;
  while (card?.matches(CARD_PART)) card = card.parentElement?.closest(CARD) ?? null;
  if (!card || /^(?:BODY|HTML|MAIN)$/.test(card.tagName)) return null;
  const rank = headingRank(title);
  const higher = [...card.querySelectorAll(HEADINGS)].some((h) => headingRank(h) < rank);
  return higher || [...card.querySelectorAll(CHROME)].some(isPageChrome) ? null : card;
}

function headingRank(heading: Element): number {
  return Number(heading.tagName.match(/^H(\d)$/)?.[1] ?? heading.getAttribute('aria-level') ?? 2);
}

/**
 * The customer's emails in a block: addresses in its text (a copy-to-clipboard button, say),
 * `mailto:` links and email inputs, plus any inputs `extraInputs` names. Never from the page's
 * header, footer or navigation.
 */
export function emailsIn(root: Element | Document | null | undefined, extraInputs = ''): string[] {
  if (!root) return [];
  const notes = freeTextBlocks(root);
  const found = emailsInText(readableText(root, new Set(notes)));
  for (const link of root.querySelectorAll('a[href^="mailto:" i]')) {
    if (!isPageChrome(link) && !within(link, notes)) found.push(link.getAttribute('href') ?? '');
  }
  // Text matches may carry quote or dot characters from the sentence around them.
  const emails = found.map((value) => canonicalEmail(value.replace(/^[.']+/, ''))).filter(isString);
  return [...emails, ...inputEmails(root, extraInputs)];
}

/** Emails in form fields only: `input[type=email]` and the inputs `extraInputs` names. */
export function inputEmails(
  root: Element | Document | null | undefined,
  extraInputs = '',
): string[] {
  if (!root) return [];
  const inputs = [
    ...root.querySelectorAll('input[type="email"]' + (extraInputs ? `, ${extraInputs}` : '')),
  ];
  const notes = freeTextBlocks(root);
  return inputs
    .filter((input) => !isPageChrome(input) && !within(input, notes))
    .map((input) =>
      canonicalEmail((input as HTMLInputElement).value || input.getAttribute('value') || ''),
    )
    .filter(isString);
}

/**
 * Emails printed as the text of links `selector` names: a payment's customer row linking to the
 * customer's record (`<a href="/customers/cus_…">jane@…</a>`). Never from notes or page chrome.
 */
export function linkedEmails(root: ParentNode | null | undefined, selector: string): string[] {
  if (!root) return [];
  const notes = freeTextBlocks(root);
  return [...root.querySelectorAll(selector)]
    .filter((link) => !isPageChrome(link) && !within(link, notes))
    .map((link) => canonicalEmail(text(link)))
    .filter(isString);
}

/**
 * Emails printed after an email label (`<dt>Email</dt><dd><a href="mailto:…"><i></i> a@b</a></dd>`,
 * metadata `customer_email`): the value's first word, or the `mailto:` link beside the label.
 */
export function labelledEmails(root: ParentNode | null | undefined, label: RegExp): string[] {
  return valuesAfterLabel(root, label)
    .map((value) => canonicalEmail(firstToken(value)))
    .filter(isString);
}

/**
 * The notes, comments, messages and timelines in or around `root` (see FREE_TEXT): by markup, and
 * the card or section of any heading that names one. A `root` inside one is itself free text.
 */
export function freeTextBlocks(root: ParentNode): Element[] {
  const blocks = [...root.querySelectorAll(FREE_TEXT)];
  const enclosing = root instanceof Element ? root.closest(FREE_TEXT) : null;
  if (enclosing) blocks.push(enclosing);
  for (const heading of root.querySelectorAll(HEADINGS)) {
    if (!FREE_TEXT_HEADING.test(fold(text(heading)))) continue;
    const block = headingBlock(heading);
    blocks.push(block);
    if (block !== heading) continue;
    // A heading with no wrapper of its own titles what follows it, up to the next such heading.
    const rank = headingRank(heading);
    for (
      let next = heading.nextElementSibling;
      next && !(next.matches(HEADINGS) && headingRank(next) <= rank);
      next = next.nextElementSibling
    )
      blocks.push(next);
  }
  return blocks;
}

function within(element: Element, blocks: readonly Element[]): boolean {
  return blocks.some((block) => block.contains(element));
}

// ---------------------------------------------------------------------------------------------
// The customer's name

/** The first of `values` shaped like a name (see isCustomerName), squashed to one line. */
export function customerName(values: readonly (string | null | undefined)[]): string | undefined {
  return values.map((value) => squash(value ?? '')).find(isCustomerName);
}

/**
 * The customer's name printed in the first of `selector` under `root` that is neither page chrome
 * nor inside a note, comment, message or timeline (see freeTextBlocks).
 */
export function nameIn(
  root: ParentNode | null | undefined,
  selector: string,
  read: (element: Element) => string = text,
): string | undefined {
  if (!root) return undefined;
  const notes = freeTextBlocks(root);
  const printed = [...root.querySelectorAll(selector)]
    .filter((element) => !isPageChrome(element) && !within(element, notes))
    .map(read);
  return customerName(printed);
}

/** The first line of an address block (`Jane Doe<br>14 rue…`): the addressee. */
export function firstLine(element: Element): string {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).tagName === 'BR') break;
    const line = squash(node.textContent ?? '');
    if (line) return line;
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// Results

export function isString(value: string | null | undefined): value is string {
  return typeof value === 'string';
}

function unique<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * A detection result: de-duplicated, and only values the background will accept. A customer's
 * name is kept on order pages only.
 */
export function detection(
  platform: PlatformId | 'custom' | null,
  kind: PageKind,
  found: {
    orderRefs?: string[];
    originIds?: OriginId[];
    emails?: string[];
    customerName?: string;
  } = {},
): Detection {
  const safe = (id: string) => ID_SHAPE.test(id);
  const name = kind === 'order' ? customerName([found.customerName]) : undefined;
  return {
    platform,
    kind,
    orderRefs: unique((found.orderRefs ?? []).filter(safe), String).slice(0, MAX_PAGE_IDS),
    originIds: unique(
      (found.originIds ?? []).filter((origin) => safe(origin.id)),
      (origin) => `${origin.marketplace}:${origin.id}`,
    ).slice(0, MAX_PAGE_IDS),
    emails: unique(found.emails ?? [], String).slice(0, MAX_PAGE_EMAILS),
    ...(name ? { customerName: name } : {}),
  };
}

export function nothing(): Detection {
  return detection(null, 'none');
}

/** Origin ids of one marketplace, of its shape. */
export function originIds(
  ids: (string | null | undefined)[],
  marketplace: OriginId['marketplace'],
  shape: RegExp,
): OriginId[] {
  return ids
    .filter((id): id is string => !!id && shape.test(id))
    .map((id) => ({ id, marketplace }));
}
