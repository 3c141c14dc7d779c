import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/harness/browser';
import {
  fixturePage,
  SHOPIFY_LIST,
  SHOPIFY_ORDER,
  shopifySpaPages,
  startHarness,
  type Harness,
} from '../../scripts/harness/harness';
import { OptionsPage } from '../../scripts/harness/pages/options-page';
import { StorePage } from '../../scripts/harness/pages/store-page';
import { DEMO } from '../fakes/demo-data';
import { contentScriptSettled, messagesFrom, watchWorkerMessages } from './worker-messages';

const products = fixturePage('shopify-products');
const amazonOrder = fixturePage('amazon-order');
const SHOPIFY_PRODUCTS = products.url;
const AMAZON_ORDER = amazonOrder.url;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    storePages: [...shopifySpaPages(), products, amazonOrder],
  });
  await OptionsPage.connect(harness.browser);
  await watchWorkerMessages(harness.browser.serviceWorker);
});
afterAll(async () => {
  await harness?.close();
});
beforeEach(() => harness.fake.clearLog());

async function openStore(url: string) {
  return StorePage.open(await harness.browser.context.newPage(), url);
}

/**
 * The toolbar badge text of the active tab, read in the service worker. (The extension has no
 * `tabs` permission, so it cannot look tabs up by URL: the page under test must be in front.)
 */
async function activeTabBadge(browser: ExtensionBrowser): Promise<string> {
  return browser.serviceWorker.evaluate(async () => {
    // Runs in the service worker, where `chrome` is the extension API.
    const chrome = (globalThis as any).chrome;
    const [tab]: { id?: number }[] = await chrome.tabs.query({
      active: true,
      lastFocusedWindow: true,
    });
    if (tab?.id === undefined) return '(no tab)';
    return chrome.action.getBadgeText({ tabId: tab.id });
  });
}

