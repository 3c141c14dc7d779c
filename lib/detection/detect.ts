import type { DetectedIds, Detection } from './schema';
import type { PlatformDetector } from './types';
import { detection, nothing } from './extract';

/**
 * The page's ids, read by the first of `candidates` that claims the URL. URL gates run first, so a
 * page that is no order, order list or customer page costs a few regex tests and no DOM access at
 * all. What the agent's rules found (`detectWithRules`, run by the caller: content scripts load the
 * rules only where the agent has any) adds to the platform's ids, or stands alone where no platform
 * claims the page. Each content script passes only its own platforms (the registry's `detectPage` passes
 * them all), so a store page bundles no other platform's detector.
 */
export function detectWith(
  candidates: readonly PlatformDetector[],
  url: URL,
  doc: Document,
  ruled: Detection | null = null,
): Detection {
  const platform = candidates.find((candidate) => candidate.pageKind(url) !== 'none');
  const found = platform?.detect(url, doc);
  if (!found || found.kind === 'none') return ruled ?? nothing();
  return ruled ? merge(found, ruled) : found;
}

/** Whether a page showed anything to look up. */
export function hasIds({ orderRefs, originIds, emails }: DetectedIds): boolean {
  return orderRefs.length + originIds.length + emails.length > 0;
}

function merge(platform: Detection, ruled: Detection): Detection {
  return detection(platform.platform, platform.kind, {
    orderRefs: [...platform.orderRefs, ...ruled.orderRefs],
    originIds: [...platform.originIds, ...ruled.originIds],
    emails: [...platform.emails, ...ruled.emails],
    customerName: platform.customerName,
  });
}
