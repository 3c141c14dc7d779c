/*
 * Intl formatters, each built once per language: building one costs milliseconds (tens, the first
 * time a page or content script does it), using one costs microseconds. Zod-free and tiny, so the
 * content scripts use it too.
 */

const built = new Map<string, unknown>();

function once<T>(key: string, build: () => T): T {
  let value = built.get(key) as T | undefined;
  if (value === undefined) built.set(key, (value = build()));
  return value;
}

export const pluralRules = (locale: string): Intl.PluralRules =>
  once(`plural|${locale}`, () => new Intl.PluralRules(locale));

export const relativeTimeFormat = (locale: string): Intl.RelativeTimeFormat =>
  once(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

export const dateTimeFormat = (locale: string): Intl.DateTimeFormat =>
  once(
    `datetime|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  );

/** Languages that write a whole number below 1,000 as its digits alone. */
const PLAIN_DIGITS = /^(en|fr|de|es)\b/i;

/**
 * A number written the language's way. The counts people see are nearly always small whole
 * numbers, written the same in every language we speak, so they skip building a NumberFormat.
 */
export function formatNumber(locale: string, value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1000 && PLAIN_DIGITS.test(locale)) {
    return String(value);
  }
  return once(`number|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}
