import type { ReamazeClient } from '@/lib/api/client';
import type { Channel, Conversation } from '@/lib/api/schemas';
import { createLookupCache } from '@/lib/lookup/cache';
import { createLimiter } from '@/lib/lookup/limiter';
import { mergeMatches, planLookups, runLookup, type PlannedRequest } from '@/lib/lookup/detected';
import { needsChannelList, resolveMarketplaceChannels } from '@/lib/lookup/channels';
import { summarizeConversation } from '@/lib/lookup/summary';
import { AppError, NOT_CONFIGURED_MESSAGE } from '@/lib/messaging/errors';
import type {
  DetectionReply,
  DetectionReport,
  SidebarMatch,
  TabConversations,
} from '@/lib/messaging/page-schemas';
import { MARKETPLACE_NAMES, type Credentials, type Settings } from '@/lib/settings/schema';
import { hasIds } from '@/lib/detection';

/** Seconds a lookup is served without asking again, and how long a stale one may still show. */
const FRESH_MS = 60_000;
const MAX_AGE_MS = 30 * 60_000;
/** Requests in flight at once for one agent: Re:amaze limits per token per minute. */
const CONCURRENCY = 4;

interface TabResult {
  brand: string;
  searched: string[];
  matches: SidebarMatch[];
  warnings: string[];
  fetchedAt: number;
  stale: boolean;
}

interface TabState {
  origin: string;
  detection: DetectionReport;
  key: string;
  result?: Promise<TabResult>;
}

export interface TabConversationDeps {
  loadSettings(): Promise<Settings>;
  createClient(credentials: Credentials): ReamazeClient;
  setBadge(tabId: number, count: number | null): void;
  autoOpen(origin: string): Promise<boolean>;
  now?: () => number;
}

/**
 * What each store tab found and the conversations linked to it. Lookups go through one cache, so a
 * repeat view is served at once and identical requests in flight are shared.
 */
export function createTabConversations(deps: TabConversationDeps) {
  const now = deps.now ?? Date.now;
  const tabs = new Map<number, TabState>();
  const conversations = createLookupCache<Conversation[]>({
    freshMs: FRESH_MS,
    maxAgeMs: MAX_AGE_MS,
    maxEntries: 500,
    now,
  });
  const channelLists = createLookupCache<Channel[]>({
    freshMs: 10 * 60_000,
    maxAgeMs: 60 * 60_000,
    maxEntries: 10,
    now,
  });
  const limit = createLimiter(CONCURRENCY);

  async function lookUp(detection: DetectionReport, refresh: boolean): Promise<TabResult> {
    const { credentials, lookup } = await deps.loadSettings();
    if (!credentials) throw new AppError('notConfigured', NOT_CONFIGURED_MESSAGE);
    const client = deps.createClient(credentials);
    const brand = credentials.brand;
    const warnings: string[] = [];

    const marketplaces = new Set(detection.originIds.map((origin) => origin.marketplace));
    let channels = lookup.marketplaceChannels;
    if (marketplaces.size > 0 && needsChannelList(channels, marketplaces)) {
      try {
        const list = await channelLists.get(brand, async () => (await client.listChannels()).channels);
        channels = resolveMarketplaceChannels(channels, list.value);
      } catch (error) {
        warnings.push(messageOf(error));
      }
    }

    const plan = planLookups(detection, { channels, dataKeys: lookup.dataKeys });
    warnings.push(...plan.skipped.map((skip) => `Not searched: ${skip.id} (${skip.reason}).`));
    if (refresh) for (const request of plan.requests) conversations.invalidate(cacheKey(brand, request));

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
      searched: describeSearch(detection),
      matches: mergeMatches(results).map(({ conversation, reasons }) => ({
        ...summarizeConversation(conversation, brand),
        reasons,
      })),
      warnings: [...new Set(warnings)],
      fetchedAt: oldest,
      stale,
    };
  }

  function start(tabId: number, state: TabState, refresh = false) {
    state.result = lookUp(state.detection, refresh);
    state.result.then(
      (result) => tabs.get(tabId) === state && deps.setBadge(tabId, result.matches.length),
      () => tabs.get(tabId) === state && deps.setBadge(tabId, null),
    );
    return state.result;
  }

  return {
    /** A content script found ids (or lost them, after navigating): look them up. */
    async report(tabId: number, origin: string, detection: DetectionReport): Promise<DetectionReply> {
      const key = JSON.stringify(detection);
      if (!hasIds(detection)) {
        tabs.delete(tabId);
        deps.setBadge(tabId, null);
        return { count: 0, state: 'ready' };
      }
      const known = tabs.get(tabId);
      const state = known?.key === key && known.origin === origin ? known : { origin, detection, key };
      tabs.set(tabId, state);
      try {
        const result = await (state.result ?? start(tabId, state));
        return { count: result.matches.length, state: 'ready' };
      } catch (error) {
        return { count: 0, state: error instanceof AppError && error.kind === 'notConfigured' ? 'notConfigured' : 'error' };
      }
    },

    /** The sidebar asks for its tab's conversations; `refresh` skips the cache. */
    async forTab(tabId: number, refresh = false): Promise<TabConversations> {
      const state = tabs.get(tabId);
      if (!state) {
        return { state: 'none', brand: null, searched: [], matches: [], warnings: [], fetchedAt: null, stale: false, autoOpen: false };
      }
      const result = await (refresh ? start(tabId, state, true) : (state.result ?? start(tabId, state)));
      return { state: 'ready', ...result, autoOpen: await deps.autoOpen(state.origin) };
    },

    originOf(tabId: number): string | undefined {
      return tabs.get(tabId)?.origin;
    },

    forget(tabId: number) {
      tabs.delete(tabId);
    },

    /** New credentials or lookup settings make every cached answer suspect. */
    clearCache() {
      conversations.clear();
      channelLists.clear();
      for (const state of tabs.values()) state.result = undefined;
    },
  };
}

export type TabConversationService = ReturnType<typeof createTabConversations>;

function cacheKey(brand: string, request: PlannedRequest): string {
  return `${brand}|${request.key}`;
}

/** What was searched, in the agent's words, for the empty state and the header. */
function describeSearch(detection: DetectionReport): string[] {
  return [
    ...detection.orderRefs.map((ref) => `order #${ref}`),
    ...detection.originIds.map((origin) => `${MARKETPLACE_NAMES[origin.marketplace]} order ${origin.id}`),
    ...detection.emails.map((email) => `customer email ${email}`),
  ];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'A lookup failed.';
}
