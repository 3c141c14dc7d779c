import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startHarness, type Harness } from '../../scripts/harness/harness';
import { OptionsPage } from '../../scripts/harness/pages/options-page';
import { PopupPage } from '../../scripts/harness/pages/popup-page';
import { toolbarPopupUrl } from '../../scripts/harness/worker';
import { DEMO } from '../fakes/demo-data';

let harness: Harness;
let popup: PopupPage;
/** Every request the popup page itself made: it must never talk to Re:amaze. */
const popupRequests: string[] = [];

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});
beforeEach(() => harness.fake.reset());

async function openPopup() {
  popup = await PopupPage.open(harness.browser, (url) => popupRequests.push(url));
  return popup;
}

describe('the toolbar popup’s page', () => {
  test('is rendered at build time, so its search field paints before any script runs', async () => {
    const url = await toolbarPopupUrl(harness.browser);
    expect(new URL(url).pathname).toBe('/popup.html'); // the browser here speaks English
    const page = await harness.browser.context.newPage();
    await page.goto(harness.browser.extensionUrl('options.html'));
    // The page as the browser reads it, before any of its scripts: parsed, not run.
    const served = await page.evaluate(async (popup) => {
      const html = await (await fetch(popup)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const field = doc.querySelector('#app input[type="search"]');
      return {
        label: field?.getAttribute('aria-label'),
        autofocus: field?.hasAttribute('autofocus'),
        stylesheets: doc.querySelectorAll('link[rel="stylesheet"]').length,
        inlineStyle: doc.querySelector('style')?.textContent?.length ?? 0,
      };
    }, url);
    // The inline stylesheet applies (the extension pages' policy allows inline styles, not scripts).
    await page.goto(url);
    const heading = page.getByRole('heading', { level: 1 });
    expect(await heading.evaluate((h1) => getComputedStyle(h1).fontSize)).toBe('16px');
    await page.close();
    expect(served).toMatchObject({ label: 'Search Re:amaze', autofocus: true, stylesheets: 0 });
    expect(served.inlineStyle).toBeGreaterThan(1000);
  });
});

describe('popup before setup', () => {
  test('says the extension is not connected and links to the options', async () => {
    const popup = await openPopup();
    await popup.page.getByText('Connect your Re:amaze account').waitFor();
    expect(await popup.search().count()).toBe(0);
    const [options] = await Promise.all([
      harness.browser.context.waitForEvent('page'),
      popup.page.getByRole('button', { name: 'Open options' }).click(),
    ]);
    await options.waitForURL(/options\.html/);
    await options.close();
  });
});

describe('popup lookups', () => {
  beforeAll(async () => {
    await OptionsPage.connect(harness.browser);
    await openPopup();
  });

  test('by slug: the conversation with its facts and a link into Re:amaze', async () => {
    await popup.lookup(DEMO.conversation.slug);
    const card = popup.results();
    expect(await card.count()).toBe(1);
    const text = await card.innerText();
    expect(text).toContain(DEMO.conversation.subject);
    for (const fact of DEMO.conversation.shows) expect(text).toContain(fact);
    const link = card.getByRole('link', { name: 'Open in Re:amaze' });
    expect(await link.getAttribute('href')).toBe(
      `https://${DEMO.brand}.reamaze.com/admin/conversations/${DEMO.conversation.slug}`,
    );
    expect(harness.fake.log.map((r) => r.path)).toEqual([
      `/api/v1/conversations/${DEMO.conversation.slug}`,
    ]);
    expect(harness.fake.log[0]!.query).toMatchObject({ id_type: 'ref' });
  });

  test('by reference id', async () => {
    await popup.lookup(DEMO.conversation.refId);
    expect(await popup.results().count()).toBe(1);
    expect(await popup.results().innerText()).toContain(DEMO.conversation.subject);
  });

  test('a bare number that is no reference id falls back to the database id', async () => {
    await popup.lookup(String(DEMO.dbIdLookup.dbId));
    expect(await popup.results().innerText()).toContain(DEMO.dbIdLookup.subject);
    expect(harness.fake.log.map((r) => [r.query.id_type ?? null, r.status])).toEqual([
      ['ref', 404],
      [null, 200],
    ]);
  });

  test('by customer email: every conversation, archived ones too', async () => {
    await popup.lookup(DEMO.customer.email);
    expect(await popup.results().count()).toBe(DEMO.customer.conversationCount);
    expect(await popup.page.locator('.conversations').innerText()).toContain('Archived');
    expect(harness.fake.log[0]!.query).toMatchObject({ for: DEMO.customer.email, filter: 'all' });
  });

  test('more than a page of conversations loads on request', async () => {
    await popup.lookup(DEMO.bulkCustomer.email);
    expect(await popup.results().count()).toBe(30);
    await popup.page.getByRole('button', { name: 'Show more conversations' }).click();
    await expect.poll(() => popup.results().count()).toBe(DEMO.bulkCustomer.conversationCount);
  });

  test('an unknown value says nothing was found', async () => {
    await popup.lookup('no-such-conversation');
    expect(
      await popup.page.getByText('No conversation found for “no-such-conversation”').count(),
    ).toBe(1);
  });

  test('markup in a subject and body is shown as text', async () => {
    await popup.lookup(DEMO.hostile.slug);
    const card = popup.results();
    expect(await card.innerText()).toContain('<img');
    expect(await card.locator('img, script').count()).toBe(0);
    expect(
      await popup.page.evaluate(() => (window as { hacked?: unknown }).hacked),
    ).toBeUndefined();
  });

  test('a rate limit is retried once, then named', async () => {
    harness.fake.configure({ failNext: { status: 429, count: 2 } });
    await popup.lookup(DEMO.conversation.slug);
    expect(await popup.alert().innerText()).toMatch(/too many requests.*retried once/i);
    expect(harness.fake.log.map((r) => r.status)).toEqual([429, 429]);
  });

  test('a 429 followed by success shows the result', async () => {
    harness.fake.configure({ failNext: { status: 429, count: 1 } });
    await popup.lookup(DEMO.conversation.slug);
    expect(await popup.results().count()).toBe(1);
  });

  test('a server error is named', async () => {
    harness.fake.configure({ failNext: { status: 500, count: 1 } });
    await popup.lookup(DEMO.conversation.slug);
    expect(await popup.alert().innerText()).toMatch(/server problem \(HTTP 500\)/);
  });

  test('malformed JSON is named, not a blank popup', async () => {
    harness.fake.configure({ malformedJson: true });
    await popup.lookup(DEMO.conversation.slug);
    expect(await popup.alert().innerText()).toMatch(/could not read|not valid JSON/i);
  });

  test('recent lookups are listed and run again', async () => {
    await popup.lookup(DEMO.conversation.refId);
    harness.fake.clearLog();
    const fresh = await openPopup();
    await fresh.page
      .getByRole('button', { name: `Search again for ${DEMO.conversation.refId}` })
      .click();
    await fresh.settled();
    expect(await fresh.results().innerText()).toContain(DEMO.conversation.subject);
    expect(await fresh.search().inputValue()).toBe(DEMO.conversation.refId);
  });

  test('the popup page itself never calls reamaze.io: the background does', async () => {
    await popup.lookup(DEMO.conversation.slug);
    expect(harness.fake.log.length).toBeGreaterThan(0);
    expect(popupRequests.some((url) => url.endsWith('/popup.html'))).toBe(true); // the listener works
    expect(popupRequests.filter((url) => url.includes('reamaze'))).toEqual([]);
  });
});

// Runs after 'popup lookups', which connected the brand.
describe('popup keyboard flow', () => {
  test('type, Enter, arrow to a result, Enter opens it in Re:amaze, C copies its link', async () => {
    const popup = await openPopup();
    const { page } = popup;
    await popup.search().focus();
    await page.keyboard.type(DEMO.customer.email);
    await page.getByText(`Searches customer email ${DEMO.customer.email}.`).waitFor();
    await page.keyboard.press('Enter');
    await popup.settled();
    expect(await popup.results().count()).toBe(DEMO.customer.conversationCount);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = () =>
      page.evaluate(
        () => document.activeElement?.getAttribute('data-slug') ?? document.activeElement?.tagName,
      );
    const second = await popup.results().nth(1).getAttribute('data-slug');
    expect(await focused()).toBe(second);

    const [opened] = await Promise.all([
      harness.browser.context.waitForEvent('page'),
      page.keyboard.press('Enter'),
    ]);
    expect(opened.url()).toBe(`https://${DEMO.brand}.reamaze.com/admin/conversations/${second}`);
    await opened.close();

    await page.bringToFront();
    await popup.results().nth(1).focus();
    await page.keyboard.press('c');
    // Said only once the browser's clipboard accepted the link.
    await page.getByText('Link copied.').waitFor();

    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('INPUT');
  });
});
