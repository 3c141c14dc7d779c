import { storage } from '#imports';
import { DraftSchema, type ConversationRef, type Draft } from '../actions/schemas';

/**
 * What the agent is writing, one item per conversation in local storage (trusted contexts only),
 * so a draft outlives closing the sidebar, navigating and restarting the browser. A draft goes
 * once Re:amaze confirms it has the message, or when the agent discards it.
 */
const PREFIX = 'draft:';
const keyOf = ({ brand, slug }: ConversationRef) =>
  `local:${PREFIX}${brand}|${encodeURIComponent(slug)}` as const;

export const drafts = {
  /** The conversation's draft; a damaged one counts as none. */
  async get(ref: ConversationRef): Promise<Draft | undefined> {
    const parsed = DraftSchema.safeParse(await storage.getItem(keyOf(ref)));
    return parsed.success ? parsed.data : undefined;
  },
  async set(ref: ConversationRef, draft: Draft): Promise<void> {
    await storage.setItem(keyOf(ref), draft);
  },
  async remove(ref: ConversationRef): Promise<void> {
    await storage.removeItem(keyOf(ref));
  },
};

export type DraftStore = typeof drafts;
