import { z } from 'zod';
import { DEFAULT_SIDEBAR_WIDTH, MAX_SIDEBAR_WIDTH, MIN_SIDEBAR_WIDTH } from './sidebar-width';

export const SidebarWidthSchema = z.number().int().min(MIN_SIDEBAR_WIDTH).max(MAX_SIDEBAR_WIDTH);

/** How the sidebar behaves on one store site: remembered per origin, never conversation data. */
export const SitePrefsSchema = z.object({
  autoOpen: z.boolean().default(false),
  width: SidebarWidthSchema.default(DEFAULT_SIDEBAR_WIDTH),
});
export type SitePrefs = z.infer<typeof SitePrefsSchema>;
export const DEFAULT_SITE_PREFS: SitePrefs = { autoOpen: false, width: DEFAULT_SIDEBAR_WIDTH };

/** Stored prefs are parsed site by site, so one damaged entry costs only that site. */
export function parseSitePrefs(raw: unknown): Record<string, SitePrefs> {
  if (typeof raw !== 'object' || raw === null) return {};
  const result: Record<string, SitePrefs> = {};
  for (const [origin, value] of Object.entries(raw)) {
    const parsed = SitePrefsSchema.safeParse(value);
    if (parsed.success) result[origin] = parsed.data;
  }
  return result;
}
