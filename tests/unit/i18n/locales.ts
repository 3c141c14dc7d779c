import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { createI18n, type I18n } from '@/lib/i18n/translate';

/**
 * The locale files as the browser gets them: each `locales/<lang>.yml` turned into its
 * `_locales/<lang>/messages.json` by @wxt-dev/i18n's own build functions (what `wxt build` does).
 */
const DIR = join(process.cwd(), 'locales');

export const LANGUAGES = readdirSync(DIR)
  .filter((name) => name.endsWith('.yml'))
  .map((name) => name.slice(0, -'.yml'.length))
  .sort();

export function chromeMessages(lang: string): Record<string, { message: string }> {
  const text = readFileSync(join(DIR, `${lang}.yml`), 'utf8');
  return generateChromeMessages(parseMessagesText(text, 'YAML'));
}

/** What `browser.i18n` does for a UI language `lang`: its message, else English's. */
export function i18nFor(locale: string): I18n {
  const lang = locale.split('-')[0]!;
  const own = LANGUAGES.includes(lang) ? chromeMessages(lang) : {};
  const en = chromeMessages('en');
  return createI18n({ getMessage: (name) => (own[name] ?? en[name])?.message ?? '' }, locale);
}

export const english = i18nFor('en');
