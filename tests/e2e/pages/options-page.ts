import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../browser';

/** The options page, found the way an agent with a screen reader finds it: by labels and roles. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  static async open(browser: ExtensionBrowser): Promise<OptionsPage> {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    await page.getByLabel('Brand').waitFor();
    return new OptionsPage(page);
  }

  brand = () => this.page.getByLabel('Brand');
  email = () => this.page.getByLabel('Login email');
  token = () => this.page.getByLabel('API token');
  status = () => this.page.getByRole('status');
  alert = () => this.page.getByRole('alert');

  async fill(values: { brand: string; email: string; token: string }) {
    await this.brand().fill(values.brand);
    await this.email().fill(values.email);
    await this.token().fill(values.token);
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save' }).click();
  }

  async testConnection() {
    await this.page.getByRole('button', { name: 'Test connection' }).click();
  }
}
