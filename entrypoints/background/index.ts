import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { createActionService } from '@/lib/actions/service';
import { contentMessages } from '@/lib/i18n/content-messages';
import { popupPage } from '@/lib/i18n/popup-page';
import { createI18n } from '@/lib/i18n/translate';
import { createReamazeClient, type ClientOptions } from '@/lib/api/client';
import { createBudget, LOOKUP_BUDGET } from '@/lib/lookup/budget';
import { createConversationSearch } from '@/lib/lookup/search';
import { createLookupService } from '@/lib/lookup/service';
import { createTabConversations } from '@/lib/lookup/tabs';
import { createRouter } from '@/lib/messaging/router';
import type { Credentials } from '@/lib/settings/schema';
import { createSettingsService } from '@/lib/settings/service';
import { activityLog } from '@/lib/storage/activity';
import { drafts } from '@/lib/storage/drafts';
import { knownTags } from '@/lib/storage/known-tags';
import { budgetStore } from '@/lib/storage/lookup-budget';
import { loadSettings, sealStoredTokens } from '@/lib/storage/settings';
import { sitePrefs } from '@/lib/storage/site-prefs';
import { tabState } from '@/lib/storage/tab-state';
import { createContextMenus, searchFromMenu } from './context-menu';
import { createHandlers } from './handlers';
import { openUrl, registerOmnibox, type Disposition } from './omnibox';
import { testRuleInTabs } from './rule-test';
import { sendToTab, showSidebar } from './sidebar';
import { injectIntoOpenTabs, syncSiteScripts } from './site-access';

export default defineBackground(() => {
  // Content scripts must never read the stored API token. Chromium keeps all of storage.local from
  // them; Firefox has no setAccessLevel for it (only storage.session, closed to them by default),
  // so there they can read it, and find each token sealed with a key they cannot reach.
  void browser.storage.local
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    ?.catch((error: unknown) => console.error('Could not restrict storage access', error));
  void sealStoredTokens().catch((error: unknown) => console.error('Could not seal tokens', error));

  const { t } = createI18n(browser.i18n, browser.i18n.getUILanguage());
  const createClient = (credentials: Credentials, options?: ClientOptions) =>
    createReamazeClient(credentials, { ...options, t });
  const budget = createBudget(LOOKUP_BUDGET, Date.now, budgetStore);
  const search = createConversationSearch({ t, createClient, budget });
  const tabs = createTabConversations({
    t,
    loadSettings: async () => (await loadSettings()).settings,
    search,
    store: tabState,
    sitePrefs,
    setBadge,
    contentText: contentMessages(browser.i18n),
    redetect: (tabId) => sendToTab(tabId, 'redetect', {}).then(() => undefined),
  });
  const settings = createSettingsService({
    t,
    createClient,
    onChange: () => void tabs.clearCache(),
  });
  const lookups = createLookupService({ t, createClient, search });
  const actions = createActionService({
    t,
    createClient,
    loadSettings: async () => (await loadSettings()).settings,
    drafts,
    activity: activityLog,
    knownTags,
    tabs,
  });
  const route = createRouter(
    createHandlers({
      settings,
      lookups,
      tabs,
      actions,
      sitePrefs,
      closeSidebar: (tabId) => sendToTab(tabId, 'closeSidebar', {}).then(() => undefined),
      testRule: async (rule) => testRuleInTabs(rule, await tabs.recentStoreTabs()),
    }),
    { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') },
    t,
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  // A closed tab drops what it showed; a page that goes says so itself (pageGone).
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId));

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-sidebar' && tab?.id !== undefined) {
      void sendToTab(tab.id, 'toggleSidebar', {});
    }
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    void searchFromMenu(info, tab, { tabs, showSidebar, showElsewhere: openResults }).catch(
      (error: unknown) => console.error('Search from the menu failed', error),
    );
  });

  registerOmnibox({
    t,
    async search(text) {
      // On a store tab, that store's brand; its address is known from its detector, not the tab.
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      return lookups.suggest(
        text,
        active?.id === undefined ? undefined : await tabs.urlOf(active.id),
      );
    },
    openResults,
  });

  const resync = () =>
    void syncSiteScripts().catch((error: unknown) => console.error('Site sync failed', error));
  browser.runtime.onInstalled.addListener(() => {
    createContextMenus(t);
    resync();
    showPopupInLanguage();
  });
  browser.runtime.onStartup.addListener(() => {
    resync();
    showPopupInLanguage();
  });
  browser.permissions.onAdded.addListener(({ origins = [] }) => {
    void syncSiteScripts()
      .then(() => injectIntoOpenTabs(origins))
      .catch((error: unknown) => console.error('Site sync failed', error));
  });
  browser.permissions.onRemoved.addListener(resync);
});

/**
 * The toolbar button opens the popup pre-rendered in the agent's language. The browser forgets the
 * choice when it quits, so it is made again at every start; until then, and in any language not
 * shipped, the manifest's English page shows and its script puts it in the agent's language.
 */
function showPopupInLanguage() {
  const action = browser.action ?? browser.browserAction;
  void action
    ?.setPopup({ popup: agentsPopupPage() })
    .catch((error: unknown) => console.error('Could not set the popup', error));
}

/** The popup page in the browser's UI language (lib/i18n/popup-page.ts). */
const agentsPopupPage = () => popupPage(browser.i18n.getUILanguage());

/** The popup's search, in a tab of its own: for pages without a sidebar and for many results. */
async function openResults(query: string, disposition: Disposition = 'newForegroundTab') {
  const url = `${browser.runtime.getURL('/')}${agentsPopupPage()}?q=${encodeURIComponent(query)}`;
  await openUrl(url, disposition);
}

/**
 * The toolbar badge is a convenience beside the launcher, so it never fails a lookup: a Manifest V2
 * build (`wxt build -b firefox --mv2`) has `browserAction` instead of `action`, and a browser with
 * neither gets no badge.
 */
function setBadge(tabId: number, count: number | null) {
  const text = count === null || count === 0 ? '' : count > 99 ? '99+' : String(count);
  const action = browser.action ?? browser.browserAction;
  if (!action) return;
  void action.setBadgeText({ tabId, text }).catch(() => undefined);
  void action.setBadgeBackgroundColor({ tabId, color: '#2356d8' }).catch(() => undefined);
}
