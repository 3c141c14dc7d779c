/**
 * The toolbar popup is rendered at build time in every language the extension ships
 * (scripts/build/prerender-popup.tsx), so its search field is painted before any script has loaded.
 * The background points the toolbar button at the page in the agent's language, chosen the way the
 * browser chooses its messages: the UI language's own, else English (the manifest's
 * `default_popup`).
 */
export const SHIPPED_LANGUAGES: readonly string[] = ['de', 'en', 'es', 'fr'];

export const DEFAULT_POPUP = 'popup.html';

/** `fr-CA` → `popup-fr.html`; English and the languages not shipped → `popup.html`. */
export function popupPage(uiLanguage: string): string {
  const language = uiLanguage.split(/[-_]/)[0]!.toLowerCase();
  return language !== 'en' && SHIPPED_LANGUAGES.includes(language)
    ? `popup-${language}.html`
    : DEFAULT_POPUP;
}
