import { afterAll, beforeAll, expect, test } from 'vitest';
import { startHarness, type Harness } from '../../scripts/harness/harness';
import { OptionsPage } from '../../scripts/harness/pages/options-page';
import { StorePage } from '../../scripts/harness/pages/store-page';

/**
 * A storefront on *.myshopify.com shares its origin with the legacy Shopify admin, so its own
 * scripts can move to /admin/orders and keep showing new order links. However long it keeps at it,
 * it may spend only the per-tab lookup budget (30 a minute) of the agent's API token.
 */
const STOREFRONT = 'https://northwind-goods.myshopify.com/products/kettle';
const FLOOD = `<!doctype html><html><head><title>Kettle</title></head><body><main><h1>Kettle</h1></main>
<script>
  setTimeout(() => {
    history.pushState({}, '', '/admin/orders');
    let next = 2000;
    const timer = setInterval(() => {
      const main = document.querySelector('main');
      main.replaceChildren(); // always new ids, so no lookup is a repeat the cache could answer
      for (let i = 0; i < 25; i++, next++) {
        const link = document.createElement('a');
        link.href = '/admin/orders/' + (9000000 + next);
        link.textContent = '#' + next;
        main.append(link);
      }
      if (next >= 2000 + 25 * 40) clearInterval(timer);
      document.title = 'links ' + (next - 2000);
    }, 100);
  }, 200);
</script></body></html>`;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ storePages: [{ url: STOREFRONT, html: FLOOD }] });
  await OptionsPage.connect(harness.browser);
});
afterAll(async () => {
  await harness?.close();
});

const lookups = () => harness.fake.log.filter((request) => request.path.includes('/conversations'));

test('a page showing ever new order links spends at most 30 lookups, and none once closed', async () => {
  harness.fake.clearLog();
  const store = await StorePage.open(await harness.browser.context.newPage(), STOREFRONT);
  // The page has shown all its 1,000 links, 25 at a time, and the launcher has answered.
  await store.page.waitForFunction(() => document.title === 'links 1000', null, {
    timeout: 20_000,
  });
  await store.waitForLauncher(/^Re:amaze: /);
  await expect.poll(() => lookups().length, { timeout: 10_000 }).toBeGreaterThanOrEqual(30);
  await store.page.waitForTimeout(1_000);
  expect(lookups()).toHaveLength(30);

  await store.page.close();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(lookups()).toHaveLength(30);
});
