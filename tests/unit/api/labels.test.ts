// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { channelTypeLabel, isOpenStatus, statusLabel } from '@/lib/api/labels';

describe('statusLabel', () => {
  it('uses the current Re:amaze UI names', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(statusLabel)).toEqual([
      'Open',
      'Responded',
      'Done',
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

describe('channelTypeLabel', () => {
  it('names every known channel type', () => {
    const types = [1, 2, 3, 6, 8, 9, 10, 12, 13, 14, 15, 16];
    expect(Object.fromEntries(types.map((type) => [type, channelTypeLabel(type)]))).toEqual({
      1: 'Email',
      2: 'Twitter/X',
      3: 'Facebook',
      6: 'Chat',
      8: 'Instagram',
      9: 'SMS',
      10: 'Voice',
      12: 'Facebook Messenger',
      13: 'Facebook Lead',
      14: 'Instagram Ad',
      15: 'WhatsApp',
      16: 'Instagram DM',
    });
  });

  it('shows gaps in the table and new types as unknown', () => {
    expect(channelTypeLabel(4)).toBe('Unknown (4)');
    expect(channelTypeLabel(99)).toBe('Unknown (99)');
  });
});

describe('isOpenStatus', () => {
  it('counts conversations still waiting on someone as open', () => {
    const open = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12].filter(isOpenStatus);
    expect(open).toEqual([0, 1, 5, 7]);
  });
});
