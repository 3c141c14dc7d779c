import { describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from './render';
import { OptionsApp } from '@/components/options-app';
import type { SiteAccessServices } from '@/components/options/sites-section';
import { fakeSend, pageReplies, services, settings } from './options-fakes';

/** The browser's granted sites, as permissions.getAll/remove would change them. */
function fakeSites(initial: string[]) {
  let granted = [...initial];
  const sites: SiteAccessServices = {
    list: vi.fn(async () => granted),
    disable: vi.fn(async (site: string) => {
      granted = granted.filter((s) => s !== site);
      return true;
    }),
  };
  return sites;
}

function renderWith(sites: SiteAccessServices) {
  render(<OptionsApp services={services(fakeSend(pageReplies(settings())), { sites })} />);
  return within(screen.getByRole('region', { name: 'Enabled sites' }));
}

describe('Enabled sites', () => {
  test('lists the enabled self-hosted sites by host and says how to enable one', async () => {
    const region = renderWith(
      fakeSites(['https://shop.northwind.example/*', 'http://legacy.example:8080/*']),
    );
    expect(await region.findByText('shop.northwind.example')).toBeTruthy();
    expect(region.getByText('legacy.example:8080')).toBeTruthy();
    expect(region.getByText(/Enable on this site/)).toBeTruthy();
  });

  test('Disable takes the site’s permission back and drops it from the list', async () => {
    const sites = fakeSites(['https://shop.northwind.example/*', 'https://other.example/*']);
    const region = renderWith(sites);
    fireEvent.click(await region.findByRole('button', { name: 'Disable shop.northwind.example' }));
    await waitFor(() => expect(region.queryByText('shop.northwind.example')).toBeNull());
    expect(sites.disable).toHaveBeenCalledWith('https://shop.northwind.example/*');
    expect(region.getByRole('status').textContent).toContain('Disabled on shop.northwind.example');
    expect(region.getByText('other.example')).toBeTruthy();
  });

  test('a site the browser keeps, or a browser error, is said plainly', async () => {
    const sites: SiteAccessServices = {
      list: async () => ['https://shop.example/*'],
      disable: async () => false,
    };
    const region = renderWith(sites);
    fireEvent.click(await region.findByRole('button', { name: 'Disable shop.example' }));
    expect((await region.findByRole('alert')).textContent).toContain('kept shop.example enabled');
  });

  test('with none enabled it says so', async () => {
    const region = renderWith(fakeSites([]));
    expect(await region.findByText('No self-hosted sites enabled.')).toBeTruthy();
  });
});
