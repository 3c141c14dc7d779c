/** Words for the API's integer conversation statuses, in the current Re:amaze UI's names. */

const STATUS_LABELS: Readonly<Record<number, string>> = {
  0: 'Open',
  1: 'Pending',
  2: 'Resolved',
  3: 'Spam',
  4: 'Archived',
  5: 'On Hold',
  6: 'Auto-Done',
  7: 'AI Agent Assigned',
  8: 'AI Agent Done',
  9: 'Spam (AI)',
};

/**
 * Statuses in which the conversation still waits on someone: Open, Pending (waiting on the
 * customer), On Hold and AI Agent Assigned. Broader than the API's `filter=open`, which means
 * status 0 only.
 */
const OPEN_STATUSES: ReadonlySet<number> = new Set([0, 1, 5, 7]);

export function statusLabel(status: number): string {
  return STATUS_LABELS[status] ?? unknownLabel(status);
}

/** Not done, archived or spam. Unknown (newer) statuses count as not open: we cannot tell. */
export function isOpenStatus(status: number): boolean {
  return OPEN_STATUSES.has(status);
}

function unknownLabel(value: number): string {
  return `Unknown (${value})`;
}
