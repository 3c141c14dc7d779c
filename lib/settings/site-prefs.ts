import { z } from 'zod';

/** How the sidebar behaves on one store site: remembered per origin, never conversation data. */
export const SitePrefsSchema = z.object({
  autoOpen: z.boolean().default(false),
  width: z.number().int().min(280).max(900).default(380),
});
export type SitePrefs = z.infer<typeof SitePrefsSchema>;
export const DEFAULT_SITE_PREFS: SitePrefs = { autoOpen: false, width: 380 };

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
