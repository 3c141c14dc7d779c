import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DETECTORS as SELF_HOSTED } from '@/entrypoints/detector.content';
import { platforms, STATIC_HOST_MATCHES } from '@/lib/detection';
import { DETECTOR_SCRIPTS, detectorScriptFor } from '@/lib/detection/scripts';
import { matchesPattern } from '@/lib/detection/user-rules';

const hosted = platforms.filter((platform) => !platform.selfHosted);
const examples = platforms.flatMap((platform) => platform.examples.map((example) => example.url));

/** The platform the registry's detectPage reads a URL with (the first that claims it). */
const registryPick = (url: string) =>
  platforms.find((platform) => platform.pageKind(new URL(url)) !== 'none');

describe('detector content scripts', () => {
  test.each(hosted.map((platform) => [platform.id, platform] as const))(
    '%s has its own script, matching its hosts, with its detector alone',
    async (id, platform) => {
      const file = `entrypoints/detector-${id}.content.ts`;
      expect(existsSync(file), file).toBe(true);
      const entry = (await import(`@/entrypoints/detector-${id}.content.ts`)) as {
        default: { matches?: string[] };
        DETECTORS: unknown[];
      };
      expect(entry.DETECTORS).toEqual([platform]);
      expect(entry.default.matches).toEqual(platform.matches);
      expect(DETECTOR_SCRIPTS[id as keyof typeof DETECTOR_SCRIPTS]).toBe(
        `/content-scripts/detector-${id}.js`,
      );
    },
  );

  test('the hosted scripts together match exactly the static host matches', () => {
    expect(hosted.flatMap((platform) => platform.matches ?? [])).toEqual(STATIC_HOST_MATCHES);
    expect(Object.keys(DETECTOR_SCRIPTS).sort()).toEqual(
      [...hosted.map((platform) => platform.id), 'selfHosted'].sort(),
    );
  });

  test('the self-hosted script carries the self-hosted platforms, in the registry order', () => {
    expect(SELF_HOSTED).toEqual(platforms.filter((platform) => platform.selfHosted));
  });

  test.each(examples)('%s: its script holds the platform detectPage would pick', (url) => {
    const script = detectorScriptFor(url);
    const picked = registryPick(url);
    if (picked === undefined) return; // no platform reads this page: the rules alone
    if (picked.selfHosted) expect(script).toBe(DETECTOR_SCRIPTS.selfHosted);
    else expect(script).toBe(DETECTOR_SCRIPTS[picked.id as keyof typeof DETECTOR_SCRIPTS]);
  });

  test('right-click injection: the hosted admin script on its hosts, else the self-hosted one', () => {
    expect(detectorScriptFor('https://admin.shopify.com/store/x/orders/1')).toBe(
      '/content-scripts/detector-shopify.js',
    );
    expect(detectorScriptFor('https://sellercentral.amazon.de/orders-v3/order/1')).toBe(
      '/content-scripts/detector-amazon.js',
    );
    expect(detectorScriptFor('https://shop.northwind.example/wp-admin/post.php?post=1')).toBe(
      '/content-scripts/detector.js',
    );
    expect(detectorScriptFor(undefined)).toBe('/content-scripts/detector.js');
    expect(STATIC_HOST_MATCHES.some((p) => matchesPattern(p, new URL('https://x.example/')))).toBe(
      false,
    );
  });
});
