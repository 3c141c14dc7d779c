import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { SHOPIFY_ORDER, startHarness, type Harness } from '../../scripts/harness/harness';
import { OptionsPage } from '../../scripts/harness/pages/options-page';
import { PopupPage } from '../../scripts/harness/pages/popup-page';
import { StorePage } from '../../scripts/harness/pages/store-page';
import { DEMO } from '../fakes/demo-data';

/** A second Shopify store on the same admin host, told apart by its handle. */
const SOUTHWIND_ORDER = 'https://admin.shopify.com/store/southwind-outfitters/orders/5523819086117';
const spa = readFileSync('tests/fixtures/e2e/shopify-spa.html', 'utf8');

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    storePages: [SHOPIFY_ORDER, SOUTHWIND_ORDER].map((url) => ({ url, html: spa })),
  });
  // As a new agent would: the first brand, then the second, then which store belongs to which.
  await OptionsPage.connect(harness.browser);
  const options = await OptionsPage.open(harness.browser);
  await options.addBrand({
    brand: DEMO.otherBrand.brand,
    email: DEMO.otherBrand.email,
    token: DEMO.otherBrand.token,
  });
  await options.mapStore(SOUTHWIND_ORDER, DEMO.otherBrand.brand);
  await options.page.close();
});
afterAll(async () => {
  await harness?.close();
});

async function lookUpOn(url: string) {
  harness.fake.clearLog();
  const store = await StorePage.open(await harness.browser.context.newPage(), url);
  await store.waitForLauncher(/^Re:amaze: \d+ conversations?$/);
  return store;
}

describe('several brands', () => {
  test('each Shopify store is looked up in the brand it maps to, the other in the default brand', async () => {
    const south = await lookUpOn(SOUTHWIND_ORDER);
    expect(new Set(harness.fake.log.map((request) => request.brand))).toEqual(
      new Set([DEMO.otherBrand.brand]),
    );
    await south.clickLauncher();
    const sidebar = await south.sidebar();
    await sidebar.getByRole('article').first().waitFor();
    expect(await sidebar.locator('.brand').innerText()).toBe(DEMO.otherBrand.brand);
    expect(await sidebar.getByRole('article').allInnerTexts()).toEqual([
      expect.stringContaining('Tent pole replacement'),
    ]);

    const north = await lookUpOn(SHOPIFY_ORDER);
    expect(new Set(harness.fake.log.map((request) => request.brand))).toEqual(
      new Set([DEMO.brand]),
    );
    expect(await north.launcherName()).toBe('Re:amaze: 3 conversations');
  });

  test('the popup switches brands, starting on the default', async () => {
    const popup = await PopupPage.open(harness.browser);
    const switcher = popup.page.getByRole('combobox', { name: 'Brand' });
    expect(await switcher.inputValue()).toBe(DEMO.brand);
    harness.fake.clearLog();
    await popup.lookup(DEMO.customer.email);
    expect(await popup.results().count()).toBe(DEMO.customer.conversationCount);
    await switcher.selectOption(DEMO.otherBrand.brand);
    await popup.lookup(DEMO.customer.email);
    expect(await popup.results().allInnerTexts()).toEqual([
      expect.stringContaining('Tent pole replacement'),
    ]);
    expect(harness.fake.log.map((request) => request.brand)).toEqual([
      DEMO.brand,
      DEMO.otherBrand.brand,
    ]);
  });
});
