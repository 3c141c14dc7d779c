import { render as renderPreact } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from './render';
import { I18nProvider, renderPage } from '@/components/i18n';
import { PopupApp, type PopupServices } from '@/components/popup-app';
import { rememberLookup, type RecentLookup } from '@/lib/lookup/recent';
import type { LookupResult } from '@/lib/lookup/schemas';
import type { Result } from '@/lib/messaging/protocol';
import type { SettingsSummary } from '@/lib/settings/schema';
import { chromeMessages, english } from '../i18n/locales';
import { lookupResult, summary } from './summaries';

const brand = (name: string, hasToken = true) => ({
  brand: name,
  email: `dana@${name}.example`,
  hasToken,
  marketplaceChannels: {},
});
const settings = (overrides: Partial<SettingsSummary> = {}): Result<SettingsSummary> => ({
  ok: true,
  data: {
    brands: [brand('northwind')],
    defaultBrand: 'northwind',
    storeBrands: [],
    dataKeys: [],
    undoSeconds: 5,
    ...overrides,
  },
});
const configured = settings();

function services(overrides: Partial<PopupServices> = {}): PopupServices {
  let recent: RecentLookup[] = [];
  return {
    getSettings: vi.fn(async () => configured),
    lookup: vi.fn(async (): Promise<Result<LookupResult>> => ({ ok: true, data: lookupResult() })),
    loadRecent: vi.fn(async () => recent),
    remember: vi.fn(async (query: string) => (recent = rememberLookup(recent, query, Date.now()))),
    openOptions: vi.fn(),
    openConversation: vi.fn(),
    copy: vi.fn(async () => undefined),
    ...overrides,
  };
}

async function search(text: string) {
  const box = await screen.findByRole('searchbox', { name: 'Search Re:amaze' });
  fireEvent.input(box, { target: { value: text } });
  fireEvent.submit(box.closest('form')!);
}

