import { contentMessages } from '@/lib/i18n/content-messages';
import { createContentText, type ContentText } from '@/lib/i18n/content-text';
import { chromeMessages } from '../i18n/locales';

/** The browser's `i18n` for a UI language, with Chrome's positional substitutions ($1, $2…). */
export function chromeCatalogue(lang: string) {
  const messages = chromeMessages(lang);
  return {
    getMessage: (name: string, substitutions: string[] = []) =>
      (messages[name]?.message ?? '').replace(
        /\$(\d)/g,
        (_, n: string) => substitutions[Number(n) - 1] ?? '',
      ),
    getUILanguage: () => lang,
  };
}

/** The content scripts' words as the background sends them for a UI language. */
export function contentTextIn(lang: string): ContentText {
  return createContentText(contentMessages(chromeCatalogue(lang)));
}
