// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isOpenStatus, statusLabel } from '@/lib/api/labels';
import { english, i18nFor } from '../i18n/locales';

describe('statusLabel', () => {
  it('uses the current Re:amaze UI names', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((status) => statusLabel(english.t, status))).toEqual([
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
    expect(statusLabel(english.t, 12)).toBe('Unknown (12)');
    expect(statusLabel(english.t, -1)).toBe('Unknown (-1)');
  });

  it('speaks the agent’s language', () => {
    expect(statusLabel(i18nFor('fr').t, 5)).toBe('En attente');
    expect(statusLabel(i18nFor('de').t, 2)).toBe('Gelöst');
    expect(statusLabel(i18nFor('es').t, 12)).toBe('Desconocido (12)');
  });
});

describe('isOpenStatus', () => {
  it('counts conversations still waiting on someone as open', () => {
    const open = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12].filter(isOpenStatus);
    expect(open).toEqual([0, 1, 5, 7]);
  });
});
