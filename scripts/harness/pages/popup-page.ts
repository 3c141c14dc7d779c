import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../browser';
import { toolbarPopupUrl } from '../worker';

/**
 * The toolbar popup, opened as the page the toolbar button opens (headless Chromium has no toolbar
 * to click). `goto` waits for the page's load, by when its script has taken over the pre-rendered
 * page.
 */
export class PopupPage {
  constructor(readonly page: Page) {}

  /** `onRequest` sees every request the popup page itself makes, from its first. */
  static async open(
    browser: ExtensionBrowser,
    onRequest?: (url: string) => void,
  ): Promise<PopupPage> {
    const page = await browser.context.newPage();
    if (onRequest) page.on('request', (request) => onRequest(request.url()));
    await page.goto(await toolbarPopupUrl(browser));
    return new PopupPage(page);
  }

  search = () => this.page.getByRole('searchbox', { name: 'Search Re:amaze' });
  results = () => this.page.getByRole('article');
  alert = () => this.page.getByRole('alert');

  async lookup(text: string) {
    await this.search().fill(text);
    await this.search().press('Enter');
    await this.settled();
  }

  /** Waits until the lookup ended: results, an empty state or an alert, and no spinner. */
  async settled() {
    await this.page.waitForFunction(
      () =>
        !document.querySelector('.loading') &&
        document.querySelector('.conversations, .empty, [role="alert"]'),
      undefined,
      { timeout: 30_000 },
    );
  }
}
