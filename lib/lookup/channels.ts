import type { Channel } from '../api/schemas';
import { MARKETPLACES, type Marketplace } from '../detection/types';

/**
 * The Re:amaze channel each marketplace's messages arrive in: the agent's choice where they made
 * one, else the first channel whose slug or name names the marketplace ("amazon-us", "eBay").
 * The preselection acts at once; nobody has to press Save for it.
 */
export function resolveMarketplaceChannels(
  chosen: Partial<Record<Marketplace, string>>,
  channels: readonly Pick<Channel, 'slug' | 'name'>[],
): Partial<Record<Marketplace, string>> {
  const resolved: Partial<Record<Marketplace, string>> = {};
  for (const marketplace of MARKETPLACES) {
    const slug = chosen[marketplace] ?? channelNaming(marketplace, channels)?.slug;
    if (slug) resolved[marketplace] = slug;
  }
  return resolved;
}

function channelNaming(
  marketplace: Marketplace,
  channels: readonly Pick<Channel, 'slug' | 'name'>[],
) {
  return channels.find(
    (channel) =>
      channel.slug.toLowerCase().includes(marketplace) ||
      channel.name.toLowerCase().includes(marketplace),
  );
}

/** Whether any marketplace still needs the channel list to resolve its channel. */
export function needsChannelList(
  chosen: Partial<Record<Marketplace, string>>,
  marketplaces: Iterable<Marketplace>,
): boolean {
  for (const marketplace of marketplaces) if (!chosen[marketplace]) return true;
  return false;
}
