// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { describeChange } from '@/lib/actions/service';
import { summary } from '../components/summaries';
import { english, i18nFor } from './locales';

/* The activity list's words are the agent's language throughout, status and date included. */

describe('activity entries', () => {
  const hold = { kind: 'status', status: 5, holdUntil: '2024-03-09T12:00:00.000Z' } as const;

  test('English stays as it was', () => {
    expect(describeChange(english.t, hold, undefined, summary())).toBe(
      'Status changed to On Hold until 9 Mar 2024',
    );
    const tags = { kind: 'tags' as const, tags: ['vip', 'late'] };
    expect(describeChange(english.t, tags, summary({ tags: ['late', 'old'] }), summary())).toBe(
      'Tag vip added; Tag old removed',
    );
  });

  test('French, German and Spanish have no English word in them', () => {
    expect(describeChange(i18nFor('fr').t, hold, undefined, summary())).toBe(
      'Statut changé en En attente jusqu’au 9 mars 2024',
    );
    expect(describeChange(i18nFor('de').t, hold, undefined, summary())).toBe(
      'Status auf Zurückgestellt geändert (bis 9. März 2024)',
    );
    const tags = { kind: 'tags' as const, tags: ['a', 'b', 'c'] };
    expect(describeChange(i18nFor('es').t, tags, summary({ tags: ['c'] }), summary())).toBe(
      'Etiquetas a, b añadidas',
    );
  });
});
