import type { detectWithRules, testRule } from '@/lib/detection/user-rules';
import { DETECTOR_PARTS } from '@/lib/detection/script-files';
import { extensionUrl } from '@/lib/messaging/ask';
import type { createListPage } from './list-page';
import type { createSidebarHost } from './sidebar-host';

/** What each part of the detector gives the runtime (the files: DETECTOR_PARTS). */
export interface DetectorParts {
  launcher: typeof createSidebarHost;
  list: typeof createListPage;
  rules: { detectWithRules: typeof detectWithRules; testRule: typeof testRule };
}

type PartsHolder = { __reamazeInlineParts?: Partial<DetectorParts> };

/**
 * Run by a part's own script (`entrypoints/detector-<part>.ts`) as the runtime imports it: hands
 * the part over through the global of the content script's world, which the page cannot see.
 */
export function providePart<K extends keyof DetectorParts>(name: K, part: DetectorParts[K]): void {
  ((globalThis as PartsHolder).__reamazeInlineParts ??= {})[name] = part;
}

/**
 * A part of the detector only some pages need (the launcher, order lists, the agent's rules),
 * loaded from the extension the first time a page needs it, so every other page does without its
 * code. Null when it cannot be loaded (the extension was updated meanwhile, say).
 */
export async function loadPart<K extends keyof DetectorParts>(
  name: K,
): Promise<DetectorParts[K] | null> {
  try {
    await import(/* @vite-ignore */ extensionUrl(DETECTOR_PARTS[name]));
  } catch {
    return null;
  }
  return (globalThis as PartsHolder).__reamazeInlineParts?.[name] ?? null;
}
