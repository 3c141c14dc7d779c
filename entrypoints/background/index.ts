import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { classifyText } from '@/lib/lookup/classify';
import { idsOfTerms } from '@/lib/lookup/detected';
import { createConversationSearch } from '@/lib/lookup/search';
import { RuleTestSchema, type RuleTest } from '@/lib/messaging/page-schemas';
import { createRouter } from '@/lib/messaging/router';
import type { UserRule } from '@/lib/settings/schema';
import { accountForUrl } from '@/lib/settings/stores';
import { loadSettings } from '@/lib/settings/store';
import { matchesPattern } from '@/lib/detection/user-rules';
import { createContextMenus, executeInClickedTab, searchFromMenu } from './context-menu';
import { createHandlers, defaultClientFactory, type TabCommand } from './handlers';
import { openUrl, registerOmnibox, type Disposition } from './omnibox';
import { createTabConversations } from './tab-conversations';
import { injectIntoOpenTabs, syncSiteScripts } from './site-access';
import { sitePrefs } from './site-prefs-store';

const DETECTOR_SCRIPT = '/content-scripts/detector.js';

export default defineBackground(() => {
  // Content scripts must never read the stored API token.
  void browser.storage.local
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    ?.catch((error: unknown) => console.error('Could not restrict storage access', error));

  const search = createConversationSearch({ createClient: defaultClientFactory });
  const tabs = createTabConversations({
    loadSettings: async () => (await loadSettings()).settings,
    search,
    setBadge,
    autoOpen: async (origin) => (await sitePrefs.get(origin)).autoOpen,
  });
  const sendToTab = async (tabId: number, command: TabCommand) => {
    await deliver(tabId, command);
  };
  const route = createRouter(
    createHandlers({
      createClient: defaultClientFactory,
      search,
      tabs,
      sitePrefs,
      sendToTab,
      testRuleInPage: (rule) => testRuleInTabs(rule, tabs.recentStoreTabs()),
    }),
    { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') },
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => tabs.forget(tabId));

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-sidebar' && tab?.id !== undefined)
      void sendToTab(tab.id, { type: 'toggleSidebar' });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    void searchFromMenu(info, tab, {
      tabs,
      showSidebar,
      showElsewhere: (query) => openResults(query),
    }).catch((error: unknown) => console.error('Search from the menu failed', error));
  });

  registerOmnibox({
    async search(text) {
      const settings = (await loadSettings()).settings;
      // On a store tab, that store's brand; its address is known from its detector, not the tab.
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      const storeUrl = active?.id === undefined ? undefined : tabs.urlOf(active.id);
      const account = accountForUrl(settings, storeUrl ? new URL(storeUrl) : undefined);
      const terms = classifyText(text);
      if (!account || terms.length === 0) return [];
      return (await search.search(account, idsOfTerms(terms), { dataKeys: settings.dataKeys }))
        .matches;
    },
    openResults,
  });

  const resync = () =>
    void syncSiteScripts().catch((error: unknown) => console.error('Site sync failed', error));
  browser.runtime.onInstalled.addListener(() => {
    createContextMenus();
    resync();
  });
  browser.runtime.onStartup.addListener(resync);
  browser.permissions.onAdded.addListener(({ origins = [] }) => {
    void syncSiteScripts()
      .then(() => injectIntoOpenTabs(origins))
      .catch((error: unknown) => console.error('Site sync failed', error));
  });
  browser.permissions.onRemoved.addListener(resync);
});

/** One command to a tab's content script; false where none is listening. */
async function deliver(
  tabId: number,
  command: TabCommand | { type: 'testRule'; rule: UserRule },
): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, command, { frameId: 0 }).catch(() => false);
}

/**
 * Opens the sidebar in a tab, injecting its host first where the page has none (any page the
 * agent right-clicked on: the click's activeTab grant allows it). False where pages may not be
 * scripted at all (the browser's own pages, the web store).
 */
async function showSidebar(tabId: number): Promise<boolean> {
  if ((await deliver(tabId, { type: 'openSidebar' })) === true) return true;
  try {
    await executeInClickedTab(() =>
      browser.scripting.executeScript({ target: { tabId }, files: [DETECTOR_SCRIPT] }),
    );
  } catch (error) {
    console.warn(`No sidebar in tab ${tabId}: the page may not be scripted.`, error);
    return false;
  }
  const opened = await deliver(tabId, { type: 'openSidebar' });
  if (opened !== true)
    console.warn(`No sidebar in tab ${tabId}: its launcher did not answer.`, opened);
  return opened === true;
}

/** The popup's search, in a tab of its own: for pages without a sidebar and for many results. */
async function openResults(query: string, disposition: Disposition = 'newForegroundTab') {
  const url = `${browser.runtime.getURL('/popup.html')}?q=${encodeURIComponent(query)}`;
  await openUrl(url, disposition);
}

/**
 * Runs a rule in the store tab the agent used last, preferring one the rule's pattern matches
 * (the one the agent means); its content script reads the page, and its answer is parsed here.
 */
async function testRuleInTabs(
  rule: UserRule,
  recent: [tabId: number, url: string][],
): Promise<RuleTest | null> {
  const candidates = [...recent].sort(
    ([, a], [, b]) => Number(matches(rule, b)) - Number(matches(rule, a)),
  );
  for (const [tabId] of candidates) {
    const reply = RuleTestSchema.safeParse(await deliver(tabId, { type: 'testRule', rule }));
    if (reply.success) return reply.data;
  }
  return null;
}

function matches(rule: UserRule, url: string): boolean {
  try {
    return matchesPattern(rule.urlPattern, new URL(url));
  } catch {
    return false;
  }
}

function setBadge(tabId: number, count: number | null) {
  const text = count === null || count === 0 ? '' : count > 99 ? '99+' : String(count);
  void browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
  void browser.action.setBadgeBackgroundColor({ tabId, color: '#2356d8' }).catch(() => undefined);
}
