import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixturePage, startHarness, type Harness } from '../../scripts/harness/harness';
import { OptionsPage } from '../../scripts/harness/pages/options-page';
import { StorePage } from '../../scripts/harness/pages/store-page';
import { contentScriptSettled, messagesFrom, watchWorkerMessages } from './worker-messages';

const wooOrder = fixturePage('woocommerce-order-hpos');
const WOO_ORDER = wooOrder.url;
/** The same admin page on a store the agent never enabled. */
const OTHER_WOO = WOO_ORDER.replace('shop.northwind.example', 'other-shop.example');
/** An enabled store's page that no platform reads: only the agent's own rule finds its order. */
const LEGACY_ORDER = {
  url: 'https://shop.northwind.example/legacy-admin/orders/view/77',
  html: '<!doctype html><html><body><main><h1>#1042</h1><p>Paid</p></main></body></html>',
};

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    storePages: [wooOrder, fixturePage('woocommerce-order-hpos', OTHER_WOO), LEGACY_ORDER],
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

  test('a saved rule finds the order on a page no platform reads', async () => {
    const before = await StorePage.open(await harness.browser.context.newPage(), LEGACY_ORDER.url);
    await contentScriptSettled(harness.browser.serviceWorker, before);
    expect(await before.launcherName()).toBeNull();
    await before.page.close();

    const options = await OptionsPage.open(harness.browser);
    const rules = options.rules();
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await rules.getByRole('group', { name: 'New rule' }).getByLabel('Rule name').fill('Legacy');
    const rule = rules.getByRole('group', { name: 'Legacy' });
    await rule.getByLabel('URL pattern').fill('https://shop.northwind.example/legacy-admin/*');
    await rule.getByLabel('CSS selector').fill('h1');
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await rules.getByText('Rules saved.').waitFor();
    await options.page.close();

    // The rules' code is a part of the detector, loaded by the page only once the agent has rules.
    const store = await StorePage.open(await harness.browser.context.newPage(), LEGACY_ORDER.url);
    await store.waitForLauncher('Re:amaze: 1 conversation');
    await store.page.close();
  });
});
