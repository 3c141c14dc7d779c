import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { createRouter } from '@/lib/messaging/router';
import { loadSettings } from '@/lib/settings/store';
import { createHandlers, defaultClientFactory, type TabCommand } from './handlers';
import { createTabConversations } from './tab-conversations';
import { injectIntoOpenTabs, syncSiteScripts } from './site-access';
import { sitePrefs } from './site-prefs-store';

export default defineBackground(() => {
  // Content scripts must never read the stored API token.
  void browser.storage.local
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    ?.catch((error: unknown) => console.error('Could not restrict storage access', error));

  const sendToTab = async (tabId: number, command: TabCommand) => {
    await browser.tabs.sendMessage(tabId, command, { frameId: 0 }).catch(() => undefined);
  };
  const tabs = createTabConversations({
    loadSettings: async () => (await loadSettings()).settings,
    createClient: defaultClientFactory,
    setBadge,
    autoOpen: async (origin) => (await sitePrefs.get(origin)).autoOpen,
  });
  const route = createRouter(
    createHandlers({ createClient: defaultClientFactory, tabs, sitePrefs, sendToTab }),
    { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') },
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => tabs.forget(tabId));

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-sidebar' && tab?.id !== undefined) void sendToTab(tab.id, { type: 'toggleSidebar' });
  });

  const resync = () => void syncSiteScripts().catch((error: unknown) => console.error('Site sync failed', error));
  browser.runtime.onInstalled.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
  browser.permissions.onAdded.addListener(({ origins = [] }) => {
    void syncSiteScripts()
      .then(() => injectIntoOpenTabs(origins))
      .catch((error: unknown) => console.error('Site sync failed', error));
  });
  browser.permissions.onRemoved.addListener(resync);
});

function setBadge(tabId: number, count: number | null) {
  const text = count === null || count === 0 ? '' : count > 99 ? '99+' : String(count);
  void browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
  void browser.action.setBadgeBackgroundColor({ tabId, color: '#2356d8' }).catch(() => undefined);
}
