// `npm run demo`: the built extension in Chromium against the embedded fake Re:amaze and demo store
// pages. It connects the extension through the options page, looks conversations up in the popup,
// then opens Shopify and Amazon order pages and their sidebar, like an agent.
// With a display the browser stays open to explore; without one it runs headless and saves a
// screenshot of each step. Either way it refreshes the store listing's and the README's pictures
// (store/screenshots, store/promo, docs/images; see scripts/pictures.ts).
import { mkdir } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureChromium } from './chromium';
import { DEMO } from '../tests/fakes/demo-data';
import { fixturePage, SHOPIFY_LIST, shopifySpaPages, startHarness } from './harness/harness';
import { OptionsPage } from './harness/pages/options-page';
import { PopupPage } from './harness/pages/popup-page';
import { StorePage } from './harness/pages/store-page';
import { picturePages, takePictures } from './pictures';

const headless = !process.env.DISPLAY;
const AMAZON_ORDER = `https://sellercentral.amazon.com/orders-v3/order/${DEMO.amazon.originId}`;
const screenshots = resolve('.demo', new Date().toISOString().replace(/[:.]/g, '-'));

async function main() {
  ensureChromium();
  const harness = await startHarness({
    headless,
    storePages: [...shopifySpaPages(), fixturePage('amazon-order'), ...picturePages()],
  });
  const { browser, fake } = harness;
  fake.configure({ latencyMs: 100 });
  console.log(
    `Fake Re:amaze and demo store pages on https://127.0.0.1 (ports ${fake.port}, ${harness.store.port})`,
  );
  if (headless) await mkdir(screenshots, { recursive: true });

  let step = 0;
  const shot = async (page: Page, name: string, said: string) => {
    step += 1;
    console.log(`${step}. ${said}`);
    if (headless)
      await page.screenshot({ path: `${screenshots}/${step}-${name}.png`, fullPage: true });
  };

  const options = await OptionsPage.open(browser);
  await options.fill({
    brand: `${DEMO.brand}.reamaze.io`,
    email: DEMO.login.email,
    token: DEMO.login.token,
  });
  await options.save();
  // Saving tests the connection first: "Connected to northwind as Dana Whitfield. Saved."
  await options.status().filter({ hasText: 'Saved' }).waitFor();
  await shot(options.page, 'options-saved', `Options: ${await options.status().innerText()}`);

  // The store listing's and the README's pictures, refreshed on every
  // run (see README: Screenshots), before the demo acts on a conversation.
  const pictures = await takePictures(harness);
  console.log(
    `Store and README pictures: ${pictures.map((path) => relative('.', path)).join(', ')}`,
  );

  const popup = await PopupPage.open(browser);
  await popup.page.setViewportSize({ width: 420, height: 720 });
  for (const query of [
    DEMO.customer.email,
    DEMO.conversation.refId,
    DEMO.amazon.originId,
    'no-such-order-9999',
  ]) {
    await popup.lookup(query);
    const found = await popup.results().count();
    const searched = await popup.page.locator('.searched').first().innerText();
    await shot(
      popup.page,
      `popup-${step + 1}`,
      `Popup: "${query}" found ${found} conversation(s). ${searched}`,
    );
  }

  await popup.page.close();

  const shopify = await StorePage.open(await browser.context.newPage(), SHOPIFY_LIST);
  await shopify.page.setViewportSize({ width: 1280, height: 800 });
  await shot(
    shopify.page,
    'shopify-list',
    `Shopify order list: ${await shopify.waitForLauncher(/conversation/)}.`,
  );
  await shopify.page.getByRole('link', { name: '#1042' }).click();
  const label = await shopify.waitForLauncher('Re:amaze: 3 conversations');
  await shot(
    shopify.page,
    'shopify-order',
    `Shopify order #1042 opened in the admin (no reload): ${label}.`,
  );
  await shopify.clickLauncher();
  const sidebar = await shopify.sidebar();
  await sidebar.getByRole('article').first().waitFor();
  await shot(
    shopify.page,
    'shopify-sidebar',
    `Sidebar: ${await sidebar.getByRole('article').count()} conversations, order match first.`,
  );
  await sidebar.getByRole('button', { name: 'Show thread' }).first().click();
  await sidebar
    .getByRole('list', { name: 'Messages, newest first' })
    .getByText('Internal note')
    .waitFor();
  await shot(
    shopify.page,
    'shopify-thread',
    'Sidebar: the thread, newest first, internal note marked.',
  );

  // Acting from the store: a reply written with the order in view, sent after the undo window.
  await sidebar
    .getByRole('textbox', { name: 'Message' })
    .fill('Hi **Dana**, your order #1042 left our warehouse today. Tracking follows by email.');
  await shot(
    shopify.page,
    'shopify-compose',
    'Sidebar: a reply, with its preview, kept as a draft.',
  );
  await sidebar.getByRole('button', { name: 'Send' }).click();
  await sidebar.getByRole('button', { name: 'Undo' }).scrollIntoViewIfNeeded();
  await shot(shopify.page, 'shopify-undo', 'Sidebar: "Sending in 5 s", with Undo.');
  await sidebar.getByRole('status').filter({ hasText: 'Reply sent' }).waitFor({ timeout: 15_000 });
  await sidebar.getByLabel('Tags', { exact: true }).fill('shipped');
  await sidebar.getByLabel('Tags', { exact: true }).press('Enter');
  await sidebar.getByRole('button', { name: 'Remove tag shipped' }).waitFor();
  await sidebar.getByRole('list', { name: 'Activity' }).scrollIntoViewIfNeeded();
  await shot(shopify.page, 'shopify-acted', 'Sidebar: reply sent and tag added, both in Activity.');

  const amazon = await StorePage.open(await browser.context.newPage(), AMAZON_ORDER);
  await amazon.page.setViewportSize({ width: 1280, height: 800 });
  await shot(
    amazon.page,
    'amazon-order',
    `Amazon order ${DEMO.amazon.originId}: ${await amazon.waitForLauncher(/conversation/)}.`,
  );

  console.log(`The fake Re:amaze answered ${fake.log.length} requests, all from the background.`);
  if (headless) {
    console.log(`Screenshots: ${screenshots}`);
    await harness.close();
  } else {
    console.log(
      'The browser stays open to explore (try the Shopify and Amazon tabs). Ctrl+C ends the demo.',
    );
    process.on('SIGINT', () => void harness.close().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
