import { describe, expect, test } from 'vitest';
import { needsChannelList, resolveMarketplaceChannels } from '@/lib/lookup/channels';

const channels = [
  { slug: 'support', name: 'Support' },
  { slug: 'amazon-us', name: 'Amazon US' },
  { slug: 'marketplace-2', name: 'eBay messages' },
];

describe('marketplace channels', () => {
  test('the channel naming a marketplace is preselected, by slug or name', () => {
    expect(resolveMarketplaceChannels({}, channels)).toEqual({
      amazon: 'amazon-us',
      ebay: 'marketplace-2',
    });
  });

  test("the agent's choice wins over the preselection", () => {
    expect(resolveMarketplaceChannels({ amazon: 'support' }, channels)).toEqual({
      amazon: 'support',
      ebay: 'marketplace-2',
    });
  });

  test('the channel list is needed only when a marketplace has no chosen channel', () => {
    expect(needsChannelList({ amazon: 'x' }, ['amazon'])).toBe(false);
    expect(needsChannelList({ amazon: 'x' }, ['amazon', 'etsy'])).toBe(true);
    expect(needsChannelList({}, [])).toBe(false);
  });
});
