import { describe, expect, test } from 'vitest';
import { popupPage, SHIPPED_LANGUAGES } from '@/lib/i18n/popup-page';
import { LANGUAGES } from './locales';

describe('popupPage', () => {
  test('a shipped language has its own pre-rendered popup, whatever the region', () => {
    expect(popupPage('fr')).toBe('popup-fr.html');
    expect(popupPage('fr-CA')).toBe('popup-fr.html');
    expect(popupPage('de_CH')).toBe('popup-de.html');
    expect(popupPage('ES')).toBe('popup-es.html');
  });

  test('English and the languages not shipped get the manifest’s popup, as the browser’s messages do', () => {
    expect(popupPage('en-GB')).toBe('popup.html');
    expect(popupPage('pt-BR')).toBe('popup.html');
    expect(popupPage('')).toBe('popup.html');
  });

  test('the shipped languages are the locale files', () => {
    expect([...SHIPPED_LANGUAGES].sort()).toEqual(LANGUAGES);
  });
});
