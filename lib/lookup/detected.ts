import type { ReamazeClient } from '../api/client';
import { ReamazeApiError } from '../api/errors';
import { isOpenStatus } from '../api/labels';
import type { Conversation } from '../api/schemas';
import type { Marketplace } from '../settings/schema';
import type { SearchTerm } from './classify';

export type { Marketplace };

export interface DetectedIds {
  orderRefs: string[];
  originIds: { id: string; marketplace: Marketplace }[];
  emails: string[];
  /** Conversation slugs, from Re:amaze links (searches only). */
  slugs?: string[];
  /** Unrecognised text, tried as a reference id or slug (searches only). */
  references?: string[];
}

export type MatchReason =
  | { kind: 'order'; value: string }
  | { kind: 'marketplace'; value: string; marketplace: Marketplace; channel: string }
  | { kind: 'email'; value: string }
  | { kind: 'customData'; key: string; value: string }
  | { kind: 'conversation'; value: string }
  | { kind: 'reference'; value: string };

/** One request to make, with why it is made and a key that names it for the cache. */
export type PlannedRequest = { key: string; reason: MatchReason } & (
  | { kind: 'ref'; id: string }
  | { kind: 'origin'; id: string; category: string }
  | { kind: 'customer'; email: string }
  | { kind: 'data'; dataKey: string; value: string }
  | { kind: 'slug'; slug: string }
);

export interface DetectedLookupOptions {
  /** Re:amaze channel slug per marketplace; a marketplace without one is not searched. */
  channels: Partial<Record<Marketplace, string>>;
  /** Custom-data keys that hold order numbers. */
  dataKeys: string[];
  /** Requests per page at most: a 2,000-row order list must not become 2,000 requests. */
  maxRequests?: number;
}

export interface RankedMatch {
  conversation: Conversation;
  reasons: MatchReason[];
}

export const DEFAULT_MAX_REQUESTS = 25;

/** The requests one detected id needs; an id is searched whole or not at all. */
interface IdLookups {
  id: string;
  requests: PlannedRequest[];
}

type Skipped = { id: string; reason: string };

/**
 * Turns what a page showed into the requests that answer it, de-duplicated and bounded. Emails
 * come first (on a customer page they are the point), then order numbers, then marketplace ids;
 * past the bound, whole ids are skipped and each is reported once.
 */
export function planLookups(
  ids: DetectedIds,
  options: DetectedLookupOptions,
): { requests: PlannedRequest[]; skipped: Skipped[] } {
  const skipped: Skipped[] = [];
  const dataKeys = unique(options.dataKeys);
  const wanted = [
    ...unique(ids.slugs ?? []).map(slugLookups),
    ...unique(ids.references ?? []).map(referenceLookups),
    ...unique(ids.emails.map((email) => email.trim().toLowerCase())).map(emailLookups),
    ...unique(ids.orderRefs.map((ref) => ref.trim())).map((ref) => orderLookups(ref, dataKeys)),
    ...marketplaceLookups(ids.originIds, options.channels, skipped),
  ];
  const requests = withinBound(wanted, options.maxRequests ?? DEFAULT_MAX_REQUESTS, skipped);
  return { requests, skipped };
}

/** Terms searched by an agent, as the ids they name. */
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

function slugLookups(slug: string): IdLookups {
  const reason: MatchReason = { kind: 'conversation', value: slug };
  return { id: slug, requests: [{ kind: 'slug', slug, key: `slug:${slug}`, reason }] };
}

/** Reference ids are tried slug first, so one request covers both. */
function referenceLookups(id: string): IdLookups {
  const reason: MatchReason = { kind: 'reference', value: id };
  return { id, requests: [{ kind: 'ref', id, key: `ref:${id}`, reason }] };
}

function emailLookups(email: string): IdLookups {
  return {
    id: email,
    requests: [
      { kind: 'customer', email, key: `for:${email}`, reason: { kind: 'email', value: email } },
    ],
  };
}

/** A store order number is a Re:amaze reference id, and may also sit in custom data. */
function orderLookups(ref: string, dataKeys: string[]): IdLookups {
  return {
    id: ref,
    requests: [
      { kind: 'ref', id: ref, key: `ref:${ref}`, reason: { kind: 'order', value: ref } },
      ...dataKeys.map((dataKey): PlannedRequest => ({
        kind: 'data',
        dataKey,
        value: ref,
        key: `data:${dataKey}=${ref}`,
        reason: { kind: 'customData', key: dataKey, value: ref },
      })),
    ],
  };
}

