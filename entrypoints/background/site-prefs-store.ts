import { storage } from '#imports';
import { DEFAULT_SITE_PREFS, parseSitePrefs, type SitePrefs } from '@/lib/settings/site-prefs';

/** Sidebar width and auto-open, per store origin. Read by the background only. */
const sitePrefsItem = storage.defineItem<unknown>('local:sitePrefs', { fallback: {}, version: 1 });

export const sitePrefs = {
  async get(origin: string): Promise<SitePrefs> {
    return parseSitePrefs(await sitePrefsItem.getValue())[origin] ?? DEFAULT_SITE_PREFS;
  },
  async update(origin: string, change: Partial<SitePrefs>): Promise<void> {
    const all = parseSitePrefs(await sitePrefsItem.getValue());
    all[origin] = { ...DEFAULT_SITE_PREFS, ...all[origin], ...change };
    await sitePrefsItem.setValue(all);
  },
};
