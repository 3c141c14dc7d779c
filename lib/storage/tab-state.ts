import { storage } from '#imports';
import { z } from 'zod';
import { CustomerNameSchema, DetectedIdsSchema } from '../detection/schema';
import { SearchResultSchema } from '../lookup/schemas';

/**
 * What each store tab shows, kept in session storage (trusted contexts only) so it outlives the
 * service worker, which Chromium stops after about 30 s idle; the browser clears it on restart.
 * One key per tab, so lookups in two tabs never overwrite each other. Only answers are stored:
 * a failed lookup is asked again.
 */
const SubjectSchema = z.object({
  key: z.string(),
  ids: DetectedIdsSchema,
  result: SearchResultSchema.optional(),
});

/**
 * The page's subject also keeps the customer's name its order page printed, beside the ids and
 * outside the key: for the new-conversation form only, never searched, so a name that changes
 * while the ids stay the same asks Re:amaze nothing.
 */
const PageSubjectSchema = SubjectSchema.extend({ customerName: CustomerNameSchema.optional() });

export const TabRecordSchema = z.object({
  /** The store page's URL when it reported, which picks the brand. */
  url: z.string(),
  /** When a detector last started in the tab, for the rule preview's choice of tab. */
  seenAt: z.number().optional(),
  /** The key of the sidebar frame the tab's content script was given (see ContentConfig). */
  sidebarKey: z.string().optional(),
  page: PageSubjectSchema.optional(),
  /** A right-click search shown in this tab's sidebar until the agent goes back to the page. */
  search: SubjectSchema.extend({ query: z.string() }).optional(),
});
export type TabRecord = z.infer<typeof TabRecordSchema>;
export type TabSubject = z.infer<typeof SubjectSchema>;

const PREFIX = 'tab:';
const keyOf = (tabId: number) => `session:${PREFIX}${tabId}` as const;

export const tabState = {
  /** The tab's record; a damaged one counts as none. */
  async get(tabId: number): Promise<TabRecord | undefined> {
    const parsed = TabRecordSchema.safeParse(await storage.getItem(keyOf(tabId)));
    return parsed.success ? parsed.data : undefined;
  },
  async set(tabId: number, record: TabRecord): Promise<void> {
    await storage.setItem(keyOf(tabId), record);
  },
  async remove(tabId: number): Promise<void> {
    await storage.removeItem(keyOf(tabId));
  },
  /** Every tab's readable record. */
  async all(): Promise<[tabId: number, record: TabRecord][]> {
    const stored = await storage.snapshot('session');
    return Object.entries(stored).flatMap(([key, value]) => {
      const tabId = Number(key.slice(PREFIX.length));
      const parsed = TabRecordSchema.safeParse(value);
      return key.startsWith(PREFIX) && Number.isInteger(tabId) && parsed.success
        ? [[tabId, parsed.data] as [number, TabRecord]]
        : [];
    });
  },
};

export type TabStateStore = typeof tabState;
