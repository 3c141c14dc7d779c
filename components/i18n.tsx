import { createContext, render, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { createI18n, type I18n, type MessageKey, type MessageSource } from '@/lib/i18n/translate';

/**
 * The agent's language for every component. The page entrypoints build it from `browser.i18n`
 * (`createI18n` in lib/i18n/translate.ts) and wrap their app in `I18nProvider`; components read it
 * with `useI18n()` and write no user-facing text of their own (tests/unit/i18n/).
 */
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ i18n, children }: { i18n: I18n; children: ComponentChildren }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

/**
 * Shows an extension page's app in the agent's language: the browser's messages (`browser.i18n`,
 * locales/*.yml, English by default) for the page's `lang`, its title and every component. A page
 * rendered at build time (the popup) is taken over, not replaced: `render` reuses its elements, so
 * the focused field keeps the focus and what was typed in it.
 */
export function renderPage(
  app: ComponentChildren,
  page: { messages: MessageSource & { getUILanguage(): string }; title: MessageKey },
): void {
  const i18n = createI18n(page.messages, page.messages.getUILanguage());
  document.documentElement.lang = i18n.locale;
  document.title = i18n.t(page.title);
  render(<I18nProvider i18n={i18n}>{app}</I18nProvider>, document.getElementById('app')!);
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n: render inside an I18nProvider');
  return i18n;
}

/**
 * A translated sentence with elements in it: `t('card.updated')` is "Updated {time}", and
 * `{ time: <RelativeTime … /> }` puts the element where the language puts the words.
 */
export function fill(
  message: string,
  parts: Record<string, ComponentChildren>,
): ComponentChildren[] {
  return message
    .split(/(\{[A-Za-z0-9_]+\})/)
    .map((piece) => {
      const name = /^\{([A-Za-z0-9_]+)\}$/.exec(piece)?.[1];
      return name !== undefined && name in parts ? parts[name] : piece;
    })
    .filter((piece) => piece !== '');
}
