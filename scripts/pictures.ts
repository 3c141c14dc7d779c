// The store listing's and the README's pictures, made by `npm run demo` from its own fake Re:amaze
// and demo store pages, each at the size its place asks for: the Chrome Web Store and AMO take
// 1280x800 screenshots and a 440x280 small promo tile; the README shows the sidebar, the popup and
// the options page. Sizes are viewport sizes, never positions of elements, so a change of layout
// changes the picture, not the script. The extension runs as any install: nothing here is a mode of
// the extension, only an agent's clicks and typing.
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { StorePage as StorePageFixture } from '../tests/fakes/store-server';
import { DEMO } from '../tests/fakes/demo-data';
import { fixturePage, type Harness } from './harness/harness';
import { OptionsPage } from './harness/pages/options-page';
import { PopupPage } from './harness/pages/popup-page';
import { SidebarPage } from './harness/pages/sidebar-page';
import { StorePage } from './harness/pages/store-page';

export const STORE_SCREENSHOTS = resolve('store/screenshots');
export const STORE_PROMO = resolve('store/promo');
export const README_IMAGES = resolve('docs/images');

/** The stores' screenshot size (Chrome Web Store: 1280x800 or 640x400; AMO: 1280x800). */
const STORE_SIZE = { width: 1280, height: 800 };
/** The Chrome Web Store's small promo tile. */
const TILE_SIZE = { width: 440, height: 280 };
/** The README's pictures: smaller, so they stay light in the repository. */
const README_PAGE = { width: 1100, height: 700 };
/** The popup's own width; its whole height is saved (Chromium shows at most 600 px of it). */
const README_POPUP = { width: 400, height: 600 };
const README_OPTIONS = { width: 900, height: 640 };

/*
 * Admin pages from tests/fixtures/pages, which look like the real admins. The demo's own Shopify
 * pages (a single-page admin at the fixtures' addresses) stay as they are, so these are served at
 * the same admin under another address: the order by its order tab, the list filtered to open.
 */
const SHOPIFY_ORDER =
  'https://admin.shopify.com/store/northwind-goods/orders/5523819086117?tab=all';
const SHOPIFY_LIST = 'https://admin.shopify.com/store/northwind-goods/orders?status=open';
const AMAZON_ORDER = `https://sellercentral.amazon.com/orders-v3/order/${DEMO.amazon.originId}`;

/** The store pages the pictures need, beside the demo's (the Amazon order is the demo's too). */
export function picturePages(): StorePageFixture[] {
  return [
    fixturePage('shopify-order', SHOPIFY_ORDER),
    fixturePage('shopify-order-list', SHOPIFY_LIST),
  ];
}

/**
 * Takes every picture, in a connected browser (the demo connected it through the options page).
 * Returns the files written.
 */
