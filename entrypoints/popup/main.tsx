import { render } from 'preact';
import { browser } from 'wxt/browser';
import { MatchPattern, storage } from '#imports';
import { PopupApp, type PopupServices, type SiteServices } from '@/components/popup-app';
import { send } from '@/lib/messaging/send';
import { parseRecentLookups, rememberLookup } from '@/lib/lookup/recent';
import '@/components/styles.css';

/** Recent lookups are queries only, never results, so the popup keeps them itself. */
const recentItem = storage.defineItem<unknown>('local:recentLookups', { fallback: [], version: 1 });

/** The current tab's site: the hosted admins work at once, self-hosted ones once enabled. */
const siteServices: SiteServices = {
  async load(tab) {
    const url = new URL(tab.url);
    if (!/^https?:$/.test(url.protocol)) return null;
    const hosted = (browser.runtime.getManifest().content_scripts ?? [])
      .flatMap((script) => script.matches ?? [])
      .some((pattern) => new MatchPattern(pattern).includes(url));
    if (hosted) return { origin: url.origin, state: 'hosted' };
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
  loadRecent: async () => parseRecentLookups(await recentItem.getValue()),
  async remember(query) {
    const list = rememberLookup(parseRecentLookups(await recentItem.getValue()), query, Date.now());
    await recentItem.setValue(list);
    return list;
  },
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

render(<PopupApp services={services} />, document.getElementById('app')!);
