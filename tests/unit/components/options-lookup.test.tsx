import { describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from './render';
import { DataKeysSection, MarketplaceChannelsSection } from '@/components/options/lookup-sections';
import type { ChannelChoices } from '@/lib/settings/schema';
import { brand, fail, fakeSend, ok, sent, settings } from './options-fakes';

const CHANNELS: Record<string, ChannelChoices> = {
  northwind: {
    brand: 'northwind',
    channels: [
      { slug: 'amazon-us', name: 'Amazon US' },
      { slug: 'support', name: 'Support' },
    ],
    selected: { amazon: 'amazon-us' },
    dataKeys: ['order_number'],
  },
  southwind: {
    brand: 'southwind',
    channels: [{ slug: 'ebay-sw', name: 'eBay' }],
    selected: { ebay: 'ebay-sw' },
    dataKeys: ['order_number'],
  },
};

const lookupReplies = {
  getLookupSettings: ({ brand = 'northwind' }: { brand?: string }) => ok(CHANNELS[brand]!),
  saveLookupSettings: ({
    brand,
    marketplaceChannels,
  }: {
    brand: string;
    marketplaceChannels: ChannelChoices['selected'];
  }) => ok({ ...CHANNELS[brand]!, selected: marketplaceChannels }),
  saveDataKeys: (dataKeys: string[]) => ok(settings({ dataKeys })),
};

const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;

describe('Marketplace channels', () => {
  test('shows the channel in effect, says it acts unsaved, and saves a different choice for the brand', async () => {
    const send = fakeSend(lookupReplies);
    const onSaved = vi.fn();
    render(
      <MarketplaceChannelsSection
        settings={settings({ dataKeys: ['order_number'] })}
        send={send}
        onSaved={onSaved}
      />,
    );
    await waitFor(() => expect(select('Amazon channel').value).toBe('amazon-us'));
    expect(screen.queryByLabelText('Brand')).toBeNull();
    expect(screen.getByText(/already in effect without saving/)).toBeTruthy();
    // No channel names eBay: it is not searched until one is chosen.
    expect(select('eBay channel').value).toBe('');
    expect(select('eBay channel').options[0]!.textContent).toBe('None: not searched');
    expect([...select('Amazon channel').options].map((o) => o.value)).toEqual([
      'amazon-us',
      'support',
    ]);

    fireEvent.change(select('Amazon channel'), { target: { value: 'support' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save channels' }));
    await screen.findByText('Channels saved for northwind.');
    expect(sent(send, 'saveLookupSettings')).toEqual([
      { brand: 'northwind', marketplaceChannels: { amazon: 'support' } },
    ]);
    expect(onSaved).toHaveBeenCalled();
  });

  test('with two brands, a Brand select loads that brand’s own channels; the default comes first', async () => {
    const send = fakeSend(lookupReplies);
    const two = settings({
      brands: [brand('northwind'), brand('southwind')],
      defaultBrand: 'southwind',
    });
    render(<MarketplaceChannelsSection settings={two} send={send} onSaved={() => {}} />);
    await waitFor(() => expect(select('eBay channel').value).toBe('ebay-sw'));
    expect(select('Brand').value).toBe('southwind');
    fireEvent.change(select('Brand'), { target: { value: 'northwind' } });
    await waitFor(() => expect(select('Amazon channel').value).toBe('amazon-us'));
    expect(sent(send, 'getLookupSettings')).toEqual([
      { brand: 'southwind' },
      { brand: 'northwind' },
    ]);
  });

  test('a brand whose channels cannot be read is an alert', async () => {
    const send = fakeSend({
      getLookupSettings: () =>
        fail('unauthorized', 'Re:amaze rejected the API token for "northwind".'),
    });
    render(<MarketplaceChannelsSection settings={settings()} send={send} onSaved={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toContain('rejected the API token');
    expect(screen.queryByLabelText('Amazon channel')).toBeNull();
  });
});

describe('Custom-data keys', () => {
  const two = settings({
    brands: [brand('northwind'), brand('southwind', { marketplaceChannels: { ebay: 'ebay-sw' } })],
    defaultBrand: 'southwind',
    dataKeys: ['order_number'],
  });

  test('adds and removes keys and saves them for every brand, with no brand’s channels involved', async () => {
    const send = fakeSend(lookupReplies);
    render(<DataKeysSection settings={two} send={send} onSaved={() => {}} />);
    expect(screen.getByText('order_number')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('New custom-data key'), {
      target: { value: ' Order Number ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add key' }));
    expect(screen.getByText('Order Number')).toBeTruthy();
    expect((screen.getByLabelText('New custom-data key') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Remove key order_number' }));

    fireEvent.click(screen.getByRole('button', { name: 'Save keys' }));
    await screen.findByText('Custom-data keys saved.');
    expect(sent(send, 'saveDataKeys')).toEqual([['Order Number']]);
    expect(sent(send, 'saveLookupSettings')).toEqual([]);
  });

  test('a repeated key is marked next to the field and not added', async () => {
    render(<DataKeysSection settings={two} send={fakeSend(lookupReplies)} onSaved={() => {}} />);
    const input = screen.getByLabelText('New custom-data key');
    fireEvent.input(input, { target: { value: 'order_number' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add key' }));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('new-data-key-error');
    expect(document.getElementById('new-data-key-error')!.textContent).toBe(
      'order_number is already in the list.',
    );
    expect(screen.getAllByText('order_number')).toHaveLength(1);
  });
});
