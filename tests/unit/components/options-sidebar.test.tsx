import { describe, expect, test } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from './render';
import { OptionsApp } from '@/components/options-app';
import type { SitePrefs } from '@/lib/settings/site-prefs';
import { fakeSend, ok, pageReplies, sent, services, settings } from './options-fakes';

/** The background's per-site prefs, changed by saveSitePrefs as the real handler does. */
function renderWith(initial: Record<string, SitePrefs>) {
  let prefs = { ...initial };
  const send = fakeSend(
    pageReplies(settings(), {
      getSitePrefs: () => ok(prefs),
      saveSitePrefs: ({ origin, prefs: next }) => {
        const { [origin]: _old, ...others } = prefs;
        prefs = next ? { ...others, [origin]: { autoOpen: false, width: 380, ...next } } : others;
        return ok(prefs);
      },
    }),
  );
  render(<OptionsApp services={services(send)} />);
  return { send, region: within(screen.getByRole('region', { name: 'Sidebar' })) };
}

const SITES = {
  'https://shop.northwind.example': { autoOpen: true, width: 420 },
  'https://admin.shopify.com': { autoOpen: false, width: 380 },
};

describe('Sidebar', () => {
  test('shows each site’s auto-open and width', async () => {
    const { region } = renderWith(SITES);
    const shop = within(await region.findByRole('group', { name: 'shop.northwind.example' }));
    expect((shop.getByLabelText('Open automatically') as HTMLInputElement).checked).toBe(true);
    expect((shop.getByLabelText('Width in pixels') as HTMLInputElement).value).toBe('420');
    const shopify = within(region.getByRole('group', { name: 'admin.shopify.com' }));
    expect((shopify.getByLabelText('Open automatically') as HTMLInputElement).checked).toBe(false);
  });

  test('ticking "Open automatically" saves it for that site', async () => {
    const { send, region } = renderWith(SITES);
    const shopify = within(await region.findByRole('group', { name: 'admin.shopify.com' }));
    fireEvent.click(shopify.getByLabelText('Open automatically'));
    await region.findByText('The sidebar opens by itself on admin.shopify.com.');
    expect(sent(send, 'saveSitePrefs')).toEqual([
      { origin: 'https://admin.shopify.com', prefs: { autoOpen: true, width: 380 } },
    ]);
  });

  test('a width out of range is marked next to the field and not saved', async () => {
    const { send, region } = renderWith(SITES);
    const shop = within(await region.findByRole('group', { name: 'shop.northwind.example' }));
    const width = shop.getByLabelText('Width in pixels');
    fireEvent.input(width, { target: { value: '100' } });
    fireEvent.change(width);
    await waitFor(() => expect(width.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('site-1-width-error')!.textContent).toBe(
      'Enter a width from 280 to 900 pixels.',
    );
    expect(sent(send, 'saveSitePrefs')).toEqual([]);

    fireEvent.input(width, { target: { value: '500' } });
    fireEvent.change(width);
    await region.findByText('Saved for shop.northwind.example.');
    expect(sent(send, 'saveSitePrefs')).toEqual([
      { origin: 'https://shop.northwind.example', prefs: { autoOpen: true, width: 500 } },
    ]);
  });

  test('Forget sends null for the site and removes it', async () => {
    const { send, region } = renderWith(SITES);
    fireEvent.click(await region.findByRole('button', { name: 'Forget shop.northwind.example' }));
    await waitFor(() =>
      expect(region.queryByRole('group', { name: 'shop.northwind.example' })).toBeNull(),
    );
    expect(sent(send, 'saveSitePrefs')).toEqual([
      { origin: 'https://shop.northwind.example', prefs: null },
    ]);
    expect(region.getByRole('group', { name: 'admin.shopify.com' })).toBeTruthy();
  });

  test('with nothing remembered it says so', async () => {
    const { region } = renderWith({});
    expect(await region.findByText(/Nothing remembered yet/)).toBeTruthy();
  });
});
