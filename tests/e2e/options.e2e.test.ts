import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fixturePage, startHarness, type Harness } from '../../scripts/harness/harness';
import { OptionsPage } from '../../scripts/harness/pages/options-page';
import { StorePage } from '../../scripts/harness/pages/store-page';
import { DEMO } from '../fakes/demo-data';

const NORTHWIND = { brand: DEMO.brand, email: DEMO.login.email, token: DEMO.login.token };
const SOUTHWIND = {
  brand: DEMO.otherBrand.brand,
  email: DEMO.otherBrand.email,
  token: DEMO.otherBrand.token,
};
const shopifyOrder = fixturePage('shopify-order');
const SHOPIFY_STORE = 'admin.shopify.com/store/northwind-goods';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ storePages: [shopifyOrder] });
});
afterAll(async () => {
  await harness?.close();
});

/** Collects the text of an options page into one string, to prove what it never shows. */
const pageText = (options: OptionsPage) => options.page.content();

// One agent setting up, step by step: each test starts from what the previous ones saved.
describe('options page', () => {
  test('the first brand: a welcome, a pasted admin link, tested on save, the token never shown', async () => {
    const options = await OptionsPage.open(harness.browser);
    await options.page.getByText(/^Welcome!/).waitFor();
    harness.fake.clearLog();
    await options.addBrand({
      ...NORTHWIND,
      brand: `https://${DEMO.brand}.reamaze.com/admin/conversations/some-slug`,
    });
    expect(await options.status().innerText()).toBe(
      `Connected to ${DEMO.brand} as ${DEMO.login.name}. Saved.`,
    );
    expect(harness.fake.log).toContainEqual(
      expect.objectContaining({ brand: DEMO.brand, path: '/api/v1/staff', status: 200 }),
    );
    await options.page.close();

    const reopened = await OptionsPage.open(harness.browser);
    const item = reopened.brandItem(DEMO.brand);
    await item.waitFor();
    const text = await item.innerText();
    expect(text).toContain(DEMO.login.email);
    expect(text).toContain('API token saved');
    expect(text).toContain('Default');
    expect(await pageText(reopened)).not.toContain(DEMO.login.token);

    await reopened
      .brands()
      .getByRole('button', { name: `Edit ${DEMO.brand}` })
      .click();
    expect(await reopened.brand().inputValue()).toBe(DEMO.brand);
    expect(await reopened.token().inputValue()).toBe('');
    expect(await reopened.token().getAttribute('type')).toBe('password');
    await reopened.brands().getByText('A token is saved. Leave this blank to keep it').waitFor();
    await reopened.page.close();
  });

  test('invalid fields are marked beside them, a wrong token beside the API token field; nothing is saved', async () => {
    const options = await OptionsPage.open(harness.browser);
    await options.startAdding();
    harness.fake.clearLog();
    await options.fill({ brand: 'not a brand!', email: 'sol', token: 'x' });
    await options.save();
    await options.alert().waitFor();
    expect(await options.fieldError(options.brand())).toMatch(/brand/i);
    expect(await options.fieldError(options.email())).toMatch(/email/i);
    expect(harness.fake.log).toEqual([]);

    await options.fill({ ...SOUTHWIND, token: DEMO.wrongToken });
    await options.save();
    await options.alert().filter({ hasText: 'API token' }).waitFor();
    expect(await options.fieldError(options.token())).toContain('API token');
    expect(await options.fieldError(options.brand())).toBeNull();
    expect(await options.alert().innerText()).not.toContain(DEMO.wrongToken);
    expect(harness.fake.log.at(-1)).toMatchObject({ brand: SOUTHWIND.brand, status: 403 });
    await options.page.close();

    const reopened = await OptionsPage.open(harness.browser);
    await reopened.brandItem(DEMO.brand).waitFor();
    expect(await reopened.brands().getByRole('listitem').count()).toBe(1);
    await reopened.page.close();
  });

  test('a second brand is tested on save and made the default', async () => {
    const options = await OptionsPage.open(harness.browser);
    await options.addBrand(SOUTHWIND);
    expect(await options.status().innerText()).toBe(
      `Connected to ${SOUTHWIND.brand} as ${DEMO.otherBrand.name}. Saved.`,
    );
    await options.makeDefault(SOUTHWIND.brand);
    await options.page.close();

    const reopened = await OptionsPage.open(harness.browser);
    await reopened.brandItem(SOUTHWIND.brand).waitFor();
    expect(await reopened.brandItem(SOUTHWIND.brand).innerText()).toContain('Default');
    expect(await reopened.brandItem(DEMO.brand).innerText()).not.toContain('Default');
    await reopened
      .brands()
      .getByRole('button', { name: `Make default: ${DEMO.brand}` })
      .waitFor();
    await reopened.page.close();
  });

  test('a store maps to a brand; an address that is no store is marked on its row', async () => {
    const options = await OptionsPage.open(harness.browser);
    await options.mapStore(shopifyOrder.url, DEMO.brand);

    const stores = options.stores();
    await stores.getByRole('button', { name: 'Add store' }).click();
    const bad = stores.getByLabel('Store address', { exact: true }).last();
    await bad.fill('not a store');
    await stores.getByRole('button', { name: 'Save stores' }).click();
    await stores.getByRole('alert').waitFor();
    expect(await options.fieldError(bad)).toContain('not a store address');
    expect(
      await options.fieldError(stores.getByLabel('Store address', { exact: true }).first()),
    ).toBeNull();
    await options.page.close();

    const reopened = await OptionsPage.open(harness.browser);
    const saved = reopened.stores().getByLabel('Store address', { exact: true });
    await expect.poll(() => saved.inputValue()).toBe(SHOPIFY_STORE);
    expect(
      await reopened.stores().getByLabel('Brand for this store', { exact: true }).inputValue(),
    ).toBe(DEMO.brand);
    await reopened.page.close();
  });

  test('marketplace channels per brand arrive preselected, and a different choice is saved', async () => {
    const options = await OptionsPage.open(harness.browser);
    const channels = options.section('Marketplace channels');
    const brand = channels.getByLabel('Brand', { exact: true });
    await expect.poll(() => brand.inputValue()).toBe(SOUTHWIND.brand);
    await brand.selectOption(DEMO.brand);
    const amazon = channels.getByLabel('Amazon channel');
    await expect.poll(() => amazon.inputValue()).toBe(DEMO.amazon.channel);
    expect(await channels.getByLabel('eBay channel').inputValue()).toBe('ebay');
    expect(await channels.getByLabel('Etsy channel').inputValue()).toBe('');
    await amazon.selectOption('support');
    await channels.getByRole('button', { name: 'Save channels' }).click();
    await channels.getByText(`Channels saved for ${DEMO.brand}.`).waitFor();

    const keys = options.section('Custom-data keys');
    await keys.getByLabel('New custom-data key').fill('order_number');
    await keys.getByRole('button', { name: 'Add key' }).click();
    await keys.getByRole('button', { name: 'Save keys' }).click();
    await keys.getByText('Custom-data keys saved.').waitFor();
    await options.page.close();

    const reopened = await OptionsPage.open(harness.browser);
    const again = reopened.section('Marketplace channels');
    await expect
      .poll(() => again.getByLabel('Brand', { exact: true }).inputValue())
      .toBe(SOUTHWIND.brand);
    await again.getByLabel('Brand', { exact: true }).selectOption(DEMO.brand);
    await expect.poll(() => again.getByLabel('Amazon channel').inputValue()).toBe('support');
    await reopened
      .section('Custom-data keys')
      .getByRole('button', { name: 'Remove key order_number' })
      .waitFor();
    await reopened.page.close();
  });

  test('export leaves the tokens out; importing it back restores a removed brand, which then needs its token', async () => {
    const options = await OptionsPage.open(harness.browser);
    const transfer = options.section('Import and export');
    const [download] = await Promise.all([
      options.page.waitForEvent('download'),
      transfer.getByRole('button', { name: 'Export settings' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('reamaze-inline-settings.json');
    const exported = await readFile((await download.path())!, 'utf8');
    expect(exported).not.toContain(DEMO.login.token);
    expect(exported).not.toContain(SOUTHWIND.token);
    expect(exported).not.toContain('"token"');
    const file = JSON.parse(exported);
    expect(file.brands.map((b: { brand: string }) => b.brand)).toEqual([
      DEMO.brand,
      SOUTHWIND.brand,
    ]);
    expect(file.defaultBrand).toBe(SOUTHWIND.brand);

    // A broken file changes nothing.
    const input = transfer.getByLabel('Import settings', { exact: true });
    await input.setInputFiles({
      name: 'settings.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": '),
    });
    await transfer.getByRole('alert').filter({ hasText: 'Nothing was changed.' }).waitFor();

    await options
      .brands()
      .getByRole('button', { name: `Remove ${SOUTHWIND.brand}` })
      .click();
    await options
      .brands()
      .getByRole('button', { name: `Yes, remove ${SOUTHWIND.brand}` })
      .click();
    await options
      .status()
      .filter({ hasText: `Removed ${SOUTHWIND.brand}` })
      .waitFor();

    await input.setInputFiles({
      name: 'reamaze-inline-settings.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    await transfer.getByRole('status').filter({ hasText: 'Settings imported' }).waitFor();
    const needing = transfer.getByRole('list', { name: 'Brands that need an API token' });
    expect(await needing.getByRole('listitem').allInnerTexts()).toEqual([SOUTHWIND.brand]);
    const southwind = options.brandItem(SOUTHWIND.brand);
    expect(await southwind.innerText()).toContain('needs an API token');
    expect(await southwind.innerText()).toContain('Default');
    expect(await options.brandItem(DEMO.brand).innerText()).toContain('API token saved');
    await expect
      .poll(() => options.stores().getByLabel('Store address', { exact: true }).inputValue())
      .toBe(SHOPIFY_STORE);

    // The agent gives the imported brand its token again: Edit, paste, Save brand.
    await options
      .brands()
      .getByRole('button', { name: `Edit ${SOUTHWIND.brand}` })
      .click();
    await options.token().fill(SOUTHWIND.token);
    await options.saveAndWait();
    expect(await options.brandItem(SOUTHWIND.brand).innerText()).toContain('API token saved');
    await options.page.close();
  });

  test('a detection rule is tried on the store page open in another tab, then saved', async () => {
    const options = await OptionsPage.open(harness.browser);
    const rules = options.rules();
    await rules.getByRole('button', { name: 'Add rule' }).click();
    const rule = rules.getByRole('group', { name: 'New rule' });
    await rule.getByLabel('Rule name').fill('Shopify heading');
    const edited = rules.getByRole('group', { name: 'Shopify heading' });
    const test = edited.getByRole('button', { name: 'Test this rule on the current page' });

    // Checked here first: a pattern that is no pattern never reaches a page.
    await edited.getByLabel('URL pattern').fill('admin.shopify.com');
    await test.click();
    expect(await options.fieldError(edited.getByLabel('URL pattern'))).toMatch(/match pattern/);

    // No store page open yet.
    await edited.getByLabel('URL pattern').fill('https://admin.shopify.com/store/*/orders/*');
    await edited.getByLabel('CSS selector').fill('h1');
    await test.click();
    await edited.getByRole('alert').filter({ hasText: 'No store page to test on' }).waitFor();

    const store = await StorePage.open(await harness.browser.context.newPage(), shopifyOrder.url);
    await store.waitForLauncher(/^Re:amaze: \d+ conversations?$/);
    await options.page.bringToFront();
    await test.click();
    await edited
      .getByRole('status')
      .filter({ hasText: `On ${shopifyOrder.url} this rule finds: order #1042.` })
      .waitFor();

    await edited.getByLabel('URL pattern').fill('https://legacy.northwind.example/admin/*');
    await test.click();
    await edited
      .getByRole('status')
      .filter({ hasText: `The pattern does not match ${shopifyOrder.url}.` })
      .waitFor();

    await rules.getByRole('button', { name: 'Save rules' }).click();
    await rules.getByText('Rules saved.').waitFor();
    await store.page.close();
    await options.page.close();

    const reopened = await OptionsPage.open(harness.browser);
    const saved = reopened.rules().getByRole('group', { name: 'Shopify heading' });
    await expect
      .poll(() => saved.getByLabel('URL pattern').inputValue())
      .toBe('https://legacy.northwind.example/admin/*');
    await saved.getByRole('button', { name: 'Remove rule Shopify heading' }).click();
    await reopened.rules().getByRole('button', { name: 'Save rules' }).click();
    await reopened.rules().getByText('Rules saved.').waitFor();
    expect(await reopened.rules().getByRole('group').count()).toBe(0);
    await reopened.page.close();
  });

  test('the sidebar’s per-site choice is listed under Sidebar, and Forget drops it', async () => {
    const store = await StorePage.open(await harness.browser.context.newPage(), shopifyOrder.url);
    await store.waitForLauncher(/^Re:amaze: \d+ conversations?$/);
    await store.clickLauncher();
    const sidebar = await store.sidebar();
    await sidebar.getByLabel('Open automatically on this site').check();
    await store.page.close();

    const options = await OptionsPage.open(harness.browser);
    const site = options.section('Sidebar').getByRole('group', { name: 'admin.shopify.com' });
    await site.waitFor();
    expect(await site.getByLabel('Open automatically').isChecked()).toBe(true);
    await site.getByRole('button', { name: 'Forget admin.shopify.com' }).click();
    await site.waitFor({ state: 'detached' });
    await options.page.close();
  });

  test('a self-hosted site the agent enabled is listed, and Disable takes its access back', async () => {
    const site = 'https://shop.northwind.example/*';
    // Headless Chromium cannot answer the permission prompt: the site is approved first as
    // "Site access → Add site" in chrome://extensions does, then requested from an extension page
    // as the popup's "Enable on this site" click does (the request then grants it without a prompt).
    const extensions = await harness.browser.context.newPage();
    await extensions.goto(`chrome://extensions/?id=${harness.browser.extensionId}`);
    await extensions.evaluate(
      ([id, pattern]) => (globalThis as any).chrome.developerPrivate.addHostPermission(id, pattern),
      [harness.browser.extensionId, site] as const,
    );
    await extensions.goto(harness.browser.extensionUrl('popup.html'));
    expect(
      await extensions.evaluate(
        (origins) => (globalThis as any).chrome.permissions.request({ origins }),
        [site],
      ),
    ).toBe(true);
    await extensions.close();

    const options = await OptionsPage.open(harness.browser);
    const enabled = options.section('Enabled sites');
    await enabled.getByText('shop.northwind.example', { exact: true }).waitFor();
    expect(await enabled.getByText('admin.shopify.com').count()).toBe(0);
    await enabled.getByRole('button', { name: 'Disable shop.northwind.example' }).click();
    await enabled
      .getByRole('status')
      .filter({ hasText: 'Disabled on shop.northwind.example' })
      .waitFor();
    await enabled.getByText('No self-hosted sites enabled.').waitFor();
    const granted = await harness.browser.serviceWorker.evaluate(
      (origins) => (globalThis as any).chrome.permissions.contains({ origins }),
      [site],
    );
    expect(granted).toBe(false);
    await options.page.close();
  });
});
