import { platforms } from '../detection';
import type { DetectedIds } from '../detection/schema';
import { canonicalEmail, canonicalOrderRef, emailSpans, emailsInText } from '../detection/extract';
import { MARKETPLACES, MARKETPLACE_NAMES, type Marketplace } from '../detection/types';
import type { Translate } from '../i18n/translate';
import type { MarketplaceChannels } from '../settings/schema';

/**
 * What an agent searches for, from text they typed or selected or a link they right-clicked,
 * recognised with the same shapes and platform detectors the store pages use.
 */
export type SearchTerm =
  | { kind: 'conversation'; slug: string }
  | { kind: 'email'; email: string }
  /** A store order number: a Re:amaze reference id, and a value in the agent's custom-data keys. */
  | { kind: 'order'; ref: string }
  | { kind: 'marketplace'; marketplace: Marketplace; id: string }
  /** Nothing recognisable: still tried as a reference id or slug. */
  | { kind: 'reference'; id: string };

/** Prefixes that force a kind, as an agent types them: `email:`, `order:`, `amazon:`… */
export const SEARCH_PREFIXES = ['email', 'order', 'ref', 'slug', ...MARKETPLACES] as const;

/** Terms one search yields at most: a pasted paragraph must not become many requests. */
const MAX_TERMS = 5;
const MAX_ID_LENGTH = 80;

