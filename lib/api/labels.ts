/** Words for the API's integer conversation statuses, in the current Re:amaze UI's names. */
import type { MessageKey, Translate } from '../i18n/translate';

const STATUS_LABELS: Readonly<Record<number, MessageKey>> = {
  0: 'status.open',
  1: 'status.pending',
  2: 'status.resolved',
  3: 'status.spam',
  4: 'status.archived',
  5: 'status.onHold',
  6: 'status.autoDone',
  7: 'status.aiAssigned',
  8: 'status.aiDone',
  9: 'status.aiSpam',
};

/**
 * Statuses in which the conversation still waits on someone: Open, Pending (waiting on the
 * customer), On Hold and AI Agent Assigned. Broader than the API's `filter=open`, which means
 * status 0 only.
 */
const OPEN_STATUSES: ReadonlySet<number> = new Set([0, 1, 5, 7]);

/** The status in the agent's language; an unknown (newer) one by its number. */
export function statusLabel(t: Translate, status: number): string {
  const key = STATUS_LABELS[status];
  return key ? t(key) : t('status.unknown', { value: String(status) });
}

/** Not done, archived or spam. Unknown (newer) statuses count as not open: we cannot tell. */
export function isOpenStatus(status: number): boolean {
  return OPEN_STATUSES.has(status);
}
