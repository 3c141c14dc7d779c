import { render } from 'preact';
import { browser } from 'wxt/browser';
import { storage } from '#imports';
import { PopupApp, type PopupServices } from '@/components/popup-app';
import { send } from '@/lib/messaging/send';
import { parseRecentLookups, rememberLookup } from '@/lib/lookup/recent';
import '@/components/styles.css';

/** Recent lookups are queries only, never results, so the popup keeps them itself. */
const recentItem = storage.defineItem<unknown>('local:recentLookups', { fallback: [], version: 1 });

const services: PopupServices = {
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
