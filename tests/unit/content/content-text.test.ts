import { expect, test } from 'vitest';
import { chipLabel } from '@/entrypoints/detector/row-chips';
import { contentMessages } from '@/lib/i18n/content-messages';
import { chromeCatalogue, contentTextIn } from './content-fakes';

test('the background sends each content message with its substitutions still to fill', () => {
  const { messages, language } = contentMessages(chromeCatalogue('fr'));
  expect(language).toBe('fr');
  expect(messages['content.countOther']).toBe('Re:amaze : $1 conversations');
  expect(messages['content.chipMarketplaceOne']).toMatch(/\$1.*\$2.*\$3/);
});

test('the launcher and chips read in English, one and many', () => {
  const text = contentTextIn('en');
  expect(text.text('content.panel')).toBe('Re:amaze conversations');
  expect(text.count('content.countOne', 'content.countOther', 1)).toBe('Re:amaze: 1 conversation');
  expect(text.count('content.countOne', 'content.countOther', 3)).toBe('Re:amaze: 3 conversations');
});

test('…and in the agent’s language, by its own plural rules', () => {
  const french = contentTextIn('fr');
  expect(french.text('content.searching')).toBe('Re:amaze : recherche…');
  // French counts 0 as one.
  expect(french.count('content.countOne', 'content.countOther', 0)).toBe(
    'Re:amaze : 0 conversation',
  );
  const element = document.createElement('a');
  expect(chipLabel({ id: { orderRef: '1042' }, key: '1042', element }, 2, french)).toBe(
    'Re:amaze : 2 conversations pour la commande n° 1042',
  );
  expect(contentTextIn('de').count('content.countOne', 'content.countOther', 1234)).toMatch(
    /^Re:amaze: 1\.234 /,
  );
});
