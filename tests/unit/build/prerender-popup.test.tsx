import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { popupShell, prerenderPopup } from '../../../scripts/build/prerender-popup';
import { chromeMessages, english, i18nFor, LANGUAGES } from '../i18n/locales';

/** popup.html as WXT builds it: the module, its preloads and the stylesheet in the head. */
const BUILT = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <title>Re:amaze Inline</title>
    <script type="module" crossorigin src="/chunks/popup-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/chunks/styles-abc.js">
    <link rel="stylesheet" crossorigin href="/assets/styles-abc.css">
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>`;
const CSS = 'button:disabled{opacity:.6}';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('popupShell', () => {
  test('the search field, in the language, is in the page before any script runs', () => {
    const french = i18nFor('fr');
    const page = parse(popupShell(BUILT, CSS, french));
    expect(page.documentElement.lang).toBe('fr');
    expect(page.title).toBe(french.t('pages.popup'));
    const field = page.querySelector<HTMLInputElement>('#app input[type="search"]')!;
    expect(field.getAttribute('aria-label')).toBe(french.t('popup.searchLabel'));
    expect(field.getAttribute('aria-label')).not.toBe(english.t('popup.searchLabel'));
    expect(field.hasAttribute('autofocus')).toBe(true);
    // Enter before the script has taken the page over runs no search that nothing would run.
    expect(page.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(true);
  });

  test('the stylesheet is inlined, the scripts stay', () => {
    const page = parse(popupShell(BUILT, CSS, english));
    expect(page.querySelector('link[rel="stylesheet"]')).toBeNull();
    expect(page.querySelector('style')!.textContent).toBe(CSS);
    expect(page.querySelector('script[type="module"]')!.getAttribute('src')).toBe(
      '/chunks/popup-abc.js',
    );
    expect(page.querySelector('link[rel="modulepreload"]')).not.toBeNull();
  });

  test('a page it does not recognise fails the build instead of shipping half a popup', () => {
    expect(() => popupShell(BUILT.replace('<div id="app"></div>', ''), CSS, english)).toThrow(
      /id="app"/,
    );
    expect(() => popupShell(BUILT, 'a{}</style><script>', english)).toThrow(/inlined/);
  });
});

describe('prerenderPopup', () => {
  let outDir = '';
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  test('writes one popup per language the build ships', () => {
    outDir = mkdtempSync(join(tmpdir(), 'prerender-'));
    writeFileSync(join(outDir, 'popup.html'), BUILT);
    mkdirSync(join(outDir, 'assets'));
    writeFileSync(join(outDir, 'assets/styles-abc.css'), CSS);
    for (const lang of LANGUAGES) {
      mkdirSync(join(outDir, '_locales', lang), { recursive: true });
      writeFileSync(
        join(outDir, '_locales', lang, 'messages.json'),
        JSON.stringify(chromeMessages(lang)),
      );
    }
    const written = prerenderPopup(outDir).sort();
    expect(written).toEqual(['popup-de.html', 'popup-es.html', 'popup-fr.html', 'popup.html']);
    for (const lang of LANGUAGES) {
      const file = lang === 'en' ? 'popup.html' : `popup-${lang}.html`;
      const page = parse(readFileSync(join(outDir, file), 'utf8'));
      expect(page.documentElement.lang).toBe(lang);
      expect(page.querySelector('input[type="search"]')!.getAttribute('aria-label')).toBe(
        i18nFor(lang).t('popup.searchLabel'),
      );
    }
  });
});
