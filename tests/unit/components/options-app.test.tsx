import { describe, expect, test } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from './render';
import { OptionsApp } from '@/components/options-app';
import type { SettingsSummary } from '@/lib/settings/schema';
import {
  brand,
  fail,
  fakeSend,
  ok,
  pageReplies,
  sent,
  services,
  settings,
  type FakeReplies,
} from './options-fakes';
import { afterFrames, clickOutsideAct } from './outside-act';

const TWO_BRANDS = settings({
  brands: [brand('northwind'), brand('southwind')],
  defaultBrand: 'northwind',
});

/** The page, once its settings have loaded. */
async function renderOptions(current: SettingsSummary, replies: FakeReplies = {}) {
  const send = fakeSend(pageReplies(current, replies));
  render(<OptionsApp services={services(send)} />);
  await screen.findByRole('region', { name: 'Brands' });
  return send;
}

const region = (name: string) => screen.getByRole('region', { name });
const brandsRegion = () => within(region('Brands'));

/** The message a field's aria-describedby points to as its error. */
function errorOf(field: HTMLElement): string | null {
  expect(field.getAttribute('aria-invalid')).toBe('true');
  const ids = field.getAttribute('aria-describedby')!.split(' ');
  return document.getElementById(ids.find((id) => id.endsWith('-error'))!)!.textContent;
}

function fillBrand(values: { brand?: string; email?: string; token?: string }) {
  const form = brandsRegion();
  if (values.brand !== undefined)
    fireEvent.input(form.getByLabelText('Brand'), { target: { value: values.brand } });
  if (values.email !== undefined)
    fireEvent.input(form.getByLabelText('Login email'), { target: { value: values.email } });
  if (values.token !== undefined)
    fireEvent.input(form.getByLabelText('API token'), { target: { value: values.token } });
}

describe('OptionsApp', () => {
  test('has a landmark per section, each linked from the nav', async () => {
    await renderOptions(settings());
    await screen.findByRole('region', { name: 'Brands' });
    const names = [
      'Brands',
      'Stores and brands',
      'Marketplace channels',
      'Custom-data keys',
      'Detection rules',
      'Enabled sites',
      'Sidebar',
      'Import and export',
    ];
    const nav = within(screen.getByRole('navigation', { name: 'Options sections' }));
    for (const name of names) {
      const section = region(name);
      expect(nav.getByRole('link', { name }).getAttribute('href')).toBe(`#${section.id}`);
    }
  });

  test('a background that cannot load the settings is an alert, and the rest of the page still works', async () => {
    const send = fakeSend(
      pageReplies(settings(), {
        getSettings: () => fail('internal', 'The extension’s background did not answer.'),
      }),
    );
    render(<OptionsApp services={services(send)} />);
    expect((await screen.findByRole('alert')).textContent).toContain('did not answer');
    expect(region('Detection rules')).toBeTruthy();
  });
});

