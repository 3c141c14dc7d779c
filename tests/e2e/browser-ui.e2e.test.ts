import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from '../../scripts/harness/harness';
import { startDesktop, type Desktop } from './desktop';
import { OptionsPage } from '../../scripts/harness/pages/options-page';
import { PopupPage } from '../../scripts/harness/pages/popup-page';
import { StorePage } from '../../scripts/harness/pages/store-page';
import { DEMO } from '../fakes/demo-data';

/**
 * The entry points that live in the browser's own UI: the right-click menu and the address bar.
 * Chromium runs headful on a virtual X display and gets real mouse and keyboard input (desktop.ts).
 */

/** A web mail page: no store admin, no content script, no host permission for the extension. */
const MAIL = 'https://mail.example.com/inbox/77';
const mailPage = {
  url: MAIL,
  html: `<!doctype html><title>Inbox</title><main style="font: 16px sans-serif; padding: 40px">
    <p>Hi, my Amazon order <span id="amazon-id">${DEMO.amazon.originId}</span> has not arrived.</p>
    <p>Also, about <a id="order-link" href="https://admin.shopify.com/store/northwind-goods/orders/5523819086117">#${DEMO.conversation.refId}</a> from your shop.</p>
  </main>`,
};

let desktop: Desktop;
let harness: Harness;
/** What the background logged, for failure messages. */
const workerLog: string[] = [];

beforeAll(async () => {
  desktop = await startDesktop();
  harness = await startHarness({ storePages: [mailPage], display: desktop.display });
  harness.browser.serviceWorker.on('console', (message) => workerLog.push(message.text()));
  await OptionsPage.connect(harness.browser);
}, 60_000);
afterAll(async () => {
  await harness?.close();
  await desktop?.close();
});
beforeEach(() => harness.fake.clearLog());

async function openMail() {
  const store = await StorePage.open(await harness.browser.context.newPage(), MAIL);
  await store.page.bringToFront();
  return store;
}

/** The page's sidebar once it says what it searched; on failure, what it says instead. */
async function searchedIn(store: StorePage, line: string) {
  const sidebar = await sidebarOf(store);
  try {
    await sidebar.getByText(line).waitFor({ timeout: 15_000 });
    return sidebar;
  } catch {
    const says = await sidebar
      .locator('body')
      .innerText()
      .catch(() => '(unreadable)');
    throw new Error(
      `The sidebar never said "${line}"; it says: ${says}; background: ${workerLog.join(' | ')}`,
    );
  }
}

/** The page's sidebar; on failure, a screenshot of the screen and the open tabs say what happened. */
async function sidebarOf(store: StorePage) {
  try {
    return await store.sidebar();
  } catch (error) {
    const shot = join(tmpdir(), `browser-ui-${Date.now()}.png`);
    await desktop.screenshot(shot);
    const tabs = harness.browser.context.pages().map((page) => page.url());
    throw new Error(
      `${(error as Error).message}; tabs: ${tabs.join(', ')}; background: ${workerLog.join(' | ')}; screen: ${shot}`,
    );
  }
}

const hasHostAccess = (origin: string) =>
  harness.browser.serviceWorker.evaluate(
    (origins) => (globalThis as any).chrome.permissions.contains({ origins }),
    [`${origin}/*`],
  );

describe('right-click search', () => {
  test('selected text: the Amazon id goes to the origin lookup in the Amazon channel, shown in the page’s sidebar', async () => {
    const mail = await openMail();
    await mail.page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('amazon-id')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await desktop.contextMenuChoose(mail.page, mail.page.locator('#amazon-id'));

    const sidebar = await searchedIn(
      mail,
      `Searched Amazon order ${DEMO.amazon.originId} in channel ${DEMO.amazon.channel}.`,
    );
    await sidebar
      .getByRole('heading', { name: `Search results for “${DEMO.amazon.originId}”` })
      .waitFor();
    const cards = sidebar.getByRole('article');
    await cards.first().waitFor();
    expect(
      await cards.evaluateAll((all) => all.map((card) => card.getAttribute('data-slug'))),
    ).toEqual([DEMO.amazon.slug]);
    expect(harness.fake.log.map((r) => `${r.path}?${new URLSearchParams(r.query)}`)).toContain(
      `/api/v1/conversations/${DEMO.amazon.originId}?id_type=origin&category=${DEMO.amazon.channel}`,
    );
    // The click's activeTab grant was enough: the extension holds no permission for the site.
    expect(await hasHostAccess('https://mail.example.com')).toBe(false);
  });

  test('a link to a Shopify order: its text names the order, looked up as a reference id', async () => {
    const mail = await openMail();
    await desktop.contextMenuChoose(mail.page, mail.page.locator('#order-link'));
    const sidebar = await searchedIn(mail, `Searched order #${DEMO.conversation.refId}.`);
    await sidebar.getByRole('article', { name: DEMO.conversation.subject }).waitFor();
    expect(harness.fake.log.map((r) => `${r.path}?${new URLSearchParams(r.query)}`)).toContain(
      `/api/v1/conversations/${DEMO.conversation.refId}?id_type=ref`,
    );
  });
});

