import { CONTENT_KEYS, type ContentMessages } from './content-text';

/** The browser's `i18n`, as the background has it. */
interface MessageCatalogue {
  getMessage(name: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

/** For the background: each content message, with `$1`, `$2`, `$3` given back as themselves. */
export function contentMessages(i18n: MessageCatalogue): ContentMessages {
  const placeholders = ['$1', '$2', '$3'];
  return {
    messages: Object.fromEntries(
      CONTENT_KEYS.map((key) => [key, i18n.getMessage(key.replace('.', '_'), placeholders)]),
    ),
    language: i18n.getUILanguage(),
  };
}
