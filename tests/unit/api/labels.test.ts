// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isOpenStatus, statusLabel } from '@/lib/api/labels';

describe('statusLabel', () => {
  it('uses the current Re:amaze UI names', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(statusLabel)).toEqual([
      'Open',
      'Pending',
      'Resolved',
      'Spam',
      'Archived',
      'On Hold',
      'Auto-Done',
      'AI Agent Assigned',
      'AI Agent Done',
      'Spam (AI)',
    ]);
  });

  it('shows unknown statuses with their number', () => {
    expect(statusLabel(12)).toBe('Unknown (12)');
    expect(statusLabel(-1)).toBe('Unknown (-1)');
  });
});

describe('isOpenStatus', () => {
  it('counts conversations still waiting on someone as open', () => {
    const open = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12].filter(isOpenStatus);
    expect(open).toEqual([0, 1, 5, 7]);
  });
});
