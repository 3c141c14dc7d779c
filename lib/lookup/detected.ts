import type { ReamazeClient } from '../api/client';
import { ReamazeApiError } from '../api/errors';
import { isOpenStatus } from '../api/labels';
import type { Conversation } from '../api/schemas';

export type Marketplace = 'amazon' | 'ebay' | 'etsy';

export interface DetectedIds {
  orderRefs: string[];
  originIds: { id: string; marketplace: Marketplace }[];
  emails: string[];
}

export type MatchReason =
  | { kind: 'order'; value: string }
  | { kind: 'marketplace'; value: string; marketplace: Marketplace; channel: string }
  | { kind: 'email'; value: string }
  | { kind: 'customData'; key: string; value: string };

/** One request to make, with why it is made and a key that names it for the cache. */
export type PlannedRequest = { key: string; reason: MatchReason } & (
  | { kind: 'ref'; id: string }
  | { kind: 'origin'; id: string; category: string }
  | { kind: 'customer'; email: string }
  | { kind: 'data'; dataKey: string; value: string }
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

/** Turns what a page showed into the requests that answer it, de-duplicated and bounded. */
export function planLookups(
  ids: DetectedIds,
  options: DetectedLookupOptions,
): { requests: PlannedRequest[]; skipped: { id: string; reason: string }[] } {
  const requests: PlannedRequest[] = [];
  const skipped: { id: string; reason: string }[] = [];
  const add = (request: PlannedRequest) => {
    if (!requests.some((r) => r.key === request.key)) requests.push(request);
  };

  for (const email of unique(ids.emails.map((e) => e.trim().toLowerCase()))) {
    add({ kind: 'customer', email, key: `for:${email}`, reason: { kind: 'email', value: email } });
  }
  for (const ref of unique(ids.orderRefs)) {
    add({ kind: 'ref', id: ref, key: `ref:${ref}`, reason: { kind: 'order', value: ref } });
    for (const dataKey of options.dataKeys) {
      add({
        kind: 'data',
        dataKey,
        value: ref,
        key: `data:${dataKey}=${ref}`,
        reason: { kind: 'customData', key: dataKey, value: ref },
      });
    }
  }
  for (const { id, marketplace } of uniqueBy(ids.originIds, (o) => `${o.marketplace}:${o.id}`)) {
    const category = options.channels[marketplace];
    if (!category) {
      skipped.push({ id, reason: `no Re:amaze channel is set for ${marketplace}; choose one in the options` });
      continue;
    }
    add({
      kind: 'origin',
      id,
      category,
      key: `origin:${category}:${id}`,
      reason: { kind: 'marketplace', value: id, marketplace, channel: category },
    });
  }

  const max = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
  for (const request of requests.slice(max)) {
    skipped.push({ id: idOf(request), reason: `more than ${max} lookups on one page` });
  }
  return { requests: requests.slice(0, max), skipped };
}

/** Runs one planned request; "not found" is an empty answer, other failures propagate. */
export async function runLookup(
  client: ReamazeClient,
  request: PlannedRequest,
  signal?: AbortSignal,
): Promise<Conversation[]> {
  try {
    switch (request.kind) {
      case 'ref':
        return [await client.getConversation(request.id, { idType: 'ref' }, { signal })];
      case 'origin':
        return [await client.getConversation(request.id, { idType: 'origin', category: request.category }, { signal })];
      case 'customer':
        return (await client.listConversations({ for: request.email, filter: 'all' }, { signal })).conversations;
      case 'data':
        return (
          await client.listConversations({ filter: 'all', data: { [request.dataKey]: request.value } }, { signal })
        ).conversations;
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
export function mergeMatches(results: { request: PlannedRequest; conversations: Conversation[] }[]): RankedMatch[] {
  const bySlug = new Map<string, RankedMatch>();
  for (const { request, conversations } of results) {
    for (const conversation of conversations) {
      const match = bySlug.get(conversation.slug) ?? { conversation, reasons: [] };
      if (!match.reasons.some((reason) => JSON.stringify(reason) === JSON.stringify(request.reason))) {
        match.reasons.push(request.reason);
      }
      bySlug.set(conversation.slug, match);
    }
  }
  return [...bySlug.values()].sort(
    (a, b) =>
      Number(isDirect(b)) - Number(isDirect(a)) ||
      Number(isOpenStatus(b.conversation.status)) - Number(isOpenStatus(a.conversation.status)) ||
      timeOf(b.conversation) - timeOf(a.conversation),
  );
}

function isDirect(match: RankedMatch): boolean {
  return match.reasons.some((reason) => reason.kind !== 'email');
}

function timeOf(conversation: Conversation): number {
  return Date.parse(conversation.updated_at ?? conversation.created_at) || 0;
}

function idOf(request: PlannedRequest): string {
  return request.kind === 'customer' ? request.email : request.kind === 'data' ? request.value : request.id;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

function uniqueBy<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(key(value)) && seen.add(key(value)));
}
