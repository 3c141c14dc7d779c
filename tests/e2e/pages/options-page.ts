import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../browser';
import { DEMO } from '../../fakes/demo-data';

/** The options page, found the way an agent with a screen reader finds it: by labels and roles. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  static async open(browser: ExtensionBrowser): Promise<OptionsPage> {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    await page.getByLabel('Brand', { exact: true }).waitFor();
    return new OptionsPage(page);
  }

  brand = () => this.page.getByLabel('Brand', { exact: true });
  email = () => this.page.getByLabel('Login email', { exact: true });
  token = () => this.page.getByLabel('API token', { exact: true });
  /** The connection form's outcome (the first status and alert on the page). */
  status = () => this.page.getByRole('status').first();
  alert = () => this.page.getByRole('alert').first();

  async fill(values: { brand: string; email: string; token: string }) {
    await this.brand().fill(values.brand);
    await this.email().fill(values.email);
    await this.token().fill(values.token);
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }

  /** Connects the extension as the demo agent, through this page as an agent would. */
  static async connect(browser: ExtensionBrowser): Promise<void> {
    const options = await OptionsPage.open(browser);
    await options.fill({ brand: DEMO.brand, email: DEMO.login.email, token: DEMO.login.token });
    await options.save();
    await options.status().filter({ hasText: 'Saved' }).waitFor();
    await options.page.close();
  }

  async testConnection() {
    await this.page.getByRole('button', { name: 'Test connection', exact: true }).click();
  }
}
