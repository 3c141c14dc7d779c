import { describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from './render';
import { OptionsApp } from '@/components/options-app';
import { exportSettings, SettingsFileSchema, type SettingsFile } from '@/lib/settings/export';
import type { Settings } from '@/lib/settings/schema';
import {
  brand,
  fakeSend,
  ok,
  pageReplies,
  sent,
  services,
  settings,
  type FakeReplies,
} from './options-fakes';

/** What the background stores: tokens included. */
const STORED: Settings = {
  brands: [
    {
      brand: 'northwind',
      email: 'dana@northwind.example',
      token: 'nw-secret-token-1',
      marketplaceChannels: { amazon: 'amazon-us' },
    },
    {
      brand: 'southwind',
      email: 'sol@southwind.example',
      token: 'sw-secret-token-2',
      marketplaceChannels: {},
    },
  ],
  defaultBrand: 'southwind',
  storeBrands: [{ store: 'admin.shopify.com/store/acme', brand: 'northwind' }],
  dataKeys: ['order_number'],
  userRules: [],
  undoSeconds: 5,
};

async function renderOptions(replies: FakeReplies = {}) {
  const send = fakeSend(pageReplies(settings(), replies));
  const page = services(send);
  render(<OptionsApp services={page} />);
  await screen.findByRole('region', { name: 'Brands' });
  return { send, download: vi.mocked(page.download) };
}

const transfer = () => within(screen.getByRole('region', { name: 'Import and export' }));

function chooseFile(contents: string, name = 'reamaze-inline-settings.json') {
  const input = transfer().getByLabelText('Import settings') as HTMLInputElement;
  expect(input.type).toBe('file');
  fireEvent.change(input, {
    target: { files: [new File([contents], name, { type: 'application/json' })] },
  });
}

const SHARED_FILE: SettingsFile = {
  ...exportSettings(STORED),
  brands: [
    ...exportSettings(STORED).brands,
    { brand: 'eastwind', email: 'eve@eastwind.example', marketplaceChannels: {} },
  ],
};

describe('Import and export', () => {
  test('Export settings downloads the background’s file, which holds no token', async () => {
    const { download } = await renderOptions({ exportSettings: () => ok(exportSettings(STORED)) });
    expect(transfer().getByText(/API tokens are never included/)).toBeTruthy();
    fireEvent.click(transfer().getByRole('button', { name: 'Export settings' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));

    const [fileName, text] = download.mock.calls[0] as [string, string];
    expect(fileName).toBe('reamaze-inline-settings.json');
    expect(text).not.toContain('nw-secret-token-1');
    expect(text).not.toContain('sw-secret-token-2');
    expect(text).not.toContain('"token"');
    const file = SettingsFileSchema.parse(JSON.parse(text));
    expect(file.brands.map((b) => b.brand)).toEqual(['northwind', 'southwind']);
    expect(file.defaultBrand).toBe('southwind');
    expect(transfer().getByRole('status').textContent).toContain('without API tokens');
  });

  test.each([
    ['a file that is not JSON', '{"format": "reamaze-inline-settings", ', 'it is not even JSON'],
    [
      'another program’s file',
      JSON.stringify({ name: 'my-app', version: '1.0.0' }),
      'This is not a Re:amaze Inline settings file.',
    ],
    [
      'a file from another version',
      JSON.stringify({ ...SHARED_FILE, version: 2 }),
      'from a different version',
    ],
    [
      'a damaged settings file',
      JSON.stringify({ ...SHARED_FILE, brands: 'northwind' }),
      'damaged (at brands)',
    ],
  ])('%s is refused with a clear message and nothing is sent', async (_name, contents, message) => {
    const { send } = await renderOptions({
      importSettings: () => ok({ settings: settings(), needsToken: [] }),
    });
    chooseFile(contents);
    const alert = await transfer().findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toContain('Nothing was changed.');
    expect(sent(send, 'importSettings')).toEqual([]);
  });

  test('an import sends the file, shows the new brands and names those that need a token', async () => {
    const imported = settings({
      brands: [brand('northwind'), brand('southwind'), brand('eastwind', { hasToken: false })],
      defaultBrand: 'southwind',
    });
    const { send } = await renderOptions({
      importSettings: () => ok({ settings: imported, needsToken: ['eastwind'] }),
    });
    chooseFile(JSON.stringify(SHARED_FILE));

    await waitFor(() =>
      expect(transfer().getByRole('status').textContent).toContain(
        'Settings imported from reamaze-inline-settings.json.',
      ),
    );
    const needing = within(transfer().getByRole('list', { name: 'Brands that need an API token' }));
    expect(needing.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['eastwind']);
    expect(sent(send, 'importSettings')).toEqual([SHARED_FILE]);

    const brands = within(screen.getByRole('region', { name: 'Brands' }));
    const eastwind = brands
      .getAllByRole('listitem')
      .find((item) => item.textContent!.includes('eastwind'))!;
    expect(eastwind.textContent).toContain('needs an API token');
  });
});
