import type { DetectedIds } from '../detection/schema';
import type { MarketplaceChannels } from '../settings/schema';
import type { MatchReason } from './schemas';

/** One request to make, with why it is made and a key that names it for the cache. */
export type PlannedRequest = { key: string; reason: MatchReason } & (
  | { kind: 'ref'; id: string }
  | { kind: 'origin'; id: string; category: string }
  | { kind: 'customer'; email: string }
  | { kind: 'data'; dataKey: string; value: string }
  | { kind: 'slug'; slug: string }
);

export interface PlanOptions {
  /** Re:amaze channel slug per marketplace; a marketplace without one is not searched. */
  channels: MarketplaceChannels;
  /** Custom-data keys that hold order numbers. */
  dataKeys: string[];
  /** Requests per page at most: a 2,000-row order list must not become 2,000 requests. */
  maxRequests?: number;
}

export const DEFAULT_MAX_REQUESTS = 25;

/** The requests one detected id needs; an id is searched whole or not at all. */
interface IdLookups {
  id: string;
  requests: PlannedRequest[];
}

/** An id left out, and why: its marketplace has no channel, or the page asked for too much. */
export type Skipped =
  | { id: string; reason: 'noChannel'; marketplace: string }
  | { id: string; reason: 'tooMany'; max: number };

/**
 * Turns what a page showed into the requests that answer it, de-duplicated and bounded. Emails
 * come first (on a customer page they are the point), then order numbers, then marketplace ids;
 * past the bound, whole ids are skipped and each is reported once.
 */
export function planLookups(
  ids: DetectedIds,
  options: PlanOptions,
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
  channels: PlanOptions['channels'],
  skipped: Skipped[],
): IdLookups[] {
  const origins = uniqueBy(
    originIds.map(({ id, marketplace }) => ({ id: id.trim(), marketplace })).filter(({ id }) => id),
    ({ id, marketplace }) => `${marketplace}:${id}`,
  );
  return origins.flatMap(({ id, marketplace }) => {
    const category = channels[marketplace];
    if (!category) {
      skipped.push({ id, reason: 'noChannel', marketplace });
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
      skipped.push({ id, reason: 'tooMany', max });
      continue;
    }
    for (const request of fresh) planned.set(request.key, request);
  }
  return [...planned.values()];
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

function uniqueBy<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(key(value)) && seen.add(key(value)));
}
