import { describe, expect, test } from 'vitest';
import { ConversationList } from '@/components/conversation-list';
import { render, screen } from '../components/render';
import { lookupResult, summary } from '../components/summaries';
import { i18nFor } from './locales';

/* A component shown in another language reads in that language only: words, plurals and times. */

describe('the popup’s results in French', () => {
  const now = Date.parse('2024-03-04T14:02:07.113-05:00');
  const result = lookupResult({
    query: '1042',
    conversations: [
      summary({ updatedAt: new Date(now - 3 * 3600_000).toISOString(), assignee: null }),
      summary({ slug: 'second', status: 5, channel: null }),
    ],
  });

  test('labels, statuses, counts and relative times are French', () => {
    const { container } = render(<ConversationList result={result} />, i18nFor('fr'));
    expect(screen.getByRole('status').textContent).toBe('2 conversations pour « 1042 »');
    expect(screen.getByRole('region', { name: 'Conversations' })).toBeTruthy();
    const text = container.textContent ?? '';
    for (const french of ['Canal', 'Client', 'Assigné à', 'Non assignée', 'Canal inconnu']) {
      expect(text).toContain(french);
    }
    expect(text).toContain('En attente du client'); // status 1
    expect(text).toContain('En attente'); // status 5
    expect(text).toMatch(/Mise à jour il y a \d+ (heures|jours|semaines|mois|ans?)/);
    expect(screen.getAllByRole('link', { name: 'Ouvrir dans Re:amaze' })).toHaveLength(2);
    for (const english of ['Channel', 'Unassigned', 'Updated', 'Pending', 'ago', 'Open in']) {
      expect(text).not.toContain(english);
    }
  });

  test('the same list in German and Spanish', () => {
    const single = lookupResult({ query: '1042', conversations: [summary()] });
    render(<ConversationList result={single} />, i18nFor('de'));
    expect(screen.getByRole('status').textContent).toBe('1 Konversation für „1042“');
    render(<ConversationList result={single} />, i18nFor('es'));
    expect(screen.getAllByRole('status')[1]!.textContent).toBe('1 conversación para «1042»');
  });
});
