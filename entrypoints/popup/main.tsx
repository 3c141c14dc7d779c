import { browser } from 'wxt/browser';
import { isBuiltInSite } from '@/lib/settings/granted-sites';
import { PopupApp, type PopupServices, type SiteServices } from '@/components/popup-app';
import { renderPage } from '@/components/i18n';
import type { MessageType, RequestOf } from '@/lib/messaging/protocol';
import '@/components/styles.css';

/**
 * The message schemas, zod with them, load after the popup's first paint: its search field needs
 * none of them, and the agent types into it at once.
 */
const send = <T extends MessageType>(type: T, payload: RequestOf<T>) =>
  import('@/lib/messaging/send').then((messages) => messages.send(type, payload));
const recentLookups = () =>
  import('@/lib/storage/recent-lookups').then((module) => module.recentLookups);

/** The current tab's site: the hosted admins work at once, self-hosted ones once enabled. */
const siteServices: SiteServices = {
  async load(tab) {
    const url = new URL(tab.url);
    if (!/^https?:$/.test(url.protocol)) return null;
    if (isBuiltInSite(url)) return { origin: url.origin, state: 'hosted' };
    const enabled = await browser.permissions.contains({ origins: [`${url.origin}/*`] });
    return { origin: url.origin, state: enabled ? 'enabled' : 'disabled' };
  },
  async setEnabled(origin, enabled) {
    const origins = [`${origin}/*`];
    const granted = enabled
      ? await browser.permissions.request({ origins })
      : !(await browser.permissions.remove({ origins }));
    return { origin, state: granted ? 'enabled' : 'disabled' };
  },
};

/** Opened in a tab (by the omnibox or the context menu) the popup runs the search it was given. */
const params = new URLSearchParams(location.search);
const openedInTab = params.has('q');

const services: PopupServices = {
  site: openedInTab ? undefined : siteServices,
  initialQuery: params.get('q') ?? undefined,
  getSettings: () => send('getSettings', {}),
  lookup: (query, page, brand) => send('lookup', { query, page, brand }),
  loadRecent: () => recentLookups().then((recent) => recent.list()),
  remember: (query) => recentLookups().then((recent) => recent.remember(query)),
  openOptions: () => void browser.runtime.openOptionsPage(),
  openConversation: (url) => void browser.tabs.create({ url }),
  copy: (text) => navigator.clipboard.writeText(text),
  /** Readable through activeTab, because the agent clicked the toolbar button. */
  async currentTab() {
    if (openedInTab) return null;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id !== undefined && tab.url ? { id: tab.id, url: tab.url } : null;
  },
  tabConversations: (tabId) => send('getTabConversations', { tabId }),
};

/** The page was rendered at build time: the agent may have typed into its field already. */
const typed = document.querySelector<HTMLInputElement>('input[type="search"]')?.value;

renderPage(<PopupApp services={services} typed={typed} />, {
  messages: browser.i18n,
  title: 'pages.popup',
});
