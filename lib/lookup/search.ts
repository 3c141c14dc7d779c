import { rateLimitWaitMs, type ClientOptions, type ReamazeClient } from '../api/client';
import { ReamazeApiError } from '../api/errors';
import type { Channel } from '../api/schemas';
import type { DetectedIds } from '../detection/schema';
import { MARKETPLACES, type Marketplace } from '../detection/types';
import type { Translate } from '../i18n/translate';
import { AppError } from '../messaging/errors';
import type { BrandAccount, Credentials, MarketplaceChannels } from '../settings/schema';
import { createBudget, LOOKUP_BUDGET, type Budget } from './budget';
import { createLookupCache } from './cache';
import { createLimiter } from './limiter';
import { needsChannelList, resolveMarketplaceChannels } from './channels';
import { describeIds } from './classify';
import { planLookups, type PlannedRequest, type Skipped } from './plan';
import { mergeMatches } from './rank';
import { runLookup, type LookupAnswer } from './run';
import type { SearchResult } from './schemas';
import { summarizeConversation } from './summarize';

/** How long a lookup is served without asking again, and how long a stale one may still show. */
export const FRESH_MS = 60_000;
export const MAX_AGE_MS = 30 * 60_000;
/** Requests in flight at once for one agent: Re:amaze limits per token per minute. */
const CONCURRENCY = 4;

export interface SearchDeps {
  /** The agent's language, for what was searched and the warnings. */
  t: Translate;
  createClient(credentials: Credentials, options?: ClientOptions): ReamazeClient;
  now?: () => number;
  /** The wait before retrying a 429, outside the concurrency slots. */
  sleep?: (ms: number) => Promise<void>;
  budget?: Budget;
}

export interface SearchOptions {
  /** Custom-data keys that hold order numbers. */
  dataKeys: string[];
  /** Ask Re:amaze again instead of answering from the cache. */
  refresh?: boolean;
  /** The store tab asking, whose own budget it spends; none for the popup and omnibox. */
  tabId?: number;
  /** Aborted when the tab navigates or closes: its lookups still queued are dropped. */
  signal?: AbortSignal;
}

/**
 * Every lookup the extension makes, for store tabs, searches and the omnibox alike: one cache (a
 * repeat is served at once, identical requests in flight are shared), one concurrency bound, and
 * each brand's channel list fetched once to resolve marketplace channels.
 */
