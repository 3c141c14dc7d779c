import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { I18nProvider } from '@/components/i18n';
import { PopupApp, type PopupServices } from '@/components/popup-app';
import { DEFAULT_POPUP, popupPage } from '@/lib/i18n/popup-page';
import { createI18n, type I18n } from '@/lib/i18n/translate';

/**
 * The toolbar popup, rendered at build time in each shipped language (`popup.html` in English,
 * `popup-<lang>.html` for the others, lib/i18n/popup-page.ts), with its stylesheet inlined: the
 * browser paints its search field as soon as it has read the page, instead of after a stylesheet
 * and four scripts came from the extension's files (each a round trip through the browser's busy
 * main thread). The page's own script then takes the render over (components/i18n.tsx).
 */

/** The first render calls no service: they are all called from effects, which run in a browser. */
function notCalled(): never {
  throw new Error('The pre-rendered popup calls no service');
}

const FIRST_RENDER: PopupServices = {
  getSettings: notCalled,
  lookup: notCalled,
  loadRecent: notCalled,
  remember: notCalled,
  openOptions: notCalled,
  openConversation: notCalled,
  copy: notCalled,
};

type ChromeMessages = Record<string, { message: string } | undefined>;

/** `page`, the built popup.html; `stylesheet`, the text of the stylesheet it links. */
export function popupShell(page: string, stylesheet: string, i18n: I18n): string {
  if (/<\/style/i.test(stylesheet)) throw new Error('The popup stylesheet cannot be inlined');
  const app = renderToString(
    <I18nProvider i18n={i18n}>
      <PopupApp services={FIRST_RENDER} prerendered />
    </I18nProvider>,
  );
  const edits: [RegExp, string][] = [
    [/<html lang="[^"]*">/, `<html lang="${languageTag(i18n.locale)}">`],
    [/<title>[^<]*<\/title>/, renderToString(<title>{i18n.t('pages.popup')}</title>)],
    [/<link rel="stylesheet"[^>]*>/, `<style>${stylesheet}</style>`],
    [/<div id="app"><\/div>/, `<div id="app">${app}</div>`],
  ];
  return edits.reduce((html, [pattern, replacement]) => {
    if (!pattern.test(html)) throw new Error(`popup.html has no ${String(pattern)}`);
    // A function, so that `$` in the replacement stays text.
    return html.replace(pattern, () => replacement);
  }, page);
}

/** Writes the popup of every language in `outDir/_locales` next to the built popup.html. */
export function prerenderPopup(outDir: string): string[] {
  const page = readFileSync(join(outDir, DEFAULT_POPUP), 'utf8');
  const href = /<link rel="stylesheet"[^>]*href="\/([^"]+)"/.exec(page)?.[1];
  if (!href) throw new Error('popup.html links no stylesheet');
  const stylesheet = readFileSync(join(outDir, href), 'utf8');
  const messagesOf = (lang: string) =>
    JSON.parse(
      readFileSync(join(outDir, '_locales', lang, 'messages.json'), 'utf8'),
    ) as ChromeMessages;
  const english = messagesOf('en');
  return readdirSync(join(outDir, '_locales')).map((lang) => {
    const own = messagesOf(lang);
    // What the browser's `i18n.getMessage` does: the language's message, else the default locale's.
    const i18n = createI18n(
      { getMessage: (name) => (own[name] ?? english[name])?.message ?? '' },
      lang.replace('_', '-'),
    );
    const file = popupPage(lang);
    writeFileSync(join(outDir, file), popupShell(page, stylesheet, i18n));
    return file;
  });
}

/** A locale folder's name as the page's `lang`: a language tag, nothing to escape. */
function languageTag(locale: string): string {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) throw new Error(`Odd locale ${locale}`);
  return locale;
}
