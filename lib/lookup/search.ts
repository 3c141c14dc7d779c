import type { ReamazeClient } from '../api/client';
import type { Channel, Conversation } from '../api/schemas';
import type { DetectedIds } from '../detection/schema';
import { MARKETPLACES, type Marketplace } from '../detection/types';
import { AppError } from '../messaging/errors';
import type { BrandAccount, Credentials, MarketplaceChannels } from '../settings/schema';
import { createLookupCache } from './cache';
import { createLimiter } from './limiter';
import { needsChannelList, resolveMarketplaceChannels } from './channels';
import { describeIds } from './classify';
import { planLookups, type PlannedRequest } from './plan';
import { mergeMatches } from './rank';
import { runLookup } from './run';
import type { ConversationMatch } from './schemas';
import { summarizeConversation } from './summary';

/** How long a lookup is served without asking again, and how long a stale one may still show. */
const FRESH_MS = 60_000;
const MAX_AGE_MS = 30 * 60_000;
/** Requests in flight at once for one agent: Re:amaze limits per token per minute. */
const CONCURRENCY = 4;

export interface SearchResult {
  brand: string;
  /** What was searched, in words, with each marketplace's channel. */
  searched: string[];
  matches: ConversationMatch[];
  /** Lookups that could not run or failed, said plainly; the rest are still shown. */
  warnings: string[];
  fetchedAt: number;
  stale: boolean;
}

export interface SearchDeps {
  createClient(credentials: Credentials): ReamazeClient;
  now?: () => number;
}

/**
 * Every lookup the extension makes, for store tabs, searches and the omnibox alike: one cache (a
 * repeat is served at once, identical requests in flight are shared), one concurrency bound, and
 * each brand's channel list fetched once to resolve marketplace channels.
 */
export function createConversationSearch(deps: SearchDeps) {
  const now = deps.now ?? Date.now;
  const conversations = createLookupCache<Conversation[]>({
    freshMs: FRESH_MS,
    maxAgeMs: MAX_AGE_MS,
    maxEntries: 500,
    now,
  });
  const channelLists = createLookupCache<Channel[]>({
    freshMs: 10 * 60_000,
    maxAgeMs: 60 * 60_000,
    maxEntries: 20,
    now,
  });
  const limit = createLimiter(CONCURRENCY);

  /** The channel in effect per marketplace: the brand's choice, else the channel naming it. */
  async function channelsFor(
    account: BrandAccount,
    marketplaces: Iterable<Marketplace> = MARKETPLACES,
  ): Promise<MarketplaceChannels> {
    const chosen = account.marketplaceChannels;
    if (!needsChannelList(chosen, marketplaces)) return chosen;
    const client = deps.createClient(requireToken(account));
    const list = await channelLists.get(
      account.brand,
      async () => (await client.listChannels()).channels,
    );
    return resolveMarketplaceChannels(chosen, list.value);
  }

  async function search(
    account: BrandAccount,
    ids: DetectedIds,
    options: { dataKeys: string[]; refresh?: boolean },
  ): Promise<SearchResult> {
    const credentials = requireToken(account);
    const client = deps.createClient(credentials);
    const brand = account.brand;
    const warnings: string[] = [];

    let channels = account.marketplaceChannels;
    const marketplaces = new Set(ids.originIds.map((origin) => origin.marketplace));
    if (marketplaces.size > 0) {
      try {
        channels = await channelsFor(account, marketplaces);
      } catch (error) {
        warnings.push(messageOf(error));
      }
    }

    const plan = planLookups(ids, { channels, dataKeys: options.dataKeys });
    warnings.push(...plan.skipped.map((skip) => `Not searched: ${skip.id} (${skip.reason}).`));
    if (options.refresh)
      for (const request of plan.requests) conversations.invalidate(cacheKey(brand, request));

    let oldest = now();
    let stale = false;
    const failures: unknown[] = [];
    const results = await Promise.all(
      plan.requests.map(async (request) => {
        try {
          const entry = await conversations.get(cacheKey(brand, request), () =>
            limit.run(() => runLookup(client, request)),
          );
          oldest = Math.min(oldest, entry.fetchedAt);
          stale ||= entry.stale;
          return { request, conversations: entry.value };
        } catch (error) {
          failures.push(error);
          warnings.push(messageOf(error));
          return { request, conversations: [] };
        }
      }),
    );
    // Every lookup failed: that is an error for the agent (a rejected token, say), not an empty list.
    if (plan.requests.length > 0 && failures.length === plan.requests.length) throw failures[0];
    return {
      brand,
      matches: mergeMatches(results).map(({ conversation, reasons }) => ({
        ...summarizeConversation(conversation, brand),
        reasons,
      })),
      warnings: [...new Set(warnings)],
      fetchedAt: oldest,
      stale,
      searched: describeIds(ids, channels),
    };
  }

  return {
    search,
    /** New credentials or lookup settings make every cached answer suspect. */
    clear() {
      conversations.clear();
      channelLists.clear();
    },
  };
}

export type ConversationSearch = ReturnType<typeof createConversationSearch>;

/** A brand imported from a settings file has no token until the agent adds it. */
export function requireToken(account: BrandAccount): Credentials {
  if (!account.token) {
    throw new AppError(
      'notConfigured',
      `The brand ${account.brand} has no API token yet. Add it in the options (Brands).`,
    );
  }
  return { brand: account.brand, email: account.email, token: account.token };
}

function cacheKey(brand: string, request: PlannedRequest): string {
  return `${brand}|${request.key}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'A lookup failed.';
}