/**
 * Starts recording what the address bar hands the extension on Enter, with a listener of the
 * test's own beside the extension's: on a suggestion its `content`, on row 0 the typed text.
 */
async function watchOmnibox() {
  await harness.browser.serviceWorker.evaluate(() => {
    const worker = globalThis as any;
    worker.omniboxEntered = [];
    if (worker.omniboxWatched) return;
    worker.chrome.omnibox.onInputEntered.addListener((text: string) =>
      worker.omniboxEntered.push(text),
    );
    worker.omniboxWatched = true;
  });
}

const omniboxEntered = () =>
  harness.browser.serviceWorker.evaluate(() => (globalThis as any).omniboxEntered as string[]);

/** The next text the address bar hands the extension on Enter. */
async function nextEntered(count: number): Promise<string> {
  await expect
    .poll(async () => (await omniboxEntered()).length, { timeout: 10_000 })
    .toBeGreaterThan(count);
  return (await omniboxEntered())[count]!;
}

/**
 * With `rz <typed>` in the address bar, chooses the extension's suggestion in `row` and returns
 * what the extension got. Chromium lists suggestions a moment after the extension gives them,
 * with nothing a test can see; Enter before then enters the typed text, which opens its best
 * match. So: wait until the text entered is not the typed text, retyping after each early try.
 */
async function chooseSuggestion(store: StorePage, typed: string, row: number): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    await sleep(500 * attempt);
    const count = (await omniboxEntered()).length;
    await desktop.omniboxEnter({ suggestion: row });
    const entered = await nextEntered(count);
    if (entered !== typed || attempt === 5) return entered;
    // Too early: wait for the typed text's own effect to end before typing it again.
    await store.page.waitForURL((url) => url.href !== MAIL, { timeout: 15_000 });
    await store.page.goto(MAIL);
    await desktop.omniboxType(store.page, 'rz', typed);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('address bar', () => {
  beforeEach(watchOmnibox);

  test('rz and a reference suggest the conversation, looked up once typing pauses; choosing it opens it in Re:amaze', async () => {
    const mail = await openMail();
    const typed = DEMO.conversation.slug;
    const conversation = `https://${DEMO.brand}.reamaze.com/admin/conversations/${DEMO.conversation.slug}`;
    await desktop.omniboxType(mail.page, 'rz', typed);
    await expect.poll(() => harness.fake.log.length, { timeout: 10_000 }).toBeGreaterThan(0);
    // Debounced: every request is for the whole text, never for what was typed on the way.
    expect(new Set(harness.fake.log.map((r) => r.path))).toEqual(
      new Set([`/api/v1/conversations/${typed}`]),
    );
    expect(harness.fake.log.length).toBeLessThanOrEqual(2);

    // The suggestion was chosen: the extension got its content, the conversation's address,
    // not the typed text (whose single match would open the same page).
    expect(await chooseSuggestion(mail, typed, 1)).toBe(conversation);
    await mail.page.waitForURL(conversation);
    // Still no lookup for a part of the text, now that the suggestions have come and gone.
    const lookups = harness.fake.log.filter((r) => r.path.startsWith('/api/'));
    expect(new Set(lookups.map((r) => r.path))).toEqual(
      new Set([`/api/v1/conversations/${typed}`]),
    );
  });

  test('Enter on typed text with several matches shows all of them in a results tab', async () => {
    const mail = await openMail();
    const typed = DEMO.customer.email;
    await desktop.omniboxType(mail.page, 'rz', typed);
    await desktop.omniboxEnter();

    expect(await nextEntered(0)).toBe(typed);
    await mail.page.waitForURL(
      harness.browser.extensionUrl(`popup.html?q=${encodeURIComponent(typed)}`),
    );
    const results = new PopupPage(mail.page);
    await results.settled();
    expect(await results.results().count()).toBeGreaterThan(1);
  });
});