describe('Brands', () => {
  test('with no brand yet, the add form waits open with a welcome', async () => {
    await renderOptions(settings({ brands: [], defaultBrand: null }));
    expect((await screen.findByText(/Welcome!/)).closest('section')!.id).toBe('brands');
    const token = brandsRegion().getByLabelText('API token') as HTMLInputElement;
    expect(token.type).toBe('password');
    expect(brandsRegion().getByRole('button', { name: 'Save brand' })).toBeTruthy();
    expect(brandsRegion().queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  test('Save brand tests and saves, then says who is connected and lists the brand', async () => {
    const saved = settings({ brands: [brand('northwind', { email: 'dana@northwind.example' })] });
    const send = await renderOptions(settings({ brands: [], defaultBrand: null }), {
      saveBrand: () => ok({ settings: saved, staffName: 'Dana Whitfield' }),
    });
    await screen.findByText(/Welcome!/);
    fillBrand({
      brand: 'https://northwind.reamaze.com/admin',
      email: 'dana@northwind.example',
      token: 'nw-token',
    });
    fireEvent.click(brandsRegion().getByRole('button', { name: 'Save brand' }));

    await waitFor(() =>
      expect(brandsRegion().getByRole('status').textContent).toBe(
        'Connected to northwind as Dana Whitfield. Saved.',
      ),
    );
    expect(sent(send, 'saveBrand')).toEqual([
      {
        brand: 'https://northwind.reamaze.com/admin',
        email: 'dana@northwind.example',
        token: 'nw-token',
      },
    ]);
    const item = brandsRegion().getByRole('listitem');
    expect(item.textContent).toContain('dana@northwind.example');
    expect(item.textContent).toContain('API token saved');
    expect(brandsRegion().queryByLabelText('API token')).toBeNull();
  });

  test('a refused connection is an alert, each field error sits next to its field, and nothing is listed', async () => {
    await renderOptions(settings({ brands: [], defaultBrand: null }), {
      saveBrand: () =>
        fail('unauthorized', 'Re:amaze rejected the login email or API token for "northwind".', {
          token: ['Re:amaze rejected this API token.'],
          email: ['Is this the email you sign in with?'],
        }),
    });
    await screen.findByText(/Welcome!/);
    fillBrand({ brand: 'northwind', email: 'dana@northwind.example', token: 'wrong' });
    fireEvent.click(brandsRegion().getByRole('button', { name: 'Save brand' }));

    expect((await brandsRegion().findByRole('alert')).textContent).toContain(
      'rejected the login email or API token',
    );
    expect(errorOf(brandsRegion().getByLabelText('API token'))).toBe(
      'Re:amaze rejected this API token.',
    );
    expect(errorOf(brandsRegion().getByLabelText('Login email'))).toBe(
      'Is this the email you sign in with?',
    );
    expect(brandsRegion().getByLabelText('Brand').getAttribute('aria-invalid')).toBeNull();
    expect(brandsRegion().queryByRole('status')).toBeNull();
    expect(brandsRegion().queryByRole('list')).toBeNull();
    expect((brandsRegion().getByLabelText('Brand') as HTMLInputElement).value).toBe('northwind');
  });

  test('a login Re:amaze rejects (no field named) puts the API’s message beside the API token field', async () => {
    const message = 'Re:amaze rejected the login email or API token for "northwind".';
    await renderOptions(settings({ brands: [], defaultBrand: null }), {
      saveBrand: () => fail('unauthorized', message),
    });
    await screen.findByText(/Welcome!/);
    fillBrand({ brand: 'northwind', email: 'dana@northwind.example', token: 'wrong' });
    fireEvent.click(brandsRegion().getByRole('button', { name: 'Save brand' }));
    expect((await brandsRegion().findByRole('alert')).textContent).toBe(message);
    expect(errorOf(brandsRegion().getByLabelText('API token'))).toBe(message);
    expect(brandsRegion().getByLabelText('Login email').getAttribute('aria-invalid')).toBeNull();
  });

  test('Test connection names the staff user without saving', async () => {
    const send = await renderOptions(settings({ brands: [], defaultBrand: null }), {
      testConnection: ({ brand }) => ok({ brand, staffName: 'Dana Whitfield' }),
    });
    await screen.findByText(/Welcome!/);
    fillBrand({ brand: 'northwind', email: 'dana@northwind.example', token: 'nw-token' });
    fireEvent.click(brandsRegion().getByRole('button', { name: 'Test connection' }));
    await waitFor(() =>
      expect(brandsRegion().getByRole('status').textContent).toBe(
        'Connected to northwind as Dana Whitfield.',
      ),
    );
    expect(sent(send, 'saveBrand')).toEqual([]);
  });

  test('lists each brand with its email, token state and the default marker', async () => {
    await renderOptions(
      settings({
        brands: [
          brand('northwind'),
          brand('southwind', { email: 'sol@southwind.example', hasToken: false }),
        ],
        defaultBrand: 'southwind',
      }),
    );
    const [northwind, southwind] = await brandsRegion().findAllByRole('listitem');
    expect(northwind!.textContent).toContain('API token saved');
    expect(northwind!.textContent).not.toContain('Default');
    expect(southwind!.textContent).toContain('sol@southwind.example');
    expect(southwind!.textContent).toContain('needs an API token');
    expect(southwind!.textContent).toContain('Default');
    expect(
      within(northwind!).getByRole('button', { name: 'Make default: northwind' }),
    ).toBeTruthy();
    expect(within(southwind!).queryByRole('button', { name: /Make default/ })).toBeNull();
  });

  test('Make default sends the brand and moves the marker', async () => {
    const send = await renderOptions(TWO_BRANDS, {
      setDefaultBrand: ({ brand }) => ok({ ...TWO_BRANDS, defaultBrand: brand }),
    });
    fireEvent.click(await brandsRegion().findByRole('button', { name: 'Make default: southwind' }));
    await waitFor(() =>
      expect(brandsRegion().getByRole('status').textContent).toBe(
        'southwind is now the default brand.',
      ),
    );
    expect(sent(send, 'setDefaultBrand')).toEqual([{ brand: 'southwind' }]);
    const southwind = brandsRegion().getAllByRole('listitem')[1]!;
    expect(southwind.textContent).toContain('Default');
    expect(brandsRegion().getByRole('button', { name: 'Make default: northwind' })).toBeTruthy();
  });

  test('Edit fills the form, keeps a blank token, and sends the old name as replaces', async () => {
    const send = await renderOptions(TWO_BRANDS, {
      saveBrand: () => ok({ settings: TWO_BRANDS, staffName: 'Sol Reyes' }),
    });
    fireEvent.click(await brandsRegion().findByRole('button', { name: 'Edit southwind' }));
    const form = within(brandsRegion().getByRole('form', { name: 'Edit southwind' }));
    expect((form.getByLabelText('Brand') as HTMLInputElement).value).toBe('southwind');
    await waitFor(() => expect(document.activeElement).toBe(form.getByLabelText('Brand')));
    expect((form.getByLabelText('API token') as HTMLInputElement).value).toBe('');
    expect(form.getByText(/A token is saved. Leave this blank to keep it/)).toBeTruthy();
    expect(form.getByText(/A new brand name needs its own token/)).toBeTruthy();

    fillBrand({ brand: 'southwind-outdoor', email: 'sol@southwind.example' });
    fireEvent.click(form.getByRole('button', { name: 'Save brand' }));
    await brandsRegion().findByText('Connected to southwind-outdoor as Sol Reyes. Saved.');
    expect(sent(send, 'saveBrand')).toEqual([
      {
        brand: 'southwind-outdoor',
        email: 'sol@southwind.example',
        token: '',
        replaces: 'southwind',
      },
    ]);
  });

  test('Edit moves the focus to Brand as the form appears: a field focused at once keeps it', async () => {
    await renderOptions(TWO_BRANDS);
    await clickOutsideAct(await brandsRegion().findByRole('button', { name: 'Edit southwind' }));
    const form = within(brandsRegion().getByRole('form', { name: 'Edit southwind' }));
    expect(document.activeElement).toBe(form.getByLabelText('Brand'));
    // What the agent (or a password manager) does next is not undone a frame later.
    const token = form.getByLabelText('API token');
    token.focus();
    await afterFrames();
    expect(document.activeElement).toBe(token);
  });

  test('Remove asks first, then removes', async () => {
    const send = await renderOptions(TWO_BRANDS, {
      removeBrand: () => ok(settings({ brands: [brand('northwind')] })),
    });
    fireEvent.click(await brandsRegion().findByRole('button', { name: 'Remove southwind' }));
    expect(sent(send, 'removeBrand')).toEqual([]);
    fireEvent.click(brandsRegion().getByRole('button', { name: 'Yes, remove southwind' }));
    await brandsRegion().findByText('Removed southwind, its API token and its store mappings.');
    expect(sent(send, 'removeBrand')).toEqual([{ brand: 'southwind' }]);
    expect(brandsRegion().getAllByRole('listitem')).toHaveLength(1);
  });
});

describe('Stores and brands', () => {
  const stores = () => within(region('Stores and brands'));

  test('with one brand it explains that every store uses it, and offers no mapping', async () => {
    await renderOptions(settings());
    expect(await stores().findByText(/With one brand every store uses it/)).toBeTruthy();
    expect(stores().queryByLabelText('Store address')).toBeNull();
    expect(stores().getByText(/admin.shopify.com\/store\/acme/)).toBeTruthy();
  });

  test('maps a store to a brand; a bad address is marked on its own row', async () => {
    const mapped = {
      ...TWO_BRANDS,
      storeBrands: [{ store: 'admin.shopify.com/store/acme', brand: 'southwind' }],
    };
    let attempt = 0;
    const send = await renderOptions(mapped, {
      saveStoreBrands: (rows) =>
        ++attempt === 1
          ? fail('invalidInput', 'Some store mappings need fixing.', {
              '1.store': ['That is not a store address.'],
            })
          : ok({
              ...mapped,
              storeBrands: rows.map((row) => ({
                ...row,
                store: row.store.replace(/^https:\/\//, ''),
              })),
            }),
    });
    expect(((await stores().findByLabelText('Store address')) as HTMLInputElement).value).toBe(
      'admin.shopify.com/store/acme',
    );
    expect((stores().getByLabelText('Brand for this store') as HTMLSelectElement).value).toBe(
      'southwind',
    );

    await clickOutsideAct(stores().getByRole('button', { name: 'Add store' }));
    const [first, second] = stores().getAllByLabelText('Store address');
    expect(document.activeElement).toBe(second);
    fireEvent.input(second!, { target: { value: 'not a store' } });
    fireEvent.click(stores().getByRole('button', { name: 'Save stores' }));

    expect((await stores().findByRole('alert')).textContent).toContain('need fixing');
    expect(errorOf(second!)).toBe('That is not a store address.');
    expect(first!.getAttribute('aria-invalid')).toBeNull();

    fireEvent.input(second!, { target: { value: 'https://shop.example.com' } });
    fireEvent.change(stores().getAllByLabelText('Brand for this store')[1]!, {
      target: { value: 'southwind' },
    });
    fireEvent.click(stores().getByRole('button', { name: 'Save stores' }));
    await stores().findByText('Stores saved.');
    expect(sent(send, 'saveStoreBrands')[1]).toEqual([
      { store: 'admin.shopify.com/store/acme', brand: 'southwind' },
      { store: 'https://shop.example.com', brand: 'southwind' },
    ]);
    expect((stores().getAllByLabelText('Store address')[1] as HTMLInputElement).value).toBe(
      'shop.example.com',
    );
  });

  test('a new row starts on the default brand, and Remove drops a row', async () => {
    const send = await renderOptions(
      { ...TWO_BRANDS, defaultBrand: 'southwind' },
      {
        saveStoreBrands: (rows) => ok({ ...TWO_BRANDS, storeBrands: rows }),
      },
    );
    fireEvent.click(await stores().findByRole('button', { name: 'Add store' }));
    expect((stores().getByLabelText('Brand for this store') as HTMLSelectElement).value).toBe(
      'southwind',
    );
    fireEvent.click(stores().getByRole('button', { name: 'Remove store 1' }));
    fireEvent.click(stores().getByRole('button', { name: 'Save stores' }));
    await stores().findByText('Stores saved.');
    expect(sent(send, 'saveStoreBrands')).toEqual([[]]);
  });
});
