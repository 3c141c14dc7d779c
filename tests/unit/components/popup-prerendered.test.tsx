import { render } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fireEvent, screen, waitFor } from './render';
import { I18nProvider, renderPage } from '@/components/i18n';
import { PopupApp, type PopupServices } from '@/components/popup-app';
import type { Result } from '@/lib/messaging/protocol';
import type { SettingsSummary } from '@/lib/settings/schema';
import { chromeMessages, english } from '../i18n/locales';
import { lookupResult } from './summaries';

const messages = chromeMessages('en');
const browserI18n = {
  getMessage: (name: string) => messages[name]?.message ?? '',
  getUILanguage: () => 'en-US',
};

function services(): PopupServices {
  const settings: Result<SettingsSummary> = {
    ok: true,
    data: {
      brands: [
        {
          brand: 'northwind',
          email: 'dana@northwind.example',
          hasToken: true,
          marketplaceChannels: {},
        },
      ],
      defaultBrand: 'northwind',
      storeBrands: [],
      dataKeys: [],
      undoSeconds: 5,
    },
  };
  return {
    getSettings: vi.fn(async () => settings),
    lookup: vi.fn(async () => ({ ok: true as const, data: lookupResult() })),
    loadRecent: vi.fn(async () => []),
    remember: vi.fn(async () => []),
    openOptions: vi.fn(),
    openConversation: vi.fn(),
    copy: vi.fn(async () => undefined),
  };
}

/** The popup page as the build renders it (scripts/build/prerender-popup.tsx). */
function prerenderedPage(): HTMLElement {
  const root = document.createElement('div');
  root.id = 'app';
  // Our own render of the first state, as the built page carries it.
  root.innerHTML = renderToString(
    <I18nProvider i18n={english}>
      <PopupApp services={services()} prerendered />
    </I18nProvider>,
  );
  document.body.append(root);
  return root;
}

afterEach(() => {
  const root = document.getElementById('app');
  if (root) render(null, root);
  root?.remove();
});

describe('the pre-rendered popup', () => {
  test('its script takes it over: the same field, with its focus and what the agent typed', async () => {
    const root = prerenderedPage();
    const field = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    field.focus();
    field.value = '#1042';
    const live = services();

    renderPage(<PopupApp services={live} typed={field.value} />, {
      messages: browserI18n,
      title: 'pages.popup',
    });

    expect(screen.getByRole('searchbox', { name: 'Search Re:amaze' })).toBe(field);
    expect(field.value).toBe('#1042');
    expect(document.activeElement).toBe(field);
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Search' });
    expect(button.disabled).toBe(false);
    fireEvent.submit(field.closest('form')!);
    await waitFor(() => expect(live.lookup).toHaveBeenCalledWith('#1042', undefined, undefined));
    // One popup, not the pre-rendered one beside the live one.
    expect(root.querySelectorAll('main')).toHaveLength(1);
  });

  test('before that, its Search button is disabled, so an early Enter is not taken for a search', () => {
    const root = prerenderedPage();
    const button = root.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(button.disabled).toBe(true);
  });
});
