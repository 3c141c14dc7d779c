import { storage } from '#imports';
import { z } from 'zod';
import { createSerialQueues } from './serially';

/** Tags kept per brand for completion; the least recently seen go first. */
export const MAX_TAGS = 200;

/** Tags the agent has seen or set on each brand's conversations, most recent first. */
const PREFIX = 'knownTags:';
const keyOf = (brand: string) => `local:${PREFIX}${brand}` as const;
const TagsSchema = z.array(z.string());

/** Per brand: two remembers never overwrite each other's tags. */
const serially = createSerialQueues<string>();

async function list(brand: string): Promise<string[]> {
  const parsed = TagsSchema.safeParse(await storage.getItem(keyOf(brand)));
  return parsed.success ? parsed.data : [];
}

export const knownTags = {
  list,
  /** Puts these tags first (a repeat moves up, case kept as last seen); returns the new list. */
  remember(brand: string, tags: readonly string[]): Promise<string[]> {
    return serially(brand, async () => {
      const fresh = tags.map((tag) => tag.trim()).filter(Boolean);
      const seen = new Set<string>();
      const next = [...fresh, ...(await list(brand))].filter((tag) => {
        const key = tag.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      await storage.setItem(keyOf(brand), next.slice(0, MAX_TAGS));
      return next.slice(0, MAX_TAGS);
    });
  },
};

export type KnownTagsStore = typeof knownTags;
