import type { ContentMessages } from '../i18n/content-text';
import { hasIds } from '../detection';
import type { DetectedIds, Detection } from '../detection/schema';
import type { Translate } from '../i18n/translate';
import { AppError } from '../messaging/errors';
import type { ContentConfig, DetectionReply } from '../messaging/protocol';
import type { Settings } from '../settings/schema';
import { accountForUrl } from '../settings/store-brands';
import { createSerialQueues } from '../storage/serially';
import type { SitePrefsStore } from '../storage/site-prefs';
import type { TabRecord, TabStateStore, TabSubject } from '../storage/tab-state';
import { countRows, type RowIds } from './row-counts';
import { FRESH_MS, MAX_AGE_MS, requireAccount, type ConversationSearch } from './search';
import type { ConversationMatch, SearchResult, TabConversations } from './schemas';
import type { ConversationSummary } from './summary';

export interface TabConversationDeps {
  /** The agent's language, for the errors a sidebar shows. */
  t: Translate;
  loadSettings(): Promise<Settings>;
  search: ConversationSearch;
  /** Where each tab's record lives, so it outlives the service worker. */
  store: TabStateStore;
  sitePrefs: Pick<SitePrefsStore, 'get' | 'update'>;
  setBadge(tabId: number, count: number | null): void;
  /** The content scripts' words in the agent's language, sent with their config. */
  contentText: ContentMessages;
  /** Asks the tab's content script to detect and report again; resolves once it has. */
  redetect(tabId: number): Promise<void>;
  now?: () => number;
}

type Which = 'page' | 'search';

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
  ids: null,
};

/**
 * What each store tab found, or was asked to search, and the conversations linked to it. Records
 * live in session storage, so a sidebar opened after the worker slept still shows them; only
 * lookups under way and the tab's cancel switch live in memory, and a failure is never kept.
 */
