/**
 * The agent's language, without a browser: a `Translate` is built from any `getMessage` (the
 * browser's `i18n.getMessage` in the extension, the locale files read from disk in tests), so lib/
 * and components/ take one as an argument or from context and never reach `browser.i18n` themselves.
 *
 * Messages live in `locales/<lang>.yml` (`@wxt-dev/i18n`'s format, built into `_locales/`): a nested
 * key `popup.search` is the browser's message `popup_search`; `{name}` is a named parameter; a plural
 * is a map `{ 0?, 1, n }` that the build joins with " | ". Plural forms are chosen with the
 * language's own rules (`Intl.PluralRules`), and `{count}` is the count written the language's way.
 */
import { formatNumber, pluralRules } from './formats';
import type { GeneratedI18nStructure } from '#i18n';

export type MessageKey = keyof GeneratedI18nStructure & string;
export type MessageParams = Readonly<Record<string, string | number>>;

/** One message in the agent's language; `params.count` (a number) picks a plural form. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface I18n {
  t: Translate;
  /** The UI language, a BCP 47 tag (`fr`, `de-CH`): what `Intl` formats dates and numbers in. */
  locale: string;
}

/** The browser's `i18n`: `getMessage` gives the message for a name, or "" when it has none. */
export interface MessageSource {
  getMessage(name: string): string;
}

const NAMED = /\{([A-Za-z0-9_]+)\}/g;

export function createI18n(source: MessageSource, locale: string): I18n {
  const t: Translate = (key, params) => {
    let message = source.getMessage(key.replaceAll('.', '_'));
    if (!message) return key;
    const count = params?.count;
    if (typeof count === 'number') message = pluralForm(message, count, pluralRules(locale));
    if (!params) return message;
    return message.replace(NAMED, (match, name: string) => {
      if (!Object.prototype.hasOwnProperty.call(params, name)) return match;
      const value = params[name]!;
      return typeof value === 'number' ? formatNumber(locale, value) : value;
    });
  };
  return { t, locale };
}

const KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;

/**
 * A validation message in the agent's language. lib/'s zod schemas carry message keys
 * (`'settings.ruleName'`) instead of sentences, so whoever shows an issue turns it into words here;
 * zod's own messages (no key) pass through as they are.
 */
export function issueText(t: Translate, message: string): string {
  return KEY.test(message) ? t(message as MessageKey) : message;
}

/** `one | other`, or `zero | one | other` where 0 has words of its own ("No conversation"). */
function pluralForm(message: string, count: number, rules: Intl.PluralRules): string {
  const forms = message.split(' | ');
  if (forms.length === 3 && count === 0) return forms[0]!;
  const [one, other] = forms.length === 3 ? forms.slice(1) : forms;
  if (other === undefined) return one!;
  return rules.select(count) === 'one' ? one! : other;
}
