import type { ConversationSearch, SearchResult } from '@/lib/lookup/search';
import { describeTerm, type SearchTerm } from '@/lib/lookup/classify';
import { idsOfTerms } from '@/lib/lookup/detected';
import { AppError, NOT_CONFIGURED_MESSAGE } from '@/lib/messaging/errors';
import type {
  DetectionReply,
  DetectionReport,
  TabConversations,
} from '@/lib/messaging/page-schemas';
import type { Settings } from '@/lib/settings/schema';
import { accountForUrl } from '@/lib/settings/stores';
import { hasIds } from '@/lib/detection';

interface TabResult extends Omit<SearchResult, 'channels'> {
  searched: string[];
}

/** What a lookup in a tab is about: the ids its page shows, or what the agent searched for there. */
interface Subject {
  key: string;
  terms: SearchTerm[];
  result?: Promise<TabResult>;
}

interface TabState {
  /** The store page's URL when it reported, which picks the brand. */
  url: string;
  page?: Subject;
  /** A right-click search shown in this tab's sidebar until the agent goes back to the page. */
  search?: Subject & { query: string };
}

export interface TabConversationDeps {
  loadSettings(): Promise<Settings>;
  search: ConversationSearch;
  setBadge(tabId: number, count: number | null): void;
  autoOpen(origin: string): Promise<boolean>;
}

/** What each store tab found, or was asked to search, and the conversations linked to it. */
export function createTabConversations(deps: TabConversationDeps) {
  const tabs = new Map<number, TabState>();
  /** Tabs whose detector started, by URL, oldest first. */
  const storeTabs = new Map<number, string>();

  async function lookUp(url: string, subject: Subject, refresh: boolean): Promise<TabResult> {
    const settings = await deps.loadSettings();
    const account = accountForUrl(settings, new URL(url));
    if (!account) throw new AppError('notConfigured', NOT_CONFIGURED_MESSAGE);
    const ids = idsOfTerms(subject.terms);
    const { channels, ...result } = await deps.search.search(account, ids, {
      dataKeys: settings.dataKeys,
      refresh,
    });
    return { ...result, searched: subject.terms.map((term) => describeTerm(term, channels)) };
  }

  function start(tabId: number, state: TabState, subject: Subject, refresh = false) {
    subject.result = lookUp(state.url, subject, refresh);
    if (subject === state.page) {
      subject.result.then(
        (result) =>
          tabs.get(tabId)?.page === subject && deps.setBadge(tabId, result.matches.length),
        () => tabs.get(tabId)?.page === subject && deps.setBadge(tabId, null),
      );
    }
    return subject.result;
  }

  return {
    /** A content script found ids (or lost them, after navigating): look them up. */
    async report(tabId: number, url: string, detection: DetectionReport): Promise<DetectionReply> {
      // A search belongs to the page it was made on: another page starts afresh.
      const previous = tabs.get(tabId);
      const known = previous?.url === url ? previous : undefined;
      if (!hasIds(detection)) {
        if (known?.search) tabs.set(tabId, { url, search: known.search });
        else tabs.delete(tabId);
        deps.setBadge(tabId, null);
        return { count: 0, state: 'ready' };
      }
      const key = `${new URL(url).origin}|${JSON.stringify(detection)}`;
      const state: TabState = known ?? { url };
      if (state.page?.key !== key) state.page = pageSubject(key, detection);
      tabs.set(tabId, state);
      try {
        const result = await (state.page.result ?? start(tabId, state, state.page));
        return { count: result.matches.length, state: 'ready' };
      } catch (error) {
        return {
          count: 0,
          state:
            error instanceof AppError && error.kind === 'notConfigured' ? 'notConfigured' : 'error',
        };
      }
    },

    /** The agent searched from this tab (right-click): its sidebar shows these results. */
    searchIn(tabId: number, url: string, query: string, terms: SearchTerm[]) {
      const known = tabs.get(tabId);
      const state: TabState = known?.url === url ? known : { url };
      state.search = { key: JSON.stringify(terms), query, terms };
      tabs.set(tabId, state);
      void start(tabId, state, state.search).catch(() => undefined);
    },

    /** Back from a search to the page's own conversations. */
    clearSearch(tabId: number) {
      const state = tabs.get(tabId);
      if (state) state.search = undefined;
    },

    /** The sidebar (or the popup) asks for a tab's conversations; `refresh` skips the cache. */
    async forTab(tabId: number, refresh = false): Promise<TabConversations> {
      const state = tabs.get(tabId);
      const subject = state?.search ?? state?.page;
      if (!state || !subject) {
        return {
          state: 'none',
          source: 'page',
          query: null,
          hasPage: false,
          brand: null,
          searched: [],
          matches: [],
          warnings: [],
          fetchedAt: null,
          stale: false,
          autoOpen: false,
        };
      }
      const result = await (refresh || !subject.result
        ? start(tabId, state, subject, refresh)
        : subject.result);
      return {
        state: 'ready',
        source: state.search ? 'search' : 'page',
        query: state.search?.query ?? null,
        hasPage: Boolean(state.page),
        ...result,
        autoOpen: await deps.autoOpen(new URL(state.url).origin),
      };
    },

    /** A detector started in this tab (any store page, ids or not). */
    seen(tabId: number, url: string) {
      storeTabs.delete(tabId);
      storeTabs.set(tabId, url);
    },

    /** Store tabs, most recently started first. */
    recentStoreTabs(): [tabId: number, url: string][] {
      return [...storeTabs.entries()].reverse();
    },

    /** The store page a tab's detector last reported from. */
    urlOf(tabId: number): string | undefined {
      return tabs.get(tabId)?.url ?? storeTabs.get(tabId);
    },

    originOf(tabId: number): string | undefined {
      const url = tabs.get(tabId)?.url;
      return url ? new URL(url).origin : undefined;
    },

    forget(tabId: number) {
      tabs.delete(tabId);
      storeTabs.delete(tabId);
    },

    /** New credentials or lookup settings make every cached answer suspect. */
    clearCache() {
      deps.search.clear();
      for (const state of tabs.values()) {
        if (state.page) state.page.result = undefined;
        if (state.search) state.search.result = undefined;
      }
    },
  };
}

export type TabConversationService = ReturnType<typeof createTabConversations>;

function pageSubject(key: string, detection: DetectionReport): Subject {
  const terms: SearchTerm[] = [
    ...detection.orderRefs.map((ref): SearchTerm => ({ kind: 'order', ref })),
    ...detection.originIds.map(({ id, marketplace }): SearchTerm => ({
      kind: 'marketplace',
      marketplace,
      id,
    })),
    ...detection.emails.map((email): SearchTerm => ({ kind: 'email', email })),
  ];
  return { key, terms };
}
