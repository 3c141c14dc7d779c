import type { GeneratedI18nStructure } from '#i18n';
import { nativeApi } from '../messaging/native';

/*
 * The content scripts' words in the agent's language, through the browser's own `i18n` (no
 * polyfill, no translate.ts): the `content.*` messages of `locales/<lang>.yml`, with positional
 * substitutions ($1, $2…).
 */

type ContentKey = Extract<keyof GeneratedI18nStructure, `content.${string}`>;

/** One message; the English key's last part stands in if a build somehow lacks it. */
export function contentText(key: ContentKey, ...substitutions: string[]): string {
  const name = key.replace('.', '_');
  return nativeApi().i18n?.getMessage(name, substitutions) || name;
}

/** The language's plural rules, made once per language. */
let plurals: { language: string; rules: Intl.PluralRules } | null = null;

/**
 * The `one` or `other` form for `count` by the language's plural rules; $1 is the count, written
 * the language's way. Below 1,000 every language here writes it as digits alone, and building an
 * Intl.NumberFormat costs a content script tens of milliseconds on the launcher's first count.
 */
export function contentCount(
  one: ContentKey,
  other: ContentKey,
  count: number,
  ...substitutions: string[]
): string {
  const language = nativeApi().i18n?.getUILanguage() || 'en';
  if (plurals?.language !== language) plurals = { language, rules: new Intl.PluralRules(language) };
  const form = plurals.rules.select(count) === 'one' ? one : other;
  const written =
    Math.abs(count) < 1000 ? String(count) : new Intl.NumberFormat(language).format(count);
  return contentText(form, written, ...substitutions);
}

/**
 * Reads a message and the plural rules once ahead of need: the first message is slow, the browser
 * handing its catalogue over. The launcher calls it while its first answer is on the way.
 */
export function prepareContentText(): void {
  contentCount('content.countOne', 'content.countOther', 0);
}
