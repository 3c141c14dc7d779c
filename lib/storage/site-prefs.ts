import { storage } from '#imports';
import { DEFAULT_SITE_PREFS, parseSitePrefs, type SitePrefs } from '../settings/site-prefs';

/**
 * Sidebar width and auto-open, per store origin. Version 1, with no migration yet. Read by the
 * background only: content scripts get their site's prefs by message.
 */
const sitePrefsItem = storage.defineItem<unknown>('local:sitePrefs', { fallback: {}, version: 1 });

export const sitePrefs = {
  async get(origin: string): Promise<SitePrefs> {
    return parseSitePrefs(await sitePrefsItem.getValue())[origin] ?? DEFAULT_SITE_PREFS;
  },
  async all(): Promise<Record<string, SitePrefs>> {
    return parseSitePrefs(await sitePrefsItem.getValue());
  },
  /** Changes one site's prefs; null forgets the site. */
  async update(origin: string, change: Partial<SitePrefs> | null): Promise<void> {
    const all = parseSitePrefs(await sitePrefsItem.getValue());
    if (change === null) delete all[origin];
    else all[origin] = { ...DEFAULT_SITE_PREFS, ...all[origin], ...change };
    await sitePrefsItem.setValue(all);
  },
};

export type SitePrefsStore = typeof sitePrefs;
