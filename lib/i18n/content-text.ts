import type { GeneratedI18nStructure } from '#i18n';
import { formatNumber, pluralRules } from './formats';

/*
 * The content scripts' words in the agent's language: the `content.*` messages of
 * `locales/<lang>.yml`, with positional substitutions ($1, $2…). The background reads them
 * (content-messages.ts) and sends them with the content config, so store pages never call the
 * browser's `i18n`: its first message loads the extension's whole catalogue into the page's
 * process, a cost every page view would pay.
 */

export type ContentKey = Extract<keyof GeneratedI18nStructure, `content.${string}`>;

/** Every content message (tests/unit/i18n/locales.test.ts holds this to the locale files). */
export const CONTENT_KEYS = [
  'content.panel',
  'content.searching',
  'content.searchResults',
  'content.notConnected',
  'content.failed',
  'content.countOne',
  'content.countOther',
  'content.chipOrderOne',
  'content.chipOrderOther',
  'content.chipMarketplaceOne',
  'content.chipMarketplaceOther',
] as const satisfies readonly ContentKey[];

/** The content messages in the agent's language, their `$1`, `$2`… still to fill, and the language. */
export interface ContentMessages {
  messages: Record<string, string>;
  language: string;
}

export interface ContentText {
  /** One message; its key stands in if the config somehow lacks it. */
  text(key: ContentKey, ...substitutions: string[]): string;
  /**
   * The `one` or `other` form for `count` by the language's plural rules; $1 is the count, written
   * the language's way.
   */
  count(one: ContentKey, other: ContentKey, count: number, ...substitutions: string[]): string;
}

export function createContentText({ messages, language }: ContentMessages): ContentText {
  const text = (key: ContentKey, ...substitutions: string[]) =>
    (messages[key] || key).replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return {
    text,
    count: (one, other, count, ...substitutions) =>
      text(
        pluralRules(language).select(count) === 'one' ? one : other,
        formatNumber(language, count),
        ...substitutions,
      ),
  };
}
