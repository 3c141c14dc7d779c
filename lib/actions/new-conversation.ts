import type { DetectedIds } from '../detection/schema';

/**
 * Whether the page's ids describe one order or one customer, so a new conversation can be
 * prefilled for it: a list of orders found nothing is no single order to start one for.
 */
export function describesOneOrder(ids: DetectedIds | null): boolean {
  if (!ids) return false;
  const { orderRefs, originIds, emails } = ids;
  if (orderRefs.length > 1 || originIds.length > 1 || emails.length > 1) return false;
  return orderRefs.length + originIds.length + emails.length > 0;
}