export function createTabConversations(deps: TabConversationDeps) {
  const now = deps.now ?? Date.now;
  const { store } = deps;
  /** Lookups under way, per tab and subject, so a repeat joins the one in flight. */
  const inFlight = new Map<string, Promise<SearchResult>>();
  /** Per tab: aborted when the tab navigates or closes, dropping its queued lookups. */
  const controllers = new Map<number, AbortController>();
  /** Per tab: record updates run one after another, so two never overwrite each other. */
  const serially = createSerialQueues<number>();

  function signalOf(tabId: number): AbortSignal {
    let controller = controllers.get(tabId);
    if (!controller) controllers.set(tabId, (controller = new AbortController()));
    return controller.signal;
  }

  function cancel(tabId: number) {
    controllers.get(tabId)?.abort(new DOMException('The tab moved on.', 'AbortError'));
    controllers.delete(tabId);
  }

  async function lookUp(tabId: number, url: string, ids: DetectedIds, refresh: boolean) {
    const settings = await deps.loadSettings();
    const account = requireAccount(deps.t, accountForUrl(settings, new URL(url)));
    return deps.search.search(account, ids, {
      dataKeys: settings.dataKeys,
      refresh,
      tabId,
      signal: signalOf(tabId),
    });
  }

  /** Asks Re:amaze (or joins the ask under way) and keeps the answer if the subject still shows. */
  function ask(tabId: number, record: TabRecord, which: Which, refresh: boolean) {
    const subject = record[which]!;
    const flight = `${tabId}|${which}|${subject.key}`;
    const pending = inFlight.get(flight);
    if (pending && !refresh) return pending;
    const isCurrent = (current: TabRecord | undefined) => current?.[which]?.key === subject.key;
    const request = lookUp(tabId, record.url, subject.ids, refresh).then(
      (result) =>
        serially(tabId, async () => {
          const current = await store.get(tabId);
          if (isCurrent(current)) {
            await store.set(tabId, { ...current!, [which]: { ...current![which]!, result } });
            if (which === 'page') deps.setBadge(tabId, result.matches.length);
          }
          return result;
        }),
      async (error: unknown) => {
        if (which === 'page' && isCurrent(await store.get(tabId))) deps.setBadge(tabId, null);
        throw error;
      },
    );
    inFlight.set(flight, request);
    const forget = () => inFlight.get(flight) === request && inFlight.delete(flight);
    request.then(forget, forget);
    return request;
  }

  /** Rewrites every tab's record, one tab at a time; `change` answers undefined to leave it. */
  async function eachRecord(change: (record: TabRecord) => TabRecord | undefined) {
    for (const [tabId] of await store.all()) {
      await serially(tabId, async () => {
        const record = await store.get(tabId);
        const next = record && change(record);
        if (next) await store.set(tabId, next);
      });
    }
  }

  /**
   * The subject's answer: the stored one while fresh; past that it is still shown, marked stale,
   * while it is asked again behind; past the cache's maximum age it is asked again first.
   */
  async function answer(tabId: number, record: TabRecord, which: Which, refresh = false) {
    const stored: TabSubject['result'] = record[which]?.result;
    const age = stored ? now() - stored.fetchedAt : Infinity;
    if (refresh || !stored || age > MAX_AGE_MS) return ask(tabId, record, which, refresh);
    if (age <= FRESH_MS) return stored;
    ask(tabId, record, which, false).catch(() => undefined);
    return { ...stored, stale: true };
  }

  return {
    /** A detector started in this tab (any store page, ids or not): what it needs to run. */
    async contentConfig(
      tabId: number,
      page: { origin: string; url: string },
    ): Promise<ContentConfig> {
      // Three reads at once: the detector waits for this before its launcher shows.
      const [sidebarKey, { userRules }, sidebar] = await Promise.all([
        serially(tabId, async () => {
          const record = await store.get(tabId);
          const kept = record?.url === page.url ? record : { url: page.url };
          const key = kept.sidebarKey ?? crypto.randomUUID();
          await store.set(tabId, { ...kept, seenAt: now(), sidebarKey: key });
          return key;
        }),
        deps.loadSettings(),
        deps.sitePrefs.get(page.origin),
      ]);
      return { userRules, sidebar, sidebarKey, text: deps.contentText };
    },

    /** A content script found ids (or lost them, after navigating): look them up. */
    async report(tabId: number, url: string, detection: Detection): Promise<DetectionReply> {
      const record = await serially(tabId, async () => {
        // A search belongs to the page it was made on: another page starts afresh.
        const previous = await store.get(tabId);
        const known = previous?.url === url ? previous : undefined;
        const { seenAt, sidebarKey } = previous ?? {};
        const base: TabRecord = { url, seenAt, sidebarKey, search: known?.search };
        if (!hasIds(detection)) {
          await store.set(tabId, base);
          return base;
        }
        const { orderRefs, originIds, emails } = detection;
        const ids: DetectedIds = { orderRefs, originIds, emails };
        const key = `${new URL(url).origin}|${JSON.stringify(ids)}`;
        // The name is the latest report's, kept beside the ids and out of the key: a page whose
        // name changes but whose ids do not keeps its answer and asks Re:amaze nothing.
        const name = detection.kind === 'order' ? detection.customerName : undefined;
        const subject = known?.page?.key === key ? known.page : { key, ids };
        const { customerName: _, ...unnamed } = subject;
        const page = name ? { ...unnamed, customerName: name } : unnamed;
        const next = { ...base, page };
        await store.set(tabId, next);
        return next;
      });
      if (!record.page) {
        deps.setBadge(tabId, null);
        return { count: 0, state: 'ready' };
      }
      try {
        const result = await answer(tabId, record, 'page');
        return { count: result.matches.length, state: 'ready' };
      } catch (error) {
        const notConfigured = error instanceof AppError && error.kind === 'notConfigured';
        return { count: 0, state: notConfigured ? 'notConfigured' : 'error' };
      }
    },

    /**
     * Rows of the tab's order list came into view: a count per row, from the same search, cache
     * and budget as everything else (this tab's share of it); counts only.
     */
    async rowCounts(tabId: number, url: string, ids: RowIds) {
      const settings = await deps.loadSettings();
      const account = requireAccount(deps.t, accountForUrl(settings, new URL(url)));
      const counts = await countRows(deps.search, account, ids, {
        dataKeys: settings.dataKeys,
        tabId,
        signal: signalOf(tabId),
      });
      return { counts };
    },

    /** The agent searched from this tab (right-click): its sidebar shows these results. */
    async searchIn(tabId: number, url: string, query: string, ids: DetectedIds) {
      const record = await serially(tabId, async () => {
        const previous = await store.get(tabId);
        const known = previous?.url === url ? previous : { url };
        const next = { ...known, search: { key: JSON.stringify(ids), query, ids } };
        await store.set(tabId, next);
        return next;
      });
      void ask(tabId, record, 'search', false).catch(() => undefined);
    },

    /**
     * A framed extension page speaks for this tab only if it is the sidebar the tab's content
     * script framed, with the key the background gave it; any other frame is refused.
     */
    async requireSidebar(tabId: number, key: string | undefined) {
      const expected = (await store.get(tabId))?.sidebarKey;
      if (!key || key !== expected) {
        throw new AppError('forbidden', deps.t('errors.notOurSidebar'));
      }
    },

    /** Back from a search to the page's own conversations, which the launcher counts again. */
    async clearSearch(tabId: number) {
      await serially(tabId, async () => {
        const record = await store.get(tabId);
        if (record) await store.set(tabId, { ...record, search: undefined });
      });
      await deps.redetect(tabId);
    },

    /** Whether the sidebar opens by itself on this tab's store site. */
    async setAutoOpen(tabId: number, autoOpen: boolean) {
      const url = (await store.get(tabId))?.url;
      if (!url) throw new AppError('invalidInput', deps.t('errors.noStorePageInTab'));
      await deps.sitePrefs.update(new URL(url).origin, { autoOpen });
    },

    /**
     * The sidebar (or the popup) asks for a tab's conversations; `refresh` skips the cache. A
     * tab with nothing on record is asked to report again first (its page may have loaded while
     * the record was being cleared).
     */
    async forTab(tabId: number, refresh = false): Promise<TabConversations> {
      let record = await store.get(tabId);
      if (!record?.page && !record?.search) {
        await deps.redetect(tabId);
        record = await store.get(tabId);
      }
      const which: Which | undefined = record?.search
        ? 'search'
        : record?.page
          ? 'page'
          : undefined;
      if (!record || !which) return NOTHING;
      // Read beside the answer, which is often at hand already.
      const prefs = deps.sitePrefs.get(new URL(record.url).origin);
      prefs.catch(() => undefined);
      const { brand, searched, matches, warnings, fetchedAt, stale } = await answer(
        tabId,
        record,
        which,
        refresh,
      );
      return {
        state: 'ready',
        source: which,
        query: record.search?.query ?? null,
        hasPage: Boolean(record.page),
        brand,
        searched,
        matches,
        warnings,
        fetchedAt,
        stale,
        autoOpen: (await prefs).autoOpen,
        ids: record[which]!.ids,
      };
    },

    /**
     * What the tab shows, for acting on it: the store page's URL, the ids shown (a search's, else
     * the page's), the conversations found for them, and the customer's name the order page
     * printed (none while a search is shown: its ids may be someone else's); undefined for a tab
     * with no record.
     */
    async shown(tabId: number): Promise<
      | {
          url: string;
          ids: DetectedIds | null;
          matches: ConversationMatch[];
          customerName: string | null;
        }
      | undefined
    > {
      const record = await store.get(tabId);
      if (!record) return undefined;
      const subject = record.search ?? record.page;
      return {
        url: record.url,
        ids: subject?.ids ?? null,
        matches: subject?.result?.matches ?? [],
        customerName: (!record.search && record.page?.customerName) || null,
      };
    },

    /**
     * A conversation changed from the sidebar: every tab's record that lists it shows it as it is
     * now (its reasons kept), and cached lookups go, so a sidebar opened later never shows the old.
     */
    async replaceMatch(brand: string, conversation: ConversationSummary) {
      deps.search.clear();
      await eachRecord((record) => {
        let changed = false;
        const replaced = (subject: TabSubject | undefined) => {
          const result = subject?.result;
          if (!result || result.brand !== brand) return subject;
          if (!result.matches.some((match) => match.slug === conversation.slug)) return subject;
          changed = true;
          const matches = result.matches.map((match) =>
            match.slug === conversation.slug ? { ...conversation, reasons: match.reasons } : match,
          );
          return { ...subject, result: { ...result, matches } };
        };
        const page = replaced(record.page);
        const search = record.search && { ...record.search, ...replaced(record.search) };
        return changed ? { ...record, page, search } : undefined;
      });
    },

    /** A conversation started from this tab's sidebar is listed first in what the tab shows. */
    async addMatch(tabId: number, brand: string, match: ConversationMatch) {
      deps.search.clear();
      await serially(tabId, async () => {
        const record = await store.get(tabId);
        const which: Which | undefined = record?.search
          ? 'search'
          : record?.page
            ? 'page'
            : undefined;
        const subject = which && record![which];
        const result = subject?.result;
        if (!record || !which || !result || result.brand !== brand) return;
        const matches = [match, ...result.matches.filter((m) => m.slug !== match.slug)];
        await store.set(tabId, {
          ...record,
          [which]: { ...subject, result: { ...result, matches } },
        });
        if (which === 'page') deps.setBadge(tabId, matches.length);
      });
    },

    /** Store tabs, the one whose detector started last first. */
    async recentStoreTabs(): Promise<[tabId: number, url: string][]> {
      const seen = (await store.all()).filter(([, record]) => record.seenAt !== undefined);
      seen.sort(([, a], [, b]) => b.seenAt! - a.seenAt!);
      return seen.map(([tabId, record]) => [tabId, record.url]);
    },

    /** The store page a tab's detector last reported from. */
    async urlOf(tabId: number): Promise<string | undefined> {
      return (await store.get(tabId))?.url;
    },

    /**
     * The tab loaded another document, or closed: its record goes at once (the new page reports
     * its own) and its lookups still waiting for a slot are dropped.
     */
    async forget(tabId: number) {
      cancel(tabId);
      await serially(tabId, () => store.remove(tabId));
    },

    /** New credentials or lookup settings make every cached answer suspect. */
    async clearCache() {
      deps.search.clear();
      await eachRecord(({ page, search, ...record }) => ({
        ...record,
        page: page && { key: page.key, ids: page.ids, customerName: page.customerName },
        search: search && { key: search.key, ids: search.ids, query: search.query },
      }));
    },
  };
}

export type TabConversationService = ReturnType<typeof createTabConversations>;