describe('Shopify order page', () => {
  test('the launcher counts the linked conversations and the sidebar lists them', async () => {
    const store = await openStore(SHOPIFY_ORDER);
    await store.waitForLauncher('Re:amaze: 3 conversations');
    await store.page.bringToFront();
    await expect.poll(() => activeTabBadge(harness.browser)).toBe('3');
    const asked = harness.fake.log.map((r) => `${r.path}?${new URLSearchParams(r.query)}`);
    expect(asked).toEqual(
      expect.arrayContaining([
        '/api/v1/conversations/1042?id_type=ref',
        `/api/v1/conversations?for=${encodeURIComponent(DEMO.customer.email)}&filter=all`,
      ]),
    );

    await store.clickLauncher();
    const sidebar = await store.sidebar();
    const cards = sidebar.getByRole('article');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(3);
    const first = await cards.first().innerText();
    expect(first).toContain(DEMO.conversation.subject); // the direct order match ranks first
    expect(first).toContain('order #1042');
    expect(first).toContain(`customer email ${DEMO.customer.email}`);
    expect(await sidebar.getByText('Archived').count()).toBe(1);

    // The thread, newest first, with the internal note marked.
    await cards.first().getByRole('button', { name: 'Show thread' }).click();
    await sidebar
      .getByRole('list', { name: 'Messages, newest first' })
      .getByText('Internal note')
      .waitFor();
    expect(await sidebar.locator('.message').count()).toBe(4);

    // Conversation data never enters the store page's own DOM, and page scripts cannot reach the launcher.
    const pageView = await store.page.evaluate(() => ({
      text: document.documentElement.innerText,
      shadow: document.querySelector('reamaze-inline-sidebar')?.shadowRoot ?? null,
    }));
    expect(pageView.text).not.toContain(DEMO.conversation.subject);
    expect(pageView.shadow).toBeNull();

    expect(await store.sidebarOpen()).toBe(true);
    await sidebar.getByRole('button', { name: 'Close sidebar' }).click();
    await expect.poll(() => store.sidebarOpen()).toBe(false);
    await store.clickLauncher();
    await expect.poll(() => store.sidebarOpen()).toBe(true);
    await sidebar.locator('body').press('Escape');
    await expect.poll(() => store.sidebarOpen()).toBe(false);
    await store.page.close();
  });

  test('a page with conversations loads the sidebar behind the closed panel; the click shows it, focused, and the keys reach it', async () => {
    const store = await openStore(SHOPIFY_ORDER);
    await store.waitForLauncher('Re:amaze: 3 conversations');
    await expect.poll(() => store.hasSidebarFrame()).toBe(true);
    const sidebar = await store.sidebar();
    await sidebar.locator('article').first().waitFor({ state: 'attached' });
    // Hidden until the click, and it takes no focus from the page meanwhile.
    expect(await store.sidebarOpen()).toBe(false);
    expect(await store.page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await store.clickLauncher();
    await expect.poll(() => store.sidebarOpen()).toBe(true);
    const focused = () => sidebar.evaluate(() => document.activeElement?.textContent?.trim());
    await expect.poll(focused).toBe('Re:amaze');
    // The agent's keys go to the sidebar: Tab moves on inside it.
    await store.page.keyboard.press('Tab');
    await expect.poll(focused).toBe('Refresh');
    // Closed with Esc and opened again from the keyboard, the focus is back where the agent left it.
    await store.page.keyboard.press('Escape');
    await expect.poll(() => store.sidebarOpen()).toBe(false);
    await store.page.keyboard.press('Enter');
    await expect.poll(() => store.sidebarOpen()).toBe(true);
    await expect.poll(focused).toBe('Refresh');
    await store.page.keyboard.press('Tab');
    await expect.poll(focused).not.toBe('Refresh');
    await store.page.close();
  });

  test('a second view is served from the cache without asking Re:amaze again', async () => {
    const store = await openStore(SHOPIFY_ORDER);
    await store.waitForLauncher('Re:amaze: 3 conversations');
    expect(harness.fake.log).toEqual([]);
    await store.page.close();
  });

  test('the content script cannot read the stored credentials', async () => {
    const store = await openStore(SHOPIFY_ORDER);
    await store.waitForLauncher(/Re:amaze/);
    const result = await store.evaluateInContentScript(
      `chrome.storage.local.get(null).then((v) => 'READ ' + JSON.stringify(v), (e) => 'DENIED ' + e.message)`,
    );
    expect(result).toMatch(/^DENIED .*not allowed/i);
    expect(String(result)).not.toContain(DEMO.login.token);
    await store.page.close();
  });

  test('the page cannot steer the extension: no runtime to message, window messages ignored', async () => {
    const store = await openStore(SHOPIFY_ORDER);
    await store.waitForLauncher('Re:amaze: 3 conversations');
    const reach = await store.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          // The page's own listener, added last, sees the last message after every other one.
          window.addEventListener('message', (event) => {
            if (event.data?.type === 'done')
              resolve(typeof (globalThis as any).chrome?.runtime?.sendMessage);
          });
          window.postMessage({ type: 'toggleSidebar' }, '*');
          window.postMessage({ type: 'reportDetection', payload: { orderRefs: ['9999'] } }, '*');
          window.postMessage({ type: 'done' }, '*');
        }),
    );
    expect(reach).toBe('undefined');
    // Anything the content script sent on those messages would be answered before this.
    await contentScriptSettled(harness.browser.serviceWorker, store);
    const sent = await messagesFrom(harness.browser.serviceWorker, store.page.url());
    expect(JSON.stringify(sent)).not.toContain('9999');
    expect(await store.sidebarOpen()).toBe(false);
    expect(await store.launcherName()).toBe('Re:amaze: 3 conversations');
    await store.page.close();
  });

  test('a sidebar frame the launcher did not make (no key in its address) is shown nothing', async () => {
    const store = await openStore(SHOPIFY_ORDER);
    await store.waitForLauncher('Re:amaze: 3 conversations');
    // Frame the sidebar page in the store page without the key the background gave the launcher.
    await store.evaluateInContentScript(
      `(() => { const frame = document.createElement('iframe'); frame.id = 'stray'; frame.src = chrome.runtime.getURL('/sidebar.html'); document.body.append(frame); })()`,
    );
    const stray = await expect
      .poll(() => store.page.frames().find((f) => /\/sidebar\.html$/.test(f.url())))
      .toBeTruthy()
      .then(() => store.page.frames().find((f) => /\/sidebar\.html$/.test(f.url()))!);
    await expect
      .poll(() => stray.locator('body').innerText(), { timeout: 10_000 })
      .toContain('not opened by Re:amaze Inline');
    expect(await stray.getByRole('article').count()).toBe(0);
    // The launcher's own sidebar, with its key, lists the conversations.
    await store.page.evaluate(() => document.getElementById('stray')?.remove());
    await store.clickLauncher();
    const sidebar = await store.sidebar();
    await expect.poll(() => sidebar.getByRole('article').count()).toBe(3);
    await store.page.close();
  });

  test('the sidebar loads from a per-session URL; the fixed extension URL is not loadable by the page', async () => {
    const store = await openStore(SHOPIFY_ORDER);
    await store.waitForLauncher('Re:amaze: 3 conversations');
    const sessionUrl = String(
      await store.evaluateInContentScript(`chrome.runtime.getURL('/sidebar.html')`),
    );
    expect(sessionUrl).toMatch(/^chrome-extension:\/\/[0-9a-f-]{36}\/sidebar\.html$/);
    expect(sessionUrl).not.toContain(harness.browser.extensionId);

    // How a site probes for installed extensions: load a known resource URL as a script.
    const probe = (url: string) =>
      store.page.evaluate(
        (src) =>
          new Promise<string>((resolve) => {
            const script = document.createElement('script');
            script.onload = () => resolve('loaded');
            script.onerror = () => resolve('blocked');
            script.src = src;
            document.head.append(script);
          }),
        url,
      );
    expect(await probe(harness.browser.extensionUrl('sidebar.html'))).toBe('blocked');
    expect(await probe(sessionUrl)).toBe('loaded'); // the probe does see a loadable page

    await store.clickLauncher();
    const sidebar = await store.sidebar();
    await expect.poll(() => sidebar.getByRole('article').count()).toBe(3);
    await store.page.close();
  });

  test("the sidebar's security policy lets https images and media load, and refuses base and plugins", async () => {
    const store = await openStore(SHOPIFY_ORDER);
    await store.waitForLauncher('Re:amaze: 3 conversations');
    await store.clickLauncher();
    const sidebar = await store.sidebar();
    await sidebar.getByRole('article').first().waitFor();
    const violations = await sidebar.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
      );
      for (const src of [
        'https://admin.shopify.com/pixel.png',
        'http://admin.shopify.com/pixel.png',
      ]) {
        const image = new Image();
        image.src = src;
        document.body.append(image);
      }
      const base = document.createElement('base');
      base.href = 'https://admin.shopify.com/';
      document.head.append(base);
      const object = document.createElement('object');
      object.data = 'https://admin.shopify.com/movie.swf';
      document.body.append(object);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return [...new Set(seen)].sort();
    });
    expect(violations).toEqual([
      'base-uri https://admin.shopify.com/',
      'object-src https://admin.shopify.com/movie.swf',
    ]);
    await store.page.close();
  });

  test('navigating inside the admin updates the launcher', async () => {
    const store = await openStore(SHOPIFY_LIST);
    await store.waitForLauncher('Re:amaze: 1 conversation'); // the list shows order #1042
    await store.clickLauncher();
    const sidebar = await store.sidebar();
    await expect.poll(() => sidebar.getByRole('article').count()).toBe(1);
    await store.page.getByRole('link', { name: '#1042' }).click();
    await store.waitForLauncher('Re:amaze: 3 conversations'); // the order adds the customer's email
    expect(store.page.url()).toBe(SHOPIFY_ORDER);
    // The open sidebar follows the page.
    const followed = await store.sidebar();
    await expect.poll(() => followed.getByRole('article').count()).toBe(3);
    await store.page.close();
  });

  test('a page with nothing to look up costs no request and shows no launcher', async () => {
    const store = await openStore(SHOPIFY_PRODUCTS);
    // The detector ran and is done with the page before anything is checked as missing.
    await contentScriptSettled(harness.browser.serviceWorker, store);
    const sent = await messagesFrom(harness.browser.serviceWorker, SHOPIFY_PRODUCTS);
    expect(sent.map((m) => m.type)).not.toContain('reportDetection');
    expect(await store.launcherName()).toBeNull();
    expect(harness.fake.log).toEqual([]);
    await store.page.close();
  });
});

