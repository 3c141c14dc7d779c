import { z } from 'zod';

export const RecentLookupSchema = z.object({ query: z.string().min(1), at: z.number() });
export type RecentLookup = z.infer<typeof RecentLookupSchema>;

export const MAX_RECENT_LOOKUPS = 8;

/** The newest lookup first; running one again moves it to the top rather than listing it twice. */
export function rememberLookup(list: RecentLookup[], query: string, at: number): RecentLookup[] {
  const key = query.trim().toLowerCase();
  const others = list.filter((item) => item.query.trim().toLowerCase() !== key);
  return [{ query: query.trim(), at }, ...others].slice(0, MAX_RECENT_LOOKUPS);
}

/** Stored lists are parsed item by item, so one damaged entry costs only itself. */
export function parseRecentLookups(raw: unknown): RecentLookup[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = RecentLookupSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
