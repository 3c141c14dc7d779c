// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import type { InlineConfig } from 'vite';
import { describe, expect, test } from 'vitest';
import { platforms } from '@/lib/detection';
import { dropExamples } from '@/scripts/build/drop-detector-examples';
import config from '@/wxt.config';

type ExtendConfig = (entrypoints: { type: string }[], config: InlineConfig) => void;

function buildConfigFor(type: string): InlineConfig {
  const vite: InlineConfig = { resolve: { alias: { '@': '/repo' } } };
  const hooks = config.hooks as Record<string, unknown>;
  const extend = hooks['vite:build:extendConfig'] as ExtendConfig;
  extend([{ type }], vite);
  return vite;
}

function aliasOf(vite: InlineConfig, name: string): string | undefined {
  const alias = vite.resolve?.alias ?? {};
  const entries = Array.isArray(alias)
    ? alias.map(({ find, replacement }) => [String(find), replacement])
    : Object.entries(alias);
  return entries.find(([find]) => find === name)?.[1];
}

describe('the build', () => {
  test('never puts webextension-polyfill into a content script', () => {
    expect(config.modules ?? []).not.toContain('@wxt-dev/webextension-polyfill');
    expect(aliasOf(buildConfigFor('content-script'), 'wxt/browser')).toBeUndefined();
    expect(aliasOf(buildConfigFor('content-script'), '@')).toBe('/repo');
  });

  test('keeps webextension-polyfill for the pages `npm run dev` serves', () => {
    const vite: InlineConfig = {};
    const hooks = config.hooks as Record<string, unknown>;
    (hooks['vite:devServer:extendConfig'] as (config: InlineConfig) => void)(vite);
    expect(aliasOf(vite, 'wxt/browser')).toBe('@wxt-dev/webextension-polyfill/browser');
  });

  test('keeps webextension-polyfill for the background and the extension pages', () => {
    for (const type of ['background', 'popup', 'options', 'unlisted-page']) {
      expect(aliasOf(buildConfigFor(type), 'wxt/browser')).toBe(
        '@wxt-dev/webextension-polyfill/browser',
      );
    }
  });

  test("drops every platform's example URLs from the bundles, and nothing else", () => {
    const files = readdirSync('lib/detection/platforms').filter((name) => name.endsWith('.ts'));
    expect(files).toHaveLength(platforms.length);
    for (const platform of platforms) {
      const code = readFileSync(`lib/detection/platforms/${platform.id}.ts`, 'utf8');
      const dropped = dropExamples(code);
      expect(platform.examples.length).toBeGreaterThan(0);
      for (const { url } of platform.examples) expect(dropped).not.toContain(url);
      expect(dropped).toContain('examples: []');
      expect(dropped).toContain('detect(');
      expect(dropped.length).toBeLessThan(code.length);
    }
    expect(dropExamples('const a = { examples: [1, 2], other: [3] };')).toBe(
      'const a = { examples: [], other: [3] };',
    );
  });
});
