import { makeCertificate } from '../../tests/fakes/certificate';
import { startFakeReamaze, type FakeReamaze } from '../../tests/fakes/reamaze-server';
import { startStoreServer, type StorePage, type StoreServer } from '../../tests/fakes/store-server';
import { demoData } from '../../tests/fakes/demo-data';
import { readFileSync } from 'node:fs';
import { expected } from '../../tests/fixtures/pages/expected';
import { launchExtension, type ExtensionBrowser } from './browser';

export interface Harness {
  browser: ExtensionBrowser;
  fake: FakeReamaze;
  store: StoreServer;
  close(): Promise<void>;
}

/**
 * A fresh Chromium profile with the built extension, the fake Re:amaze at its real hosts and,
 * when given, store admin pages at theirs.
 */
export async function startHarness(
  options: {
    storePages?: StorePage[];
    grantedSites?: string[];
    headless?: boolean;
    display?: string;
  } = {},
): Promise<Harness> {
  const { fake, store, hostMap } = await startFakes(options.storePages ?? []);
  const browser = await launchExtension({
    hostMap,
    grantedSites: options.grantedSites,
    headless: options.headless,
    display: options.display,
  });
  return {
    browser,
    fake,
    store,
    async close() {
      await browser.close();
      await Promise.all([fake.close(), store.close()]);
    },
  };
}

/**
 * The fake Re:amaze and the store pages, with one throwaway certificate for their real hosts, and
 * which local port serves each host (for Chromium's host-resolver rules, or Firefox's proxy).
 */
export async function startFakes(storePages: StorePage[]): Promise<{
  fake: FakeReamaze;
  store: StoreServer;
  hostMap: Record<string, number>;
}> {
  // The API hosts, and the admin hosts conversations open at (the fake answers those with 404).
  const apiHosts = Object.keys(demoData.brands).flatMap((brand) => [
    `${brand}.reamaze.io`,
    `${brand}.reamaze.com`,
  ]);
  const storeHosts = [...new Set(storePages.map((page) => new URL(page.url).hostname))];
  const { cert, key } = await makeCertificate([...apiHosts, ...storeHosts]);
  const fake = await startFakeReamaze({ cert, key, data: demoData });
  const store = await startStoreServer({ cert, key, pages: storePages });
  const hostMap = {
    ...Object.fromEntries(apiHosts.map((host) => [host, fake.port])),
    ...Object.fromEntries(storeHosts.map((host) => [host, store.port])),
  };
  return { fake, store, hostMap };
}

/** A store admin fixture from tests/fixtures/pages, at the URL its expected detection names. */
export function fixturePage(key: string, url = expected[key]!.url): StorePage {
  return { url, html: readFileSync(`tests/fixtures/pages/${key}.html`, 'utf8') };
}

/** The single-page Shopify admin used to test in-page navigation (list → order without a reload). */
export function shopifySpaPages(): StorePage[] {
  const html = readFileSync('tests/fixtures/e2e/shopify-spa.html', 'utf8');
  return [SHOPIFY_LIST, SHOPIFY_ORDER].map((url) => ({ url, html }));
}

export const SHOPIFY_LIST = 'https://admin.shopify.com/store/northwind-goods/orders';
export const SHOPIFY_ORDER = 'https://admin.shopify.com/store/northwind-goods/orders/5523819086117';
