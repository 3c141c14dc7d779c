import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DETECTORS as SELF_HOSTED } from '@/entrypoints/detector';
import { platforms, STATIC_HOST_MATCHES } from '@/lib/detection';
import { DETECTOR_SCRIPTS, detectorScriptFor, hostedContentScripts } from '@/lib/detection/scripts';
import { matchesPattern } from '@/lib/detection/user-rules';

const hosted = platforms.filter((platform) => !platform.selfHosted);
const examples = platforms.flatMap((platform) => platform.examples.map((example) => example.url));

/** The platform the registry's detectPage reads a URL with (the first that claims it). */
const registryPick = (url: string) =>
  platforms.find((platform) => platform.pageKind(new URL(url)) !== 'none');

describe('detector content scripts', () => {
  test.each(hosted.map((platform) => [platform.id, platform] as const))(
    '%s has its own script, listed for its hosts, with its detector alone',
    async (id, platform) => {
      const file = `entrypoints/detector-${id}.ts`;
      expect(existsSync(file), file).toBe(true);
      const entry = (await import(`@/entrypoints/detector-${id}.ts`)) as { DETECTORS: unknown[] };
      expect(entry.DETECTORS).toEqual([platform]);
      expect(DETECTOR_SCRIPTS[id as keyof typeof DETECTOR_SCRIPTS]).toBe(`/detector-${id}.js`);
      expect(hostedContentScripts()).toContainEqual({
        matches: platform.matches,
        js: [`detector-${id}.js`],
        run_at: 'document_start',
      });
    },
  );

  test('the manifest lists the hosted scripts alone: the self-hosted one is registered per site', () => {
    const listed = hostedContentScripts().flatMap((script) => script.js);
    expect(listed).toHaveLength(hosted.length);
    expect(listed).not.toContain(DETECTOR_SCRIPTS.selfHosted.slice(1));
  });

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
      '/detector-shopify.js',
    );
    expect(detectorScriptFor('https://sellercentral.amazon.de/orders-v3/order/1')).toBe(
      '/detector-amazon.js',
    );
    expect(detectorScriptFor('https://shop.northwind.example/wp-admin/post.php?post=1')).toBe(
      '/detector.js',
    );
    expect(detectorScriptFor(undefined)).toBe('/detector.js');
    expect(STATIC_HOST_MATCHES.some((p) => matchesPattern(p, new URL('https://x.example/')))).toBe(
      false,
    );
  });
});
