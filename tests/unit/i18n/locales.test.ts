// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CONTENT_KEYS } from '@/lib/i18n/content-text';
import { chromeMessages, i18nFor, LANGUAGES } from './locales';

/*
 * Every language says everything English says, with the same blanks to fill: a key missing from a
 * locale, an extra one, or a lost placeholder fails here, before a French agent meets a blank.
 */

const en = chromeMessages('en');
const OTHERS = ['fr', 'de', 'es'];

/** `{name}` parameters and `$1` substitutions (the content scripts'), sorted; `%s` for menus. */
function placeholders(message: string): string[] {
  const named = [...message.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => `{${m[1]}}`);
  const positional = [...message.matchAll(/\$(\d)/g)].map((m) => `$${m[1]}`);
  const percent = message.includes('%s') ? ['%s'] : [];
  return [...new Set([...named, ...positional, ...percent])].sort();
}

describe('locale files', () => {
  test('English and at least French, German and Spanish are there', () => {
    expect(LANGUAGES).toEqual(expect.arrayContaining(['en', ...OTHERS]));
    expect(Object.keys(en).length).toBeGreaterThan(200);
  });

  test.each(LANGUAGES.filter((lang) => lang !== 'en'))('%s has exactly English’s keys', (lang) => {
    const own = chromeMessages(lang);
    expect(Object.keys(own).filter((key) => !(key in en))).toEqual([]);
    expect(Object.keys(en).filter((key) => !(key in own))).toEqual([]);
  });

  test.each(LANGUAGES.filter((lang) => lang !== 'en'))(
    '%s keeps every placeholder and plural of English',
    (lang) => {
      const own = chromeMessages(lang);
      const differ = Object.entries(en).flatMap(([key, { message }]) => {
        const theirs = own[key]?.message ?? '';
        const forms = (text: string) => text.split(' | ');
        const problems: string[] = [];
        // Each plural form names the same blanks (the one form may write "1" as a word).
        const all = (text: string) => [...new Set(forms(text).flatMap(placeholders))].sort();
        if (JSON.stringify(all(message)) !== JSON.stringify(all(theirs))) {
          problems.push(`${key}: ${all(message).join(' ')} ≠ ${all(theirs).join(' ')}`);
        }
        const plural = forms(message).length > 1;
        if (plural !== forms(theirs).length > 1) problems.push(`${key}: plural in one only`);
        return problems;
      });
      expect(differ).toEqual([]);
    },
  );

  test.each(LANGUAGES)('%s has no empty message and no stray $ (chrome.i18n eats it)', (lang) => {
    const bad = Object.entries(chromeMessages(lang)).filter(
      ([, { message }]) => !message.trim() || /\$(?!\d)/.test(message),
    );
    expect(bad).toEqual([]);
  });

  test('the content scripts are sent every content message (lib/i18n/content-text.ts)', () => {
    const content = Object.keys(en).filter((name) => name.startsWith('content_'));
    expect([...CONTENT_KEYS].map((key) => key.replace('.', '_')).sort()).toEqual(content.sort());
  });

  test('the manifest’s __MSG_…__ names are English messages', () => {
    const config = readFileSync('wxt.config.ts', 'utf8');
    const names = [...config.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(names).toEqual(
      expect.arrayContaining(['manifest_name', 'manifest_description', 'manifest_toggleSidebar']),
    );
    expect(names.filter((name) => !(name in en))).toEqual([]);
    expect(config).toMatch(/default_locale: 'en'/);
  });
});

describe('translate', () => {
  test('picks plural forms by the language’s rules and writes numbers its way', () => {
    const { t: fr } = i18nFor('fr');
    const { t: de } = i18nFor('de');
    // French counts 0 as singular; German does not.
    expect(fr('list.countFor', { count: 0, query: 'x' })).toBe('0 conversation pour « x »');
    expect(fr('list.countFor', { count: 2, query: 'x' })).toBe('2 conversations pour « x »');
    expect(de('list.countFor', { count: 1, query: 'x' })).toBe('1 Konversation für „x“');
    expect(de('list.countFor', { count: 0, query: 'x' })).toBe('0 Konversationen für „x“');
    expect(de('list.showingOf', { shown: 30, total: 1234, query: 'x' })).toBe(
      '30 von 1.234 Konversationen für „x“',
    );
  });

  test('falls back to English for a key a language lacks, as the browser does', () => {
    const english = i18nFor('en');
    expect(i18nFor('it').t('popup.search')).toBe(english.t('popup.search'));
  });
});
