import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  SHOPIFY_ORDER,
  shopifySpaPages,
  startHarness,
  type Harness,
} from '../../scripts/harness/harness';
import { OptionsPage } from '../../scripts/harness/pages/options-page';
import { StorePage } from '../../scripts/harness/pages/store-page';
import { runningServiceWorker, stopServiceWorker } from '../../scripts/harness/worker';

/**
 * Chromium stops an idle extension service worker after about 30 s, and its memory goes with
 * it. An agent who opens an order, pauses, then clicks the launcher must still see the page's
 * conversations. CDP stops the worker here at once instead of waiting.
 */
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ storePages: shopifySpaPages() });
  await OptionsPage.connect(harness.browser);
});
afterAll(async () => {
  await harness?.close();
});

test('the worker stopped between the page’s count and the click: the sidebar still lists the conversations, from what the worker kept', async () => {
  const store = await StorePage.open(await harness.browser.context.newPage(), SHOPIFY_ORDER);
  await store.waitForLauncher('Re:amaze: 3 conversations');

  await stopServiceWorker(harness.browser);
  harness.fake.clearLog();

  await store.clickLauncher();
  const sidebar = await store.sidebar();
  await expect.poll(() => sidebar.getByRole('article').count(), { timeout: 20_000 }).toBe(3);
  expect(await sidebar.getByText('Nothing on this page to look up').count()).toBe(0);
  // Answered from what was kept, not by asking Re:amaze again.
  expect(harness.fake.log.filter((request) => request.path.includes('/conversations'))).toEqual([]);
  await store.page.close();
});

/** The tab records the background keeps in session storage, read in the service worker. */
async function storedTabUrls(): Promise<string[]> {
  const worker = await runningServiceWorker(harness.browser);
  return worker.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    const all: Record<string, { url: string }> = await chrome.storage.session.get(null);
    return Object.entries(all).flatMap(([key, tab]) => (key.startsWith('tab:') ? [tab.url] : []));
  });
}

test('leaving an order for another page drops that tab’s conversations at once', async () => {
  const page = await harness.browser.context.newPage();
  const store = await StorePage.open(page, SHOPIFY_ORDER);
  await store.waitForLauncher('Re:amaze: 3 conversations');
  await expect.poll(async () => (await storedTabUrls()).includes(SHOPIFY_ORDER)).toBe(true);
  // Another document, with nothing to look up (and no store page at all).
  await page.goto('about:blank');
  await expect.poll(async () => (await storedTabUrls()).includes(SHOPIFY_ORDER)).toBe(false);
  await page.close();
});
