import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chipLabel } from '@/entrypoints/detector/row-chips';
import { contentCount, contentText } from '@/lib/i18n/content-text';
import { chromeMessages } from '../i18n/locales';

/** The browser's i18n in a UI language, with Chrome's positional substitutions. */
function speak(lang: string) {
  const messages = chromeMessages(lang);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (name: string, substitutions?: string | string[]) =>
      (messages[name]?.message ?? '').replace(
        /\$(\d)/g,
        (_, n: string) => [substitutions ?? []].flat()[Number(n) - 1] ?? '',
      ),
  );
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(lang);
}

beforeEach(() => speak('en'));

test('the launcher and chips read in English, one and many', () => {
  expect(contentText('content.panel')).toBe('Re:amaze conversations');
  expect(contentCount('content.countOne', 'content.countOther', 1)).toBe(
    'Re:amaze: 1 conversation',
  );
  expect(contentCount('content.countOne', 'content.countOther', 3)).toBe(
    'Re:amaze: 3 conversations',
  );
});

test('…and in the agent’s language, by its own plural rules', () => {
  speak('fr');
  expect(contentText('content.searching')).toBe('Re:amaze : recherche…');
  // French counts 0 as one.
  expect(contentCount('content.countOne', 'content.countOther', 0)).toBe(
    'Re:amaze : 0 conversation',
  );
  const element = document.createElement('a');
  expect(chipLabel({ id: { orderRef: '1042' }, key: '1042', element }, 2)).toBe(
    'Re:amaze : 2 conversations pour la commande n° 1042',
  );
  speak('de');
  expect(contentCount('content.countOne', 'content.countOther', 1234)).toMatch(
    /^Re:amaze: 1\.234 /,
  );
});
