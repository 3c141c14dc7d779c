import type { GeneratedI18nStructure } from '#i18n';
import { nativeApi } from '../messaging/native';
import { formatNumber, pluralRules } from './formats';

/*
 * The content scripts' words in the agent's language, through the browser's own `i18n` (no
 * polyfill, no translate.ts): the `content.*` messages of `locales/<lang>.yml`, with positional
 * substitutions ($1, $2…).
 */

type ContentKey = Extract<keyof GeneratedI18nStructure, `content.${string}`>;

/** One message; its name (`content_panel`) stands in if a build somehow lacks it. */
export function contentText(key: ContentKey, ...substitutions: string[]): string {
  const name = key.replace('.', '_');
  return nativeApi().i18n?.getMessage(name, substitutions) || name;
}

/**
 * The `one` or `other` form for `count` by the language's plural rules; $1 is the count, written
 * the language's way.
 */
export function contentCount(
  one: ContentKey,
  other: ContentKey,
  count: number,
  ...substitutions: string[]
): string {
  const language = nativeApi().i18n?.getUILanguage() || 'en';
  const form = pluralRules(language).select(count) === 'one' ? one : other;
  return contentText(form, formatNumber(language, count), ...substitutions);
}

/**
 * Reads a message and the plural rules once ahead of need: the first message is slow, the browser
 * handing its catalogue over. The launcher calls it while its first answer is on the way.
 */
export function prepareContentText(): void {
  contentCount('content.countOne', 'content.countOther', 0);
}