export function createConversationSearch(deps: SearchDeps) {
  const { t } = deps;
  const now = deps.now ?? Date.now;
  const conversations = createLookupCache<LookupAnswer>({
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
  const budget = deps.budget ?? createBudget();
  const sleep = deps.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));

  /**
   * One request to Re:amaze: within the budget, in a concurrency slot, and after a 429 one more
   * try once the wait is over, waited outside the slots so other lookups go on meanwhile.
   */
  async function send<T>(
    brand: string,
    call: () => Promise<T>,
    options: Pick<SearchOptions, 'tabId' | 'signal'> = {},
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      if (!(await budget.take(brand, options.tabId))) throw overBudget(t, options.tabId);
      try {
        return await limit.run(call, options.signal);
      } catch (error) {
        const rateLimited = error instanceof ReamazeApiError && error.kind === 'rateLimited';
        if (!rateLimited || attempt > 1) throw error;
        const retryAfter = error.retryAfterSeconds;
        await sleep(rateLimitWaitMs(retryAfter === undefined ? undefined : retryAfter * 1000));
        options.signal?.throwIfAborted();
      }
    }
  }

  function clientFor(account: BrandAccount): ReamazeClient {
    return deps.createClient(requireToken(t, account), { retryRateLimited: false });
  }

  /** The channel in effect per marketplace: the brand's choice, else the channel naming it. */
  async function channelsFor(
    account: BrandAccount,
    marketplaces: Iterable<Marketplace> = MARKETPLACES,
  ): Promise<MarketplaceChannels> {
    const chosen = account.marketplaceChannels;
    if (!needsChannelList(chosen, marketplaces)) return chosen;
    const client = clientFor(account);
    const list = await channelLists.get(account.brand, () =>
      send(account.brand, async () => (await client.listChannels()).channels),
    );
    return resolveMarketplaceChannels(chosen, list.value);
  }

  async function search(
    account: BrandAccount,
    ids: DetectedIds,
    options: SearchOptions,
  ): Promise<SearchResult> {
    const client = clientFor(account);
    const brand = account.brand;
    const warnings: string[] = [];

    let channels = account.marketplaceChannels;
    const marketplaces = new Set(ids.originIds.map((origin) => origin.marketplace));
    if (marketplaces.size > 0) {
      try {
        channels = await channelsFor(account, marketplaces);
      } catch (error) {
        warnings.push(messageOf(t, error));
      }
    }

    const plan = planLookups(ids, { channels, dataKeys: options.dataKeys });
    warnings.push(...plan.skipped.map((skip) => skippedWarning(t, skip)));
    if (options.refresh)
      for (const request of plan.requests) conversations.invalidate(cacheKey(brand, request));

    let oldest = now();
    let stale = false;
    const failures: unknown[] = [];
    const heldBack = new Set<string>();
    let unreadable = 0;
    const lookUp = (request: PlannedRequest) =>
      conversations.get(cacheKey(brand, request), () =>
        send(brand, () => runLookup(client, request), options),
      );
    const results = await Promise.all(
      plan.requests.map(async (request) => {
        try {
          // Another tab's lookup this one joined may have been cancelled: ask for this one.
          const entry = await lookUp(request).catch((error: unknown) => {
            if (isAbort(error) && !options.signal?.aborted) return lookUp(request);
            throw error;
          });
          oldest = Math.min(oldest, entry.fetchedAt);
          stale ||= entry.stale;
          unreadable += entry.value.unreadable;
          return { request, conversations: entry.value.conversations };
        } catch (error) {
          failures.push(error);
          if (isOverBudget(error)) {
            heldBack.add(request.reason.value);
          } else {
            warnings.push(messageOf(t, error));
          }
          return { request, conversations: [] };
        }
      }),
    );
    options.signal?.throwIfAborted();
    if (unreadable > 0) warnings.push(unreadableWarning(t, unreadable));
    if (heldBack.size > 0) {
      const why = failures.find(isOverBudget)?.message ?? '';
      warnings.push(t('lookup.heldBack', { ids: [...heldBack].join(', '), why }));
    }
    // Every lookup failed: that is an error for the agent (a rejected token, say), not an empty list.
    if (plan.requests.length > 0 && failures.length === plan.requests.length) throw failures[0];
    return {
      brand,
      matches: mergeMatches(results).map(({ conversation, reasons }) => ({
        ...summarizeConversation(conversation, brand),
        reasons,
      })),
      warnings: [...new Set(warnings)],
      unsearched: plan.skipped.length > 0 || heldBack.size > 0,
      fetchedAt: oldest,
      stale,
      searched: describeIds(t, ids, channels),
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

/** The brand a lookup uses; none until the agent has connected one. */
export function requireAccount(t: Translate, account: BrandAccount | undefined): BrandAccount {
  if (!account) throw new AppError('notConfigured', t('errors.notConfigured'));
  return account;
}

/** A brand imported from a settings file has no token until the agent adds it. */
export function requireToken(t: Translate, account: BrandAccount): Credentials {
  if (!account.token) {
    throw new AppError('notConfigured', t('errors.noToken', { brand: account.brand }));
  }
  return { brand: account.brand, email: account.email, token: account.token };
}

function cacheKey(brand: string, request: PlannedRequest): string {
  return `${brand}|${request.key}`;
}

/** List items too damaged to show are left out of their page, and said so. */
export function unreadableWarning(t: Translate, count: number): string {
  return t('lookup.unreadable', { count });
}

/** An id the plan left out, said with why. */
function skippedWarning(t: Translate, skip: Skipped): string {
  return skip.reason === 'noChannel'
    ? t('lookup.noChannel', { id: skip.id, marketplace: skip.marketplace })
    : t('lookup.tooMany', { id: skip.id, max: skip.max });
}

/** Requests a page may not make now, so the agent's API token keeps its rate limit. */
function overBudget(t: Translate, tabId: number | undefined): AppError {
  return new AppError(
    'overBudget',
    tabId === undefined
      ? t('lookup.overBrandBudget', { limit: LOOKUP_BUDGET.perBrand })
      : t('lookup.overPageBudget', { limit: LOOKUP_BUDGET.perTab }),
  );
}

function isOverBudget(error: unknown): error is AppError {
  return error instanceof AppError && error.kind === 'overBudget';
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function messageOf(t: Translate, error: unknown): string {
  return error instanceof Error ? error.message : t('lookup.failed');
}