/** Origin ids are only unique within a channel, so a marketplace without one is not searched. */
function marketplaceLookups(
  originIds: DetectedIds['originIds'],
  channels: DetectedLookupOptions['channels'],
  skipped: Skipped[],
): IdLookups[] {
  const origins = uniqueBy(
    originIds.map(({ id, marketplace }) => ({ id: id.trim(), marketplace })).filter(({ id }) => id),
    ({ id, marketplace }) => `${marketplace}:${id}`,
  );
  return origins.flatMap(({ id, marketplace }) => {
    const category = channels[marketplace];
    if (!category) {
      const reason = `no Re:amaze channel is set for ${marketplace}; choose one in the options`;
      skipped.push({ id, reason });
      return [];
    }
    const reason: MatchReason = { kind: 'marketplace', value: id, marketplace, channel: category };
    const key = `origin:${category}:${id}`;
    return [{ id, requests: [{ kind: 'origin', id, category, key, reason }] }];
  });
}

/** Takes ids in order while their new requests fit under `max`; the rest are skipped. */
function withinBound(wanted: IdLookups[], max: number, skipped: Skipped[]): PlannedRequest[] {
  const planned = new Map<string, PlannedRequest>();
  for (const { id, requests } of wanted) {
    const fresh = requests.filter((request) => !planned.has(request.key));
    if (planned.size + fresh.length > max) {
      skipped.push({ id, reason: `more than ${max} lookups on one page` });
      continue;
    }
    for (const request of fresh) planned.set(request.key, request);
  }
  return [...planned.values()];
}

/** Runs one planned request; "not found" is an empty answer, other failures propagate. */
export async function runLookup(
  client: ReamazeClient,
  request: PlannedRequest,
): Promise<Conversation[]> {
  try {
    switch (request.kind) {
      case 'ref':
        return [await client.getConversation(request.id, { idType: 'ref' })];
      case 'slug':
        return [await client.getConversation(request.slug, undefined)];
      case 'origin': {
        const lookup = { idType: 'origin', category: request.category } as const;
        return [await client.getConversation(request.id, lookup)];
      }
      // Lists: the first page only (30 at most), so one id costs one request.
      case 'customer':
        return (await client.listConversations({ for: request.email, filter: 'all' }))
          .conversations;
      case 'data': {
        const query = { filter: 'all', data: { [request.dataKey]: request.value } } as const;
        return (await client.listConversations(query)).conversations;
      }
    }
  } catch (error) {
    if (error instanceof ReamazeApiError && error.kind === 'notFound') return [];
    throw error;
  }
}

/**
 * One entry per conversation with every reason it matched, ranked: direct id matches before
 * email-only ones, open before done, newest first.
 */
export function mergeMatches(
  results: { request: PlannedRequest; conversations: Conversation[] }[],
): RankedMatch[] {
  const bySlug = new Map<string, RankedMatch & { requestKeys: Set<string> }>();
  for (const { request, conversations } of results) {
    for (const conversation of conversations) {
      const known = bySlug.get(conversation.slug);
      const match = known ?? { conversation, reasons: [], requestKeys: new Set<string>() };
      if (known) match.conversation = combineCopies(known.conversation, conversation);
      if (!match.requestKeys.has(request.key)) {
        match.requestKeys.add(request.key);
        match.reasons.push(request.reason);
      }
      bySlug.set(conversation.slug, match);
    }
  }
  return (
    [...bySlug.values()]
      // The direct id matches say most about why a conversation is here, so they are named first.
      .map(({ conversation, reasons }) => ({
        conversation,
        reasons: [...reasons].sort(
          (a, b) => Number(a.kind === 'email') - Number(b.kind === 'email'),
        ),
      }))
      .sort(
        (a, b) =>
          Number(isDirect(b)) - Number(isDirect(a)) ||
          Number(isOpenStatus(b.conversation.status)) -
            Number(isOpenStatus(a.conversation.status)) ||
          timeOf(b.conversation) - timeOf(a.conversation),
      )
  );
}

/**
 * The same conversation from two requests: the newer copy wins, and fields it lacks come from the
 * other. A list item has no `data` or `last_staff_message`; the single GET by id has both.
 */
function combineCopies(first: Conversation, second: Conversation): Conversation {
  const [older, newer] = timeOf(second) > timeOf(first) ? [first, second] : [second, first];
  return { ...older, ...newer };
}

function isDirect(match: RankedMatch): boolean {
  return match.reasons.some((reason) => reason.kind !== 'email');
}

/** Last activity, else creation; unreadable times sort last. */
function timeOf(conversation: Conversation): number {
  const updated = Date.parse(conversation.updated_at ?? '');
  return Number.isNaN(updated) ? Date.parse(conversation.created_at) || 0 : updated;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

function uniqueBy<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(key(value)) && seen.add(key(value)));
}