describe('sidebar behaviour', () => {
  test('the background can toggle it (the keyboard command’s path), and auto-open is remembered per site', async () => {
    const store = await openStore(SHOPIFY_ORDER);
    await store.waitForLauncher('Re:amaze: 3 conversations');
    await store.page.bringToFront();
    const toggle = () =>
      harness.browser.serviceWorker.evaluate(async () => {
        const chrome = (globalThis as any).chrome;
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        await chrome.tabs.sendMessage(tab.id, { type: 'toggleSidebar' }, { frameId: 0 });
      });
    await toggle();
    await expect.poll(() => store.sidebarOpen()).toBe(true);
    const sidebar = await store.sidebar();
    await sidebar.getByLabel('Open automatically on this site').check();
    await toggle();
    await expect.poll(() => store.sidebarOpen()).toBe(false);
    await store.page.close();

    const again = await openStore(SHOPIFY_ORDER);
    await again.waitForLauncher('Re:amaze: 3 conversations');
    await expect.poll(() => again.sidebarOpen()).toBe(true);
    await (await again.sidebar()).getByLabel('Open automatically on this site').uncheck();
    await again.page.close();
  });
});

describe('Amazon Seller Central order page', () => {
  test('the order id is looked up in the channel named for Amazon, preselected without saving', async () => {
    const store = await openStore(AMAZON_ORDER);
    await store.waitForLauncher('Re:amaze: 1 conversation');
    const origin = harness.fake.log.find((r) => r.query.id_type === 'origin');
    expect(origin).toMatchObject({
      path: `/api/v1/conversations/${DEMO.amazon.originId}`,
      query: { id_type: 'origin', category: DEMO.amazon.channel },
      status: 200,
    });
    await store.clickLauncher();
    const sidebar = await store.sidebar();
    expect(await sidebar.getByRole('article').innerText()).toContain(
      `Amazon order ${DEMO.amazon.originId}`,
    );
    await store.page.close();
  });
});
