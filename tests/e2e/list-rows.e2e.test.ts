import { afterAll, beforeAll, expect, test } from 'vitest';
import { startHarness, type Harness } from '../../scripts/harness/harness';
import { OptionsPage } from '../../scripts/harness/pages/options-page';
import { StorePage } from '../../scripts/harness/pages/store-page';
import { DEMO } from '../fakes/demo-data';

/**
 * A long Shopify order list: 300 tall rows, #1300 on top down to #1001. Only #1042 (far down) has
 * a conversation in the fake Re:amaze. The extension must look up what the agent can see and a
 * screen ahead, as the agent scrolls, and chip the rows that have conversations.
 */
const LIST = 'https://admin.shopify.com/store/northwind-goods/orders?status=open';
const ROWS = 300;
const orderName = (i: number) => 1300 - i;
const rows = Array.from(
  { length: ROWS },
  (_, i) =>
    `<tr><td><a href="/store/northwind-goods/orders/${5523819000000 + i}">#${orderName(i)}</a></td>` +
    `<td>Customer ${i}</td><td>$${(10 + i).toFixed(2)}</td></tr>`,
).join('\n');
const HTML = `<!doctype html><html><head><title>Orders</title>
<style>body { margin: 0; font: 14px sans-serif; } tr { height: 200px; } td { padding: 0 12px; }</style>
</head><body><main><h1>Orders</h1><table><tbody>${rows}</tbody></table></main></body></html>`;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ storePages: [{ url: LIST, html: HTML }] });
  await OptionsPage.connect(harness.browser);
});
afterAll(async () => {
  await harness?.close();
});

/** The order numbers the fake Re:amaze was asked about (GET /conversations/{ref}?id_type=ref). */
const askedRefs = () =>
  harness.fake.log
    .filter((request) => new URLSearchParams(request.query).get('id_type') === 'ref')
    .map((request) => decodeURIComponent(request.path.split('/').pop()!));

test('an order list looks up the rows in view and a screen ahead, as the agent scrolls, and chips the rows with conversations', async () => {
  harness.fake.clearLog();
  const store = await StorePage.open(await harness.browser.context.newPage(), LIST);

  // On load: the top rows are looked up, and the launcher counts their conversations (none).
  await expect.poll(askedRefs, { timeout: 20_000 }).toContain('1300');
  await store.waitForLauncher('Re:amaze: 0 conversations');
  // Nothing to show yet: the sidebar loads only if the pointer reaches the launcher.
  expect(store.hasSidebarFrame()).toBe(false);
  await store.hoverLauncher();
  await expect.poll(() => store.hasSidebarFrame()).toBe(true);
  const first = askedRefs();
  expect(first).not.toContain('1042');
  expect(first).not.toContain('1001');
  expect(first).not.toContain('1150');
  expect(first.length).toBeLessThan(30); // a screen and a screen ahead, not 300 rows
  expect(new Set(first).size).toBe(first.length); // each row once
  expect(await store.chipNames()).toEqual([]);

  // Far down: the rows now in view are looked up, and #1042's row gets its chip.
  await store.page.evaluate(() =>
    [...document.querySelectorAll('a')]
      .find((link) => link.textContent === '#1042')!
      .scrollIntoView({ block: 'center' }),
  );
  await expect.poll(askedRefs, { timeout: 20_000 }).toContain('1042');
  await expect
    .poll(() => store.chipNames(), { timeout: 20_000 })
    .toEqual(['Re:amaze: 1 conversation for order #1042']);
  // The launcher counts the conversations of the rows seen so far.
  await store.waitForLauncher('Re:amaze: 1 conversation');
  const asked = askedRefs();
  expect(asked).not.toContain('1001'); // the list's end is still a screen and more away
  expect(asked).not.toContain('1150'); // the jump passed these rows without showing them
  expect(new Set(asked).size).toBe(asked.length);

  // The chip opens the sidebar on that order: its conversation, and no other.
  await store.clickChip('Re:amaze: 1 conversation for order #1042');
  await expect.poll(() => store.sidebarOpen()).toBe(true);
  const sidebar = await store.sidebar();
  const cards = sidebar.getByRole('article');
  await cards.first().waitFor();
  expect(await cards.count()).toBe(1);
  expect(await cards.first().innerText()).toContain(DEMO.conversation.subject);
  await sidebar.getByRole('heading', { name: 'Search results for “#1042”' }).waitFor();
  // Back to the page: the rows seen so far, whose one conversation is #1042's.
  await sidebar.getByRole('button', { name: 'Back to this page’s conversations' }).click();
  await sidebar.getByRole('heading', { name: /Search results/ }).waitFor({ state: 'detached' });
  await store.waitForLauncher('Re:amaze: 1 conversation');
  await cards.first().waitFor();
  expect(await cards.count()).toBe(1);

  // The store page itself never holds conversation data: only the count, in a closed shadow root.
  const pageView = await store.page.evaluate(() => ({
    text: document.documentElement.innerText,
    shadow: document.querySelector('reamaze-inline-chip')?.shadowRoot ?? null,
  }));
  expect(pageView.text).not.toContain(DEMO.conversation.subject);
  expect(pageView.shadow).toBeNull();
  await store.page.close();
});