const CONVERSATION_LINK =
  /https?:\/\/[a-z0-9-]+\.reamaze\.(?:com|io)\/admin\/conversations\/([^/?#\s]+)/gi;
const AMAZON_ID = /\b(?:\d{3}|D\d{2})-\d{7}-\d{7}\b/g;
const EBAY_ID = /(?<![\d-])\d{2}-\d{5}-\d{5}(?![\d-])/g;
/** An order name or a labelled order number: `#1042`, `#BG7228`, `Order 1042`, `Order no. 1042`. */
const ORDER_IN_TEXT =
  /(?:^|[\s(,;:])#([A-Za-z0-9-]*\d[A-Za-z0-9-]*)\b|(?<![\w-])order(?:\s+(?:number|no\.?|id))?(?:\s*[:#]\s*|\s+)#?([A-Za-z0-9-]*\d[A-Za-z0-9-]*)\b/gi;
/** Fulfilments (`#1042-F1`), returns (`-R1`) and drafts (`#D12`) share the order-name shape. */
const NOT_ORDER = /-[FR]\d+$|^D\d+$/;
const SINGLE_TOKEN = /^[^\s<>"']{1,80}$/;
const PREFIXED = new RegExp(`^(${SEARCH_PREFIXES.join('|')}):\\s*(.+)$`, 'i');

export function classifyText(input: string): SearchTerm[] {
  const text = input.replace(/\s+/g, ' ').trim().slice(0, 500);
  if (!text) return [];
  const prefixed = text.match(PREFIXED);
  if (prefixed)
    return forced(
      prefixed[1]!.toLowerCase() as (typeof SEARCH_PREFIXES)[number],
      prefixed[2]!.trim(),
    );
  if (/^(?:https?:\/\/|mailto:)\S+$/i.test(text)) return classifyLink(text, '');

  const withoutLinks = text.replace(CONVERSATION_LINK, ' ');
  const rest = [AMAZON_ID, EBAY_ID].reduce(
    (left, pattern) => left.replace(pattern, ' '),
    withoutEmails(withoutLinks),
  );
  const terms: SearchTerm[] = [
    ...matches(text, CONVERSATION_LINK).map((slug): SearchTerm => ({
      kind: 'conversation',
      slug: decode(slug),
    })),
    ...emailsInText(withoutLinks)
      .map((found) => canonicalEmail(found))
      .filter((email): email is string => email !== null)
      .map((email): SearchTerm => ({ kind: 'email', email })),
    ...matches(text, AMAZON_ID).map((id): SearchTerm => ({
      kind: 'marketplace',
      marketplace: 'amazon',
      id,
    })),
    ...matches(text, EBAY_ID).map((id): SearchTerm => ({
      kind: 'marketplace',
      marketplace: 'ebay',
      id,
    })),
    ...orderNumbers(rest),
  ];
  if (terms.length > 0) return unique(terms).slice(0, MAX_TERMS);
  // Nothing recognisable: one token is still tried as an order number or reference id.
  if (SINGLE_TOKEN.test(text)) {
    const ref = canonicalOrderRef(text);
    if (text.startsWith('#') && NOT_ORDER.test(ref)) return [];
    return [/\d/.test(text) ? { kind: 'order', ref } : { kind: 'reference', id: text }];
  }
  return text.length <= MAX_ID_LENGTH ? [{ kind: 'reference', id: text }] : [];
}

/**
 * A right-clicked link: a Re:amaze conversation, a `mailto:` address, or a store page. Where the
 * platform says the URL id is the order's (Amazon, eBay, Etsy, BigCommerce) the URL gives it;
 * elsewhere (a Shopify order's URL holds an internal id) the link's text names the order.
 */
export function classifyLink(href: string, linkText: string): SearchTerm[] {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return classifyText(linkText);
  }
  if (url.protocol === 'mailto:') {
    const email = canonicalEmail(href);
    return email ? [{ kind: 'email', email }] : [];
  }
  const slug = `${url.origin}${url.pathname}`.match(new RegExp(CONVERSATION_LINK.source, 'i'))?.[1];
  if (slug) return [{ kind: 'conversation', slug: decode(slug) }];

  const platform = platforms.find((candidate) => candidate.pageKind(url) !== 'none');
  const named = platform?.urlIds?.(url);
  if (named) {
    return [
      ...named.orderRefs.map((ref): SearchTerm => ({ kind: 'order', ref })),
      ...named.originIds.map(({ id, marketplace }): SearchTerm => ({
        kind: 'marketplace',
        marketplace,
        id,
      })),
    ];
  }
  const text = linkText.replace(/\s+/g, ' ').trim();
  if (platform?.pageKind(url) === 'order') {
    // An order link's text starts with its order name ("#1042", "#1042 Maya Chen").
    const first = text.split(' ')[0] ?? '';
    const ref = canonicalOrderRef(first);
    return /\d/.test(ref) && SINGLE_TOKEN.test(ref) && !NOT_ORDER.test(ref)
      ? [{ kind: 'order', ref }]
      : [];
  }
  return text ? classifyText(text) : [];
}

function forced(prefix: (typeof SEARCH_PREFIXES)[number], value: string): SearchTerm[] {
  switch (prefix) {
    case 'email': {
      const email = canonicalEmail(value);
      return email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? [{ kind: 'email', email }] : [];
    }
    case 'order':
      return idTerm(value, (ref) => ({ kind: 'order', ref: canonicalOrderRef(ref) }));
    case 'ref':
      return idTerm(value, (id) => ({ kind: 'reference', id }));
    case 'slug':
      return idTerm(value, (slug) => ({ kind: 'conversation', slug }));
    default:
      return idTerm(value, (id) => ({ kind: 'marketplace', marketplace: prefix, id }));
  }
}

function idTerm(value: string, make: (id: string) => SearchTerm): SearchTerm[] {
  return SINGLE_TOKEN.test(value) ? [make(value)] : [];
}

function orderNumbers(text: string): SearchTerm[] {
  return [...text.matchAll(ORDER_IN_TEXT)]
    .map((match) => match[1] ?? match[2] ?? '')
    .filter((ref) => ref && !NOT_ORDER.test(ref) && ref.length <= MAX_ID_LENGTH)
    .map((ref): SearchTerm => ({ kind: 'order', ref }));
}

/** The text with each address replaced by a space, so its digits are not taken for an order. */
function withoutEmails(text: string): string {
  let left = '';
  let from = 0;
  for (const [start, end] of emailSpans(text)) {
    left += `${text.slice(from, start)} `;
    from = end;
  }
  return left + text.slice(from);
}

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map(
    (match) => match[1] ?? match[0],
  );
}

function unique(terms: SearchTerm[]): SearchTerm[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = JSON.stringify(term);
    return !seen.has(key) && seen.add(key);
  });
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * What a term searches, in the agent's words ("Amazon order 113-… in channel amazon-us"). Without
 * `channels` (the popup's hint while typing) the channel goes unsaid.
 */
export function describeTerm(
  t: Translate,
  term: SearchTerm,
  channels?: MarketplaceChannels,
): string {
  switch (term.kind) {
    case 'conversation':
      return t('term.conversation', { value: term.slug });
    case 'email':
      return t('term.email', { value: term.email });
    case 'order':
      return t('term.order', { value: term.ref });
    case 'marketplace': {
      const params = { name: MARKETPLACE_NAMES[term.marketplace], value: term.id };
      if (!channels) return t('term.marketplace', params);
      const channel = channels[term.marketplace];
      return channel
        ? t('term.marketplaceIn', { ...params, channel })
        : t('term.marketplaceNoChannel', params);
    }
    case 'reference':
      return t('term.reference', { value: term.id });
  }
}

/** What the agent searched, as the ids they name: the one shape every lookup takes. */
export function idsOfTerms(terms: readonly SearchTerm[]): DetectedIds {
  const ids: Required<DetectedIds> = {
    orderRefs: [],
    originIds: [],
    emails: [],
    slugs: [],
    references: [],
  };
  for (const term of terms) {
    if (term.kind === 'conversation') ids.slugs.push(term.slug);
    if (term.kind === 'email') ids.emails.push(term.email);
    if (term.kind === 'order') ids.orderRefs.push(term.ref);
    if (term.kind === 'marketplace')
      ids.originIds.push({ id: term.id, marketplace: term.marketplace });
    if (term.kind === 'reference') ids.references.push(term.id);
  }
  return ids;
}

/** Ids as the terms that name them: order numbers first, as a store page shows them. */
export function termsOfIds(ids: DetectedIds): SearchTerm[] {
  return [
    ...(ids.slugs ?? []).map((slug): SearchTerm => ({ kind: 'conversation', slug })),
    ...ids.orderRefs.map((ref): SearchTerm => ({ kind: 'order', ref })),
    ...ids.originIds.map(({ id, marketplace }): SearchTerm => ({
      kind: 'marketplace',
      marketplace,
      id,
    })),
    ...ids.emails.map((email): SearchTerm => ({ kind: 'email', email })),
    ...(ids.references ?? []).map((id): SearchTerm => ({ kind: 'reference', id })),
  ];
}

/** What a lookup of these ids searches, in the agent's words, one phrase per id. */
export function describeIds(
  t: Translate,
  ids: DetectedIds,
  channels?: MarketplaceChannels,
): string[] {
  return termsOfIds(ids).map((term) => describeTerm(t, term, channels));
}
