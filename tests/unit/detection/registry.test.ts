import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { platforms, STATIC_HOST_MATCHES } from '@/lib/detection';
import { matchesPattern } from '@/lib/detection/user-rules';

const examples = platforms.flatMap((platform) =>
  platform.examples.map((example) => [platform.id, example.url, example.kind] as const),
);

describe('platform registry', () => {
  test.each(examples)('%s: %s is %s, and no other platform claims it', (id, url, kind) => {
    for (const platform of platforms) {
      expect(platform.pageKind(new URL(url)), platform.id).toBe(platform.id === id ? kind : 'none');
    }
  });

  test('one file per platform, named by its id, each registered once', () => {
    const files = readdirSync('lib/detection/platforms').map((file) => file.replace(/\.ts$/, ''));
    expect(platforms.map((platform) => platform.id).sort()).toEqual(files.sort());
    expect(new Set(platforms.map((platform) => platform.name)).size).toBe(platforms.length);
  });

  test.each(platforms.map((platform) => [platform.id, platform] as const))(
    '%s documents an order page and a page that is none',
    (_, platform) => {
      const kinds = new Set(platform.examples.map((example) => example.kind));
      expect([...kinds]).toEqual(expect.arrayContaining(['order', 'none']));
      // The negatives sit on the platform's own host: the gate, not the host, rejects them.
      const hosts = new Set(platform.examples.map((example) => new URL(example.url).hostname));
      const negatives = platform.examples.filter((example) => example.kind === 'none');
      expect(negatives.some((example) => hosts.has(new URL(example.url).hostname))).toBe(true);
    },
  );
});

describe('static host matches', () => {
  test('cover every example of the hosted admins and none of the self-hosted ones', () => {
    for (const [id, url] of examples) {
      const platform = platforms.find((p) => p.id === id)!;
      const covered = STATIC_HOST_MATCHES.some((pattern) => matchesPattern(pattern, new URL(url)));
      expect(covered, url).toBe(!platform.selfHosted);
    }
  });

  test('list every supported hosted admin, https only', () => {
    expect(STATIC_HOST_MATCHES).toEqual(
      expect.arrayContaining([
        'https://admin.shopify.com/*',
        'https://*.myshopify.com/*',
        'https://*.mybigcommerce.com/*',
        'https://sellercentral.amazon.com/*',
        'https://sellercentral.amazon.co.jp/*',
        'https://sellercentral.amazon.com.au/*',
        'https://sellercentral-europe.amazon.com/*',
        'https://sellercentral-japan.amazon.com/*',
        'https://www.ebay.com/*',
        'https://www.ebay.co.uk/*',
        'https://www.ebay.pl/*',
        'https://www.etsy.com/*',
        'https://dashboard.stripe.com/*',
      ]),
    );
    expect(STATIC_HOST_MATCHES.filter((p) => p.includes('sellercentral'))).toHaveLength(21);
    expect(STATIC_HOST_MATCHES.filter((p) => p.includes('ebay'))).toHaveLength(14);
    expect(STATIC_HOST_MATCHES.every((pattern) => /^https:\/\/[^/]+\/\*$/.test(pattern))).toBe(
      true,
    );
    expect(new Set(STATIC_HOST_MATCHES).size).toBe(STATIC_HOST_MATCHES.length);
  });

  test('are no wider than the platforms need', () => {
    for (const url of [
      'https://www.amazon.com/',
      'https://pages.ebay.com/',
      'https://stripe.com/',
      'https://shopify.com/',
    ]) {
      expect(
        STATIC_HOST_MATCHES.some((pattern) => matchesPattern(pattern, new URL(url))),
        url,
      ).toBe(false);
    }
  });
});
