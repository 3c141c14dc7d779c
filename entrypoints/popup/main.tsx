import { render } from 'preact';
import { browser } from 'wxt/browser';
import { MatchPattern, storage } from '#imports';
import { PopupApp, type PopupServices, type SiteServices } from '@/components/popup-app';
import { send } from '@/lib/messaging/send';
import { parseRecentLookups, rememberLookup } from '@/lib/lookup/recent';
import '@/components/styles.css';

/** Recent lookups are queries only, never results, so the popup keeps them itself. */
const recentItem = storage.defineItem<unknown>('local:recentLookups', { fallback: [], version: 1 });

/** The agent's current tab, readable through activeTab because they clicked the toolbar button. */
const siteServices: SiteServices = {
  async load() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const url = tab?.url ? new URL(tab.url) : null;
    if (!url || !/^https?:$/.test(url.protocol)) return null;
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

const services: PopupServices = {
  site: siteServices,
  getSettings: () => send('getSettings', {}),
  lookup: (query, page) => send('lookup', { query, page }),
  loadRecent: async () => parseRecentLookups(await recentItem.getValue()),
  async remember(query) {
    const list = rememberLookup(parseRecentLookups(await recentItem.getValue()), query, Date.now());
    await recentItem.setValue(list);
    return list;
  },
  openOptions: () => void browser.runtime.openOptionsPage(),
};

render(<PopupApp services={services} />, document.getElementById('app')!);
