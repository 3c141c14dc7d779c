import { hasIds } from '../detection';
import type { DetectedIds, Detection } from '../detection/schema';
import { AppError, NOT_CONFIGURED_MESSAGE } from '../messaging/errors';
import type { ContentConfig, DetectionReply } from '../messaging/protocol';
import type { Settings } from '../settings/schema';
import type { SitePrefsStore } from '../storage/site-prefs';
import { accountForUrl } from '../settings/store-brands';
import type { ConversationSearch, SearchResult } from './search';
import type { TabConversations } from './schemas';

/** What a lookup in a tab is about: the ids its page shows, or what the agent searched there. */
interface Subject {
  key: string;
  ids: DetectedIds;
  result?: Promise<SearchResult>;
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
  sitePrefs: Pick<SitePrefsStore, 'get' | 'update'>;
  setBadge(tabId: number, count: number | null): void;
  /** Asks the tab's content script to detect and report again. */
  redetect(tabId: number): Promise<void>;
}

const NOTHING: TabConversations = {
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

/** What each store tab found, or was asked to search, and the conversations linked to it. */
export function createTabConversations(deps: TabConversationDeps) {
  const tabs = new Map<number, TabState>();
  /** Tabs whose detector started, by URL, oldest first. */
  const storeTabs = new Map<number, string>();

  async function lookUp(url: string, subject: Subject, refresh: boolean): Promise<SearchResult> {
    const settings = await deps.loadSettings();
    const account = accountForUrl(settings, new URL(url));
    if (!account) throw new AppError('notConfigured', NOT_CONFIGURED_MESSAGE);
    return deps.search.search(account, subject.ids, { dataKeys: settings.dataKeys, refresh });
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
    /** A detector started in this tab (any store page, ids or not): what it needs to run. */
    async contentConfig(
      tabId: number,
      page: { origin: string; url: string },
    ): Promise<ContentConfig> {
      storeTabs.delete(tabId);
      storeTabs.set(tabId, page.url);
      const { userRules } = await deps.loadSettings();
      return { userRules, sidebar: await deps.sitePrefs.get(page.origin) };
    },

    /** A content script found ids (or lost them, after navigating): look them up. */
    async report(tabId: number, url: string, detection: Detection): Promise<DetectionReply> {
      // A search belongs to the page it was made on: another page starts afresh.
      const previous = tabs.get(tabId);
      const known = previous?.url === url ? previous : undefined;
      if (!hasIds(detection)) {
        if (known?.search) tabs.set(tabId, { url, search: known.search });
        else tabs.delete(tabId);
        deps.setBadge(tabId, null);
        return { count: 0, state: 'ready' };
      }
      const { orderRefs, originIds, emails } = detection;
      const ids: DetectedIds = { orderRefs, originIds, emails };
      const key = `${new URL(url).origin}|${JSON.stringify(ids)}`;
      const state: TabState = known ?? { url };
      if (state.page?.key !== key) state.page = { key, ids };
      tabs.set(tabId, state);
      try {
        const result = await (state.page.result ?? start(tabId, state, state.page));
        return { count: result.matches.length, state: 'ready' };
      } catch (error) {
        const notConfigured = error instanceof AppError && error.kind === 'notConfigured';
        return { count: 0, state: notConfigured ? 'notConfigured' : 'error' };
      }
    },

    /** The agent searched from this tab (right-click): its sidebar shows these results. */
    searchIn(tabId: number, url: string, query: string, ids: DetectedIds) {
      const known = tabs.get(tabId);
      const state: TabState = known?.url === url ? known : { url };
      state.search = { key: JSON.stringify(ids), query, ids };
      tabs.set(tabId, state);
      void start(tabId, state, state.search).catch(() => undefined);
    },

    /** Back from a search to the page's own conversations, which the launcher counts again. */
    async clearSearch(tabId: number) {
      const state = tabs.get(tabId);
      if (state) state.search = undefined;
      await deps.redetect(tabId);
    },

    /** Whether the sidebar opens by itself on this tab's store site. */
    async setAutoOpen(tabId: number, autoOpen: boolean) {
      const url = tabs.get(tabId)?.url;
      if (!url) throw new AppError('invalidInput', 'This tab shows no store page any more.');
      await deps.sitePrefs.update(new URL(url).origin, { autoOpen });
    },

    /** The sidebar (or the popup) asks for a tab's conversations; `refresh` skips the cache. */
    async forTab(tabId: number, refresh = false): Promise<TabConversations> {
      const state = tabs.get(tabId);
      const subject = state?.search ?? state?.page;
      if (!state || !subject) return NOTHING;
      const pending =
        refresh || !subject.result ? start(tabId, state, subject, refresh) : subject.result;
      const { brand, searched, matches, warnings, fetchedAt, stale } = await pending;
      return {
        state: 'ready',
        source: state.search ? 'search' : 'page',
        query: state.search?.query ?? null,
        hasPage: Boolean(state.page),
        brand,
        searched,
        matches,
        warnings,
        fetchedAt,
        stale,
        autoOpen: (await deps.sitePrefs.get(new URL(state.url).origin)).autoOpen,
      };
    },

    /** Store tabs, most recently started first. */
    recentStoreTabs(): [tabId: number, url: string][] {
      return [...storeTabs.entries()].reverse();
    },

    /** The store page a tab's detector last reported from. */
    urlOf(tabId: number): string | undefined {
      return tabs.get(tabId)?.url ?? storeTabs.get(tabId);
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
