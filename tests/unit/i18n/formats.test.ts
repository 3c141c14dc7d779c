import { expect, test } from 'vitest';
import { dateTimeFormat, formatNumber, pluralRules, relativeTimeFormat } from '@/lib/i18n/formats';

test('each formatter is built once per language, and per language', () => {
  expect(pluralRules('fr')).toBe(pluralRules('fr'));
  expect(relativeTimeFormat('de')).toBe(relativeTimeFormat('de'));
  expect(dateTimeFormat('es')).toBe(dateTimeFormat('es'));
  expect(pluralRules('fr')).not.toBe(pluralRules('en'));
  expect(pluralRules('fr').select(0)).toBe('one');
  expect(pluralRules('en').select(0)).toBe('other');
});

test('numbers are written the language’s way, small counts included', () => {
  expect(formatNumber('en-US', 3)).toBe('3');
  expect(formatNumber('de', 1234)).toBe('1.234');
  expect(formatNumber('en', 1234)).toBe('1,234');
  expect(formatNumber('fr', 2.5)).toBe('2,5');
  // A language that writes digits of its own gets them however small the number.
  expect(formatNumber('ar-EG', 5)).toBe(new Intl.NumberFormat('ar-EG').format(5));
  expect(formatNumber('ar-EG', 5)).not.toBe('5');
});
