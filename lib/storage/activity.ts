import { storage } from '#imports';
import { z } from 'zod';
import { createSerialQueues } from './serially';
import { ActivityEntrySchema, type ActivityEntry, type ConversationRef } from '../actions/schemas';

/** Entries kept per conversation, newest first. */
export const MAX_ENTRIES = 30;
/** Conversations kept; the one acted on longest ago goes first. */
export const MAX_CONVERSATIONS = 100;

/**
 * What the agent did to each conversation from the store, and how it went: one local-storage item
 * per conversation, plus an index of them by last activity that bounds how many are kept.
 */
const PREFIX = 'activity:';
const idOf = ({ brand, slug }: ConversationRef) => `${brand}|${encodeURIComponent(slug)}`;
const keyOf = (id: string) => `local:${PREFIX}${id}` as const;
const indexItem = storage.defineItem<unknown>('local:activityIndex', { fallback: [], version: 1 });
const IndexSchema = z.array(z.object({ id: z.string(), at: z.number() }));

/**
 * Writes run one after another, so two entries never overwrite each other or the index: one queue
 * for every conversation, since each entry also updates the shared index.
 */
const queue = createSerialQueues<'index'>();
const serially = <T>(change: () => Promise<T>) => queue('index', change);

async function read(id: string): Promise<ActivityEntry[]> {
  const stored: unknown = await storage.getItem(keyOf(id));
  if (!Array.isArray(stored)) return [];
  // A damaged entry costs only itself.
  return stored.flatMap((entry) => {
    const parsed = ActivityEntrySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export const activityLog = {
  /** The conversation's entries, newest first. */
  list: (ref: ConversationRef): Promise<ActivityEntry[]> => read(idOf(ref)),

  /** Adds an entry first; returns the conversation's entries as now kept. */
  add(ref: ConversationRef, entry: ActivityEntry): Promise<ActivityEntry[]> {
    return serially(async () => {
      const id = idOf(ref);
      const entries = [entry, ...(await read(id))].slice(0, MAX_ENTRIES);
      await storage.setItem(keyOf(id), entries);
      const parsed = IndexSchema.safeParse(await indexItem.getValue());
      const index = [{ id, at: entry.at }, ...(parsed.success ? parsed.data : [])].filter(
        (item, position, all) => all.findIndex((other) => other.id === item.id) === position,
      );
      for (const gone of index.slice(MAX_CONVERSATIONS)) await storage.removeItem(keyOf(gone.id));
      await indexItem.setValue(index.slice(0, MAX_CONVERSATIONS));
      return entries;
    });
  },
};

export type ActivityStore = typeof activityLog;
