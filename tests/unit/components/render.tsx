import type { ComponentChild } from 'preact';
import { render as renderPreact, type RenderResult } from '@testing-library/preact';
import { I18nProvider } from '@/components/i18n';
import type { I18n } from '@/lib/i18n/translate';
import { english } from '../i18n/locales';

export * from '@testing-library/preact';

/** Testing Library's render inside the app's language (English unless a test names another). */
export function render(ui: ComponentChild, i18n: I18n = english): RenderResult {
  const result = renderPreact(<I18nProvider i18n={i18n}>{ui}</I18nProvider>);
  const rerender = result.rerender;
  result.rerender = (next) => rerender(<I18nProvider i18n={i18n}>{next}</I18nProvider>);
  return result;
}