export async function takePictures(harness: Harness): Promise<string[]> {
  const { browser } = harness;
  await Promise.all(
    [STORE_SCREENSHOTS, STORE_PROMO, README_IMAGES].map((dir) => mkdir(dir, { recursive: true })),
  );
  const written: string[] = [];
  const save = async (page: Page, path: string) => {
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    written.push(path);
  };

  // 1. An order with its conversations in the sidebar.
  const order = await SidebarPage.open(browser, SHOPIFY_ORDER, 'Re:amaze: 3 conversations');
  await order.page.setViewportSize(STORE_SIZE);
  await order.cards().first().waitFor();
  await settle(order.page);
  await save(order.page, `${STORE_SCREENSHOTS}/1-order-sidebar.png`);
  await order.page.setViewportSize(README_PAGE);
  await settle(order.page);
  await save(order.page, `${README_IMAGES}/sidebar.png`);

  // 2. The thread, and a reply being written with its preview (kept as a draft, never sent).
  await order.page.setViewportSize(STORE_SIZE);
  const thread = await order.showThread(DEMO.conversation.subject);
  await thread
    .message()
    .fill(
      'Hi Maya, the courier has your parcel again and delivers it **on Friday**. Sorry for the wait!',
    );
  await thread.region().getByRole('region', { name: 'Preview' }).waitFor();
  // The composer from its tabs down to the preview, as the agent scrolls to it.
  await thread.replyTab().evaluate((tab) => tab.scrollIntoView({ block: 'start' }));
  await settle(order.page);
  await save(order.page, `${STORE_SCREENSHOTS}/2-thread-reply.png`);
  await order.page.close();

  // 3. An order list: a count chip beside each order with conversations.
  const list = await StorePage.open(await browser.context.newPage(), SHOPIFY_LIST);
  await list.page.setViewportSize(STORE_SIZE);
  await list.waitForLauncher(/conversation/);
  await waitForChips(list);
  await settle(list.page);
  await save(list.page, `${STORE_SCREENSHOTS}/3-order-list-chips.png`);
  await list.page.close();

  // 4. An Amazon order, looked up by its order id in the Amazon channel.
  const amazon = await SidebarPage.open(browser, AMAZON_ORDER, /conversation/);
  await amazon.page.setViewportSize(STORE_SIZE);
  await amazon.cards().first().waitFor();
  await settle(amazon.page);
  await save(amazon.page, `${STORE_SCREENSHOTS}/4-amazon-order.png`);
  await amazon.page.close();

  // 5. The popup's search, framed on a store-sized canvas; alone for the README.
  const popup = await PopupPage.open(browser);
  await popup.page.setViewportSize(README_POPUP);
  await popup.lookup(DEMO.customer.email);
  await settle(popup.page);
  const popupShot = await popup.page.screenshot({
    path: `${README_IMAGES}/popup.png`,
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
  });
  written.push(`${README_IMAGES}/popup.png`);
  await popup.page.close();
  const framed = await browser.context.newPage();
  await framed.setViewportSize(STORE_SIZE);
  await framed.setContent(
    frameHtml(popupShot, 'Search by order number, marketplace order id, email or link', [
      'From the toolbar, on any page.',
      'Type rz in the address bar, or right-click a selection or a link.',
    ]),
  );
  await save(framed, `${STORE_SCREENSHOTS}/5-popup-search.png`);

  // 6. The options page: brands, each tested before it is saved.
  const options = await OptionsPage.open(browser);
  await options.brandItem(DEMO.brand).waitFor();
  // The brand's channels come from Re:amaze: their choice is shown once they are in.
  await options.section('Marketplace channels').getByLabel('Amazon channel').waitFor();
  await options.page.setViewportSize(STORE_SIZE);
  await settle(options.page);
  await save(options.page, `${STORE_SCREENSHOTS}/6-options.png`);
  await options.page.setViewportSize(README_OPTIONS);
  await settle(options.page);
  await save(options.page, `${README_IMAGES}/options.png`);
  await options.page.close();

  // The small promo tile: the icon and the name, little text (the store shows it small).
  const icon = await readFile(resolve('public/icon/128.png'));
  await framed.setViewportSize(TILE_SIZE);
  await framed.setContent(tileHtml(icon));
  await save(framed, `${STORE_PROMO}/small-tile-440x280.png`);
  await framed.close();

  return written;
}

/** Waits until the list's rows in view carry their count chips. */
async function waitForChips(list: StorePage) {
  for (let i = 0; i < 100; i++) {
    if ((await list.chipNames()).length > 0) return;
    await list.page.waitForTimeout(100);
  }
  throw new Error('No count chip appeared on the order list');
}

/** Lets layout and fonts finish after a resize or a scroll, so no half-drawn frame is saved. */
async function settle(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

function frameHtml(shot: Buffer, title: string, lines: string[]): string {
  return `<!doctype html><meta charset="utf-8"><style>
    html, body { margin: 0; height: 100%; }
    body { display: flex; align-items: center; justify-content: center; gap: 64px;
      font-family: ${FONT}; color: #14213d; background: #e8eefb; }
    .text { max-width: 460px; }
    h1 { font-size: 34px; line-height: 1.2; margin: 0 0 20px; }
    p { font-size: 20px; line-height: 1.5; margin: 0 0 8px; color: #33415c; }
    img { border-radius: 10px; box-shadow: 0 12px 40px rgba(20, 33, 61, 0.25); max-height: 720px; }
  </style>
  <div class="text"><h1>${escapeHtml(title)}</h1>${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>
  <img alt="" src="data:image/png;base64,${shot.toString('base64')}">`;
}

function tileHtml(icon: Buffer): string {
  return `<!doctype html><meta charset="utf-8"><style>
    html, body { margin: 0; height: 100%; }
    body { display: flex; flex-direction: column; align-items: center; justify-content: center;
      font-family: ${FONT}; color: #fff; background: linear-gradient(135deg, #2356d8, #173a94); }
    img { width: 96px; height: 96px; margin-bottom: 14px; }
    h1 { font-size: 30px; margin: 0 0 6px; }
    p { font-size: 16px; margin: 0; opacity: 0.92; }
  </style>
  <img alt="" src="data:image/png;base64,${icon.toString('base64')}">
  <h1>Re:amaze Inline</h1><p>Conversations beside the order</p>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
