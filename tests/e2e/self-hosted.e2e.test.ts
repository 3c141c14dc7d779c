import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixturePage, startHarness, type Harness } from '../../scripts/harness/harness';
import { OptionsPage } from '../../scripts/harness/pages/options-page';
import { StorePage } from '../../scripts/harness/pages/store-page';
import { contentScriptSettled, messagesFrom, watchWorkerMessages } from './worker-messages';

const wooOrder = fixturePage('woocommerce-order-hpos');
const WOO_ORDER = wooOrder.url;
/** The same admin page on a store the agent never enabled. */
const OTHER_WOO = WOO_ORDER.replace('shop.northwind.example', 'other-shop.example');

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    storePages: [wooOrder, fixturePage('woocommerce-order-hpos', OTHER_WOO)],
    grantedSites: ['https://shop.northwind.example/*'],
  });
  await OptionsPage.connect(harness.browser);
  await watchWorkerMessages(harness.browser.serviceWorker);
});
afterAll(async () => {
  await harness?.close();
});

describe('self-hosted WooCommerce stores', () => {
  test('an enabled store shows its order’s conversations', async () => {
    const store = await StorePage.open(await harness.browser.context.newPage(), WOO_ORDER);
    await store.waitForLauncher('Re:amaze: 3 conversations');
    await store.clickLauncher();
    const sidebar = await store.sidebar();
    expect(await sidebar.getByRole('article').first().innerText()).toContain('order #1042');
    await store.page.close();
  });

  test('a store that was never enabled gets nothing injected', async () => {
    const store = await StorePage.open(await harness.browser.context.newPage(), OTHER_WOO);
    // The enabled store, opened after it, gets the detector: by then this one would have too.
    const enabled = await StorePage.open(await harness.browser.context.newPage(), WOO_ORDER);
    await enabled.waitForLauncher('Re:amaze: 3 conversations');
    await contentScriptSettled(harness.browser.serviceWorker, enabled);

    expect(await messagesFrom(harness.browser.serviceWorker, OTHER_WOO)).toEqual([]);
    await expect(store.evaluateInContentScript('1')).rejects.toThrow(/No content-script world/);
    expect(await store.launcherName()).toBeNull();
    await enabled.page.close();
    await store.page.close();
  });
});
