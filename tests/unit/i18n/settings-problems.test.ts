import { expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ReamazeClient } from '@/lib/api/client';
import { createSettingsService } from '@/lib/settings/service';
import { SETTINGS_VERSION } from '@/lib/settings/schema';
import { i18nFor } from './locales';

/** Stored settings with two sections that no longer parse: they are set aside, and named. */
const DAMAGED = {
  brands: [{ brand: 'north wind', email: 'nope', token: '' }],
  defaultBrand: null,
  storeBrands: [],
  dataKeys: [],
  userRules: [{ nonsense: true }],
};

function serviceIn(lang: string) {
  return createSettingsService({
    t: i18nFor(lang).t,
    createClient: () => ({}) as ReamazeClient,
    onChange: () => undefined,
  });
}

test('settings set aside are named in the agent’s language', async () => {
  await fakeBrowser.storage.local.set({ settings: DAMAGED, settings$: { v: SETTINGS_VERSION } });
  expect((await serviceIn('en').summary()).problem).toBe(
    'Your saved Re:amaze brands could not be read. Add them again in the options. ' +
      'Your saved detection rules could not be read; add them again.',
  );
  expect((await serviceIn('fr').summary()).problem).toBe(
    'Vos marques Re:amaze enregistrées n’ont pas pu être lues. Ajoutez-les à nouveau dans les ' +
      'options. Vos règles de détection n’ont pas pu être lues ; ajoutez-les à nouveau.',
  );
  expect((await serviceIn('de').summary()).problem).toMatch(/^Ihre gespeicherten Re:amaze-Marken/);
  expect((await serviceIn('es').summary()).problem).toMatch(/^No se pudieron leer sus marcas/);
});
