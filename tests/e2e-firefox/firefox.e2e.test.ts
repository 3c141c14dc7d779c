// The Firefox build in Debian's firefox-esr, through the flows the Chromium suite covers: connect
// through the options page, popup lookups, an order page's launcher and sidebar, a self-hosted
// site enabled and disabled. Same fakes, same real host names (scripts/harness/firefox.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { fixturePage } from '../../scripts/harness/harness';
import {
  byLabel,
  byRole,
  openExtensionPage,
  openSidebar,
  startFirefoxHarness,
  textOf,
  typeInto,
  waitForText,
  type FirefoxHarness,
} from '../../scripts/harness/firefox';
import { DEMO } from '../fakes/demo-data';

const shopifyOrder = fixturePage('shopify-order');
const wooOrder = fixturePage('woocommerce-order-hpos');
const WOO_SITE = 'https://shop.northwind.example/*';

let harness: FirefoxHarness;
beforeAll(async () => {
  harness = await startFirefoxHarness({ storePages: [shopifyOrder, wooOrder] });
});
afterAll(async () => {
  await harness?.close();
});

/** What `browser.*` answers in an extension page (where the add-on's own APIs are). */
async function inExtensionPage<T>(run: string): Promise<T> {
  const page = await openExtensionPage(harness, 'popup.html');
  try {
    return (await page.evaluate(run)) as T;
  } finally {
    await page.close();
  }
}

/**
 * What the popup's "Enable on this site" click does: `permissions.request` from a click in an
 * extension page (Firefox allows it only while handling user input). Headless, the popup cannot
 * open over a store tab, so a button making the same call is clicked in the popup page instead;
 * the request is granted without the prompt (see startFirefoxHarness).
 */
async function enableSite(site: string): Promise<boolean> {
  const page = await openExtensionPage(harness, 'popup.html');
  await page.evaluate((origin) => {
    const button = document.createElement('button');
    button.textContent = `Enable ${origin}`;
    button.addEventListener('click', () => {
      (window as { granted?: Promise<boolean> }).granted = (
        globalThis as unknown as {
          browser: { permissions: { request(p: object): Promise<boolean> } };
        }
      ).browser.permissions.request({ origins: [origin] });
    });
    document.body.prepend(button);
  }, site);
  await (await byRole(page, 'button', `Enable ${site}`)).click();
  const granted = await page.evaluate(() => (window as { granted?: Promise<boolean> }).granted);
  await page.close();
  return granted === true;
}

// One agent, step by step: each test starts from what the previous ones did.
describe('in Firefox', () => {
  test('the options page connects a brand: tested on save, the token never shown', async () => {
    const options = await openExtensionPage(harness, 'options.html');
    harness.fake.clearLog();
    await typeInto(await byLabel(options, 'Brand'), DEMO.brand);
    await typeInto(await byLabel(options, 'Login email'), DEMO.login.email);
    await typeInto(await byLabel(options, 'API token'), DEMO.login.token);
    await (await byRole(options, 'button', 'Save brand')).click();
    await waitForText(options, `Connected to ${DEMO.brand} as ${DEMO.login.name}. Saved.`);
    expect(harness.fake.log).toContainEqual(
      expect.objectContaining({ brand: DEMO.brand, path: '/api/v1/staff', status: 200 }),
    );
    await options.close();

    const reopened = await openExtensionPage(harness, 'options.html');
    await waitForText(reopened, 'API token saved');
    expect(await reopened.content()).not.toContain(DEMO.login.token);
    await reopened.close();
  });

  test('storage.local, which Firefox lets content scripts read, holds the token only sealed', async () => {
    const stored = await inExtensionPage<string>(
      'browser.storage.local.get(null).then((all) => JSON.stringify(all))',
    );
    expect(stored).toContain(DEMO.login.email); // the brand is there…
    expect(stored).not.toContain(DEMO.login.token); // …its token is not
    expect(stored).toMatch(/"token":\{"iv":"[^"]+","sealed":"[^"]+"\}/);
  });

  test('the popup looks a conversation up by slug and by customer email', async () => {
    const popup = await openExtensionPage(harness, 'popup.html');
    const search = await byLabel(popup, 'Search Re:amaze');
    harness.fake.clearLog();
    await typeInto(search, DEMO.conversation.slug);
    await search.press('Enter');
    const shown = await waitForText(popup, DEMO.conversation.subject);
    for (const fact of DEMO.conversation.shows) expect(shown).toContain(fact);
    expect(harness.fake.log.map((request) => request.path)).toEqual([
      `/api/v1/conversations/${DEMO.conversation.slug}`,
    ]);

    await typeInto(search, DEMO.customer.email);
    await search.press('Enter');
    await waitForText(popup, 'Archived');
    expect(await popup.$$('article')).toHaveLength(DEMO.customer.conversationCount);
    await popup.close();
  });

  test('a Shopify order page: the launcher opens the sidebar with the order’s conversations', async () => {
    const page = await harness.browser.newPage();
    await page.goto(shopifyOrder.url);
    const sidebar = await openSidebar(page);
    await waitForText(sidebar, '3 conversations');
    const text = await textOf(sidebar);
    expect(text).toContain('Searched order #1042, customer email maya.chen@example.net.');
    expect(text).toContain(DEMO.conversation.subject);
    expect(await sidebar.$$('article')).toHaveLength(3);

    await (await byRole(sidebar, 'button', 'Show thread')).click();
    await byLabel(sidebar, 'Message'); // the thread's composer
    await page.close();
  });

  test('a self-hosted store: nothing until enabled, then its open tab gets the launcher; Disable takes it back', async () => {
    const page = await harness.browser.newPage();
    await page.goto(wooOrder.url);
    expect(await page.$('reamaze-inline-sidebar')).toBeNull();

    expect(await enableSite(WOO_SITE)).toBe(true);
    const sidebar = await openSidebar(page);
    await waitForText(sidebar, 'order #1042');

    const options = await openExtensionPage(harness, 'options.html');
    await byRole(options, 'button', 'Disable shop.northwind.example');
    await (await byRole(options, 'button', 'Disable shop.northwind.example')).click();
    await waitForText(options, 'No self-hosted sites enabled.');
    await options.close();
    expect(
      await inExtensionPage<boolean>(
        `browser.permissions.contains({ origins: [${JSON.stringify(WOO_SITE)}] })`,
      ),
    ).toBe(false);
    await page.close();
  });

  test('nothing left the machine: every host the add-on asked for was a mapped fake', () => {
    const unexpected = harness.proxy.refused.filter((host) => !host.endsWith('.mozilla.com'));
    expect(unexpected).toEqual([]);
  });
});