describe('PopupApp', () => {
  test('the search field is there at once, before the settings answer', async () => {
    let answer: (settings: Result<SettingsSummary>) => void = () => undefined;
    const s = services({ getSettings: () => new Promise((resolve) => (answer = resolve)) });
    render(<PopupApp services={s} />);
    const box = screen.getByRole('searchbox', { name: 'Search Re:amaze' });
    fireEvent.input(box, { target: { value: '#1042' } });
    fireEvent.submit(box.closest('form')!);
    await waitFor(() => expect(s.lookup).toHaveBeenCalledWith('#1042', undefined, undefined));
    // No brand connected after all: the field goes, the way to the options comes.
    answer(settings({ brands: [], defaultBrand: null }));
    expect(await screen.findByText(/Connect your Re:amaze account/)).toBeTruthy();
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  test('without settings it says so and offers the options', async () => {
    const s = services({
      getSettings: async () => settings({ brands: [], defaultBrand: null }),
    });
    render(<PopupApp services={s} />);
    expect(await screen.findByText(/Connect your Re:amaze account/)).toBeTruthy();
    expect(screen.queryByRole('searchbox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open options' }));
    expect(s.openOptions).toHaveBeenCalled();
  });

  test('a lookup shows each conversation with its facts and a link', async () => {
    const s = services();
    render(<PopupApp services={s} />);
    await search('  where-is-order-1042 ');
    const card = await screen.findByRole('article', { name: 'Where is my order #1042?' });
    expect(s.lookup).toHaveBeenCalledWith('where-is-order-1042', undefined, 'northwind');
    for (const text of [
      'Pending',
      'Support',
      'Dana Whitfield <dana.whitfield@example.net>',
      'Sam Ortega',
      'shipping',
      'shopify',
    ]) {
      expect(card.textContent).toContain(text);
    }
    expect(card.textContent).toContain('Customer: Thanks — any update?');
    const link = screen.getByRole('link', { name: 'Open in Re:amaze' });
    expect(link.getAttribute('href')).toBe(
      'https://northwind.reamaze.com/admin/conversations/where-is-order-1042',
    );
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(card.querySelector('time')?.getAttribute('datetime')).toBe(
      '2024-03-04T11:02:07.113-05:00',
    );
  });

  test('hostile subjects and bodies render as text', async () => {
    const hostile = '<img src=x onerror="window.hacked=1">Refund <b>now</b>';
    const s = services({
      lookup: async () => ({
        ok: true,
        data: lookupResult({
          conversations: [
            summary({
              subject: hostile,
              lastMessage: { body: hostile, at: '2024-03-04T10:40:51Z', from: 'staff' },
            }),
          ],
        }),
      }),
    });
    const { container } = render(<PopupApp services={s} />);
    await search('x');
    await screen.findByRole('article', { name: hostile });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByRole('heading', { name: hostile }).textContent).toBe(hostile);
  });

  test('no match names what was searched', async () => {
    const s = services({
      lookup: async () => ({
        ok: true,
        data: lookupResult({ query: 'zzz', conversations: [], totalCount: 0 }),
      }),
    });
    render(<PopupApp services={s} />);
    await search('zzz');
    expect(await screen.findByText(/No conversation found for “zzz”/)).toBeTruthy();
  });

  test('a rejected token is an alert that leads to the options', async () => {
    const s = services({
      lookup: async () => ({
        ok: false,
        error: { kind: 'unauthorized', message: 'Re:amaze rejected the login email or API token.' },
      }),
    });
    render(<PopupApp services={s} />);
    await search('1042');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('API token');
    fireEvent.click(screen.getByRole('button', { name: 'Open options' }));
    expect(s.openOptions).toHaveBeenCalled();
  });

  test('a slow earlier lookup never overwrites a newer one', async () => {
    let releaseFirst!: (value: Result<LookupResult>) => void;
    const lookup = vi
      .fn<PopupServices['lookup']>()
      .mockImplementationOnce(() => new Promise((resolve) => (releaseFirst = resolve)))
      .mockImplementationOnce(async () => ({
        ok: true,
        data: lookupResult({ query: 'second', conversations: [summary({ subject: 'Second' })] }),
      }));
    render(<PopupApp services={services({ lookup })} />);
    await search('first');
    await search('second');
    await screen.findByRole('article', { name: 'Second' });
    releaseFirst({
      ok: true,
      data: lookupResult({ conversations: [summary({ subject: 'First' })] }),
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('article', { name: 'First' })).toBeNull();
  });

  test('recent lookups are listed and run again', async () => {
    const s = services();
    render(<PopupApp services={s} />);
    await search('where-is-order-1042');
    const again = await screen.findByRole('button', {
      name: 'Search again for where-is-order-1042',
    });
    fireEvent.click(again);
    await waitFor(() => expect(s.lookup).toHaveBeenCalledTimes(2));
  });

  test('more pages load on request and append', async () => {
    const lookup = vi.fn<PopupServices['lookup']>(async (_query, page = 1) => ({
      ok: true,
      data: lookupResult({
        query: 'dana@x.example',
        conversations: [summary({ slug: `c${page}`, subject: `Page ${page}` })],
        page,
        pageCount: 2,
        totalCount: 2,
      }),
    }));
    render(<PopupApp services={services({ lookup })} />);
    await search('dana@x.example');
    expect(
      await screen.findByText('Showing 1 of 2 conversations for “dana@x.example”'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more conversations' }));
    await screen.findByRole('article', { name: 'Page 2' });
    expect(screen.getByRole('article', { name: 'Page 1' })).toBeTruthy();
    expect(lookup).toHaveBeenLastCalledWith('dana@x.example', 2, 'northwind');
    expect(screen.queryByRole('button', { name: 'Show more conversations' })).toBeNull();
  });
});

describe('PopupApp site access', () => {
  test('a self-hosted store can be enabled from the popup, and its state is shown', async () => {
    const setEnabled = vi.fn(async (origin: string, enabled: boolean) => ({
      origin,
      state: enabled ? ('enabled' as const) : ('disabled' as const),
    }));
    const s = services({
      currentTab: async () => ({ id: 7, url: 'https://shop.northwind.example/wp-admin/' }),
      site: {
        load: async () => ({ origin: 'https://shop.northwind.example', state: 'disabled' }),
        setEnabled,
      },
    });
    render(<PopupApp services={s} />);
    expect(
      (await screen.findByText(/Not enabled on shop.northwind.example/)).textContent,
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enable on this site' }));
    expect(setEnabled).toHaveBeenCalledWith('https://shop.northwind.example', true);
    expect(await screen.findByRole('button', { name: 'Disable on this site' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Disable on this site' }));
    expect(setEnabled).toHaveBeenLastCalledWith('https://shop.northwind.example', false);
    expect(await screen.findByRole('button', { name: 'Enable on this site' })).toBeTruthy();
  });

  test('hosted admins need no setup, and pages that are no site show nothing', async () => {
    const hosted = services({
      currentTab: async () => ({ id: 7, url: 'https://admin.shopify.com/store/a' }),
      site: {
        load: async () => ({ origin: 'https://admin.shopify.com', state: 'hosted' }),
        setEnabled: vi.fn(),
      },
    });
    const { unmount } = render(<PopupApp services={hosted} />);
    expect(await screen.findByText(/works on admin.shopify.com without setup/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /on this site/ })).toBeNull();
    unmount();
    render(
      <PopupApp services={services({ site: { load: async () => null, setEnabled: vi.fn() } })} />,
    );
    await screen.findByRole('searchbox');
    expect(screen.queryByText(/this site|without setup/)).toBeNull();
  });
});

describe('PopupApp keyboard and context', () => {
  const two = [
    summary({
      slug: 'one',
      subject: 'First',
      url: 'https://northwind.reamaze.com/admin/conversations/one',
    }),
    summary({
      slug: 'two',
      subject: 'Second',
      url: 'https://northwind.reamaze.com/admin/conversations/two',
    }),
  ];

  test('arrow keys move through results, Enter opens one in Re:amaze, C copies its link', async () => {
    const s = services({
      lookup: async () => ({ ok: true, data: lookupResult({ conversations: two, totalCount: 2 }) }),
    });
    render(<PopupApp services={s} />);
    await search('maya@example.net');
    const first = await screen.findByRole('article', { name: 'First' });
    const box = screen.getByRole('searchbox', { name: 'Search Re:amaze' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(first);
    expect(first.getAttribute('aria-describedby')).toBe('result-keys');
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    const second = screen.getByRole('article', { name: 'Second' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second, { key: 'Enter' });
    expect(s.openConversation).toHaveBeenCalledWith(
      'https://northwind.reamaze.com/admin/conversations/two',
    );
    fireEvent.keyDown(second, { key: 'c' });
    await waitFor(() =>
      expect(s.copy).toHaveBeenCalledWith('https://northwind.reamaze.com/admin/conversations/two'),
    );
    expect((await screen.findByText('Link copied.')).getAttribute('role')).toBe('status');
    fireEvent.keyDown(second, { key: 'ArrowUp' });
    fireEvent.keyDown(first, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(box);
  });

  test('while typing, it says what the text will search; a prefix forces the kind', async () => {
    render(<PopupApp services={services()} />);
    const box = await screen.findByRole('searchbox', { name: 'Search Re:amaze' });
    fireEvent.input(box, { target: { value: '113-1234567-1234567' } });
    expect(screen.getByText('Searches Amazon order 113-1234567-1234567.')).toBeTruthy();
    fireEvent.input(box, { target: { value: 'etsy: 3012345678' } });
    expect(screen.getByText('Searches Etsy order 3012345678.')).toBeTruthy();
    expect(box.getAttribute('aria-describedby')).toBe('search-hint');
  });

  test('after a search it says what was searched, in the marketplace’s channel', async () => {
    const s = services({
      lookup: async () => ({
        ok: true,
        data: lookupResult({ searched: 'Amazon order 113-1234567-1234567 in channel amazon-us' }),
      }),
    });
    render(<PopupApp services={s} />);
    await search('113-1234567-1234567');
    expect(
      await screen.findByText('Searched Amazon order 113-1234567-1234567 in channel amazon-us.'),
    ).toBeTruthy();
  });

  test('the brand switcher starts on the brand the current store maps to, and searches use the chosen brand', async () => {
    const s = services({
      getSettings: async () =>
        settings({
          brands: [brand('northwind'), brand('southwind')],
          storeBrands: [{ store: 'admin.shopify.com/store/southwind-goods', brand: 'southwind' }],
        }),
      currentTab: async () => ({
        id: 3,
        url: 'https://admin.shopify.com/store/southwind-goods/orders/1',
      }),
    });
    render(<PopupApp services={s} />);
    const switcher = (await screen.findByRole('combobox', { name: 'Brand' })) as HTMLSelectElement;
    await waitFor(() => expect(switcher.value).toBe('southwind'));
    await search('1042');
    await waitFor(() => expect(s.lookup).toHaveBeenLastCalledWith('1042', undefined, 'southwind'));
    fireEvent.change(switcher, { target: { value: 'northwind' } });
    await search('1043');
    await waitFor(() => expect(s.lookup).toHaveBeenLastCalledWith('1043', undefined, 'northwind'));
  });

  test('on a tab where ids were found, that tab’s conversations come first', async () => {
    const tabConversations = vi.fn(async () => ({
      ok: true as const,
      data: {
        state: 'ready' as const,
        source: 'page' as const,
        query: null,
        hasPage: true,
        brand: 'northwind',
        searched: ['order #1042'],
        matches: [{ ...summary({ subject: 'From the page' }), reasons: [] }],
        warnings: [],
        fetchedAt: 1,
        stale: false,
        autoOpen: false,
        ids: null,
      },
    }));
    render(
      <PopupApp
        services={services({
          currentTab: async () => ({ id: 9, url: 'https://admin.shopify.com/store/a/orders/1' }),
          tabConversations,
        })}
      />,
    );
    expect(await screen.findByRole('heading', { name: 'On this page' })).toBeTruthy();
    expect(screen.getByRole('article', { name: 'From the page' })).toBeTruthy();
    expect(tabConversations).toHaveBeenCalledWith(9);
  });

  test('opened in a tab with a query (omnibox, context menu), it runs that search', async () => {
    const s = services({ initialQuery: 'maya@example.net' });
    render(<PopupApp services={s} />);
    await waitFor(() =>
      expect(s.lookup).toHaveBeenCalledWith('maya@example.net', undefined, 'northwind'),
    );
  });
});

describe('the pre-rendered popup', () => {
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
    if (root) renderPreact(null, root);
    root?.remove();
  });

  test('its script takes it over: the same field, with its focus and what the agent typed', async () => {
    const root = prerenderedPage();
    const field = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    field.focus();
    field.value = '#1042';
    const live = services();
    const messages = chromeMessages('en');

    renderPage(<PopupApp services={live} typed={field.value} />, {
      messages: {
        getMessage: (name: string) => messages[name]?.message ?? '',
        getUILanguage: () => 'en-US',
      },
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
