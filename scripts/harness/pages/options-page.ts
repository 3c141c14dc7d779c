import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../browser';
import { DEMO } from '../../../tests/fakes/demo-data';

export interface BrandLogin {
  brand: string;
  email: string;
  token: string;
}

const DEMO_LOGIN: BrandLogin = {
  brand: DEMO.brand,
  email: DEMO.login.email,
  token: DEMO.login.token,
};

/**
 * The options page, found the way an agent with a screen reader finds it: sections by their
 * headings, fields by their labels, buttons by their names.
 */
export class OptionsPage {
  constructor(readonly page: Page) {}

  static async open(browser: ExtensionBrowser): Promise<OptionsPage> {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    const options = new OptionsPage(page);
    await options.brands().waitFor();
    return options;
  }

  /** Connects the extension as the demo agent (or `login`), through this page as an agent would. */
  static async connect(browser: ExtensionBrowser, login: BrandLogin = DEMO_LOGIN): Promise<void> {
    const options = await OptionsPage.open(browser);
    await options.addBrand(login);
    await options.page.close();
  }

  section = (name: string) => this.page.getByRole('region', { name, exact: true });
  brands = () => this.section('Brands');
  stores = () => this.section('Stores and brands');
  rules = () => this.section('Detection rules');

  brand = () => this.brands().getByLabel('Brand', { exact: true });
  email = () => this.brands().getByLabel('Login email', { exact: true });
  token = () => this.brands().getByLabel('API token', { exact: true });
  /** The outcome of the last action on brands: saved, tested, made default. */
  status = () => this.brands().getByRole('status').first();
  alert = () => this.brands().getByRole('alert').first();
  /** A saved brand's entry in the list. */
  brandItem = (brand: string) =>
    this.brands()
      .getByRole('listitem')
      .filter({ has: this.page.getByText(brand, { exact: true }) });

  async fill(values: BrandLogin) {
    await this.brand().fill(values.brand);
    await this.email().fill(values.email);
    await this.token().fill(values.token);
  }

  /** Saves the brand form; the background tests the connection first. */
  async save() {
    await this.brands().getByRole('button', { name: 'Save brand', exact: true }).click();
  }

  async testConnection() {
    await this.brands().getByRole('button', { name: 'Test connection', exact: true }).click();
  }

  /** Opens the add form unless it is open already (it is, while there is no brand). */
  async startAdding() {
    if (await this.brand().isVisible()) return;
    await this.brands().getByRole('button', { name: 'Add brand', exact: true }).click();
  }

  /** Adds a brand and waits until it is saved; fails with the page's alert if it is refused. */
  async addBrand(login: BrandLogin) {
    await this.startAdding();
    await this.fill(login);
    await this.saveAndWait();
  }

  /** Saves the brand form and waits for "Saved."; fails with the page's alert if refused. */
  async saveAndWait() {
    await this.save();
    await settled(this.brands(), 'Saved.');
  }

  async makeDefault(brand: string) {
    await this.brands()
      .getByRole('button', { name: `Make default: ${brand}`, exact: true })
      .click();
    await settled(this.brands(), `${brand} is now the default brand.`);
  }

  /** Maps a store (its admin address, as pasted from the address bar) to a brand and saves. */
  async mapStore(store: string, brand: string) {
    const stores = this.stores();
    await stores.getByRole('button', { name: 'Add store', exact: true }).click();
    await stores.getByLabel('Store address', { exact: true }).last().fill(store);
    await stores.getByLabel('Brand for this store', { exact: true }).last().selectOption(brand);
    await stores.getByRole('button', { name: 'Save stores', exact: true }).click();
    await settled(stores, 'Stores saved.');
  }

  /** The error message a field's aria-describedby points to, or null when it has none. */
  async fieldError(field: Locator): Promise<string | null> {
    if ((await field.getAttribute('aria-invalid')) !== 'true') return null;
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ');
    const errorId = ids.find((id) => id.endsWith('-error'));
    return errorId ? this.page.locator(`[id="${errorId}"]`).innerText() : null;
  }
}

/** Waits for a section's status to say `done`; its alert, if one appears instead, is the error. */
async function settled(section: Locator, done: string) {
  const status = section.getByRole('status').filter({ hasText: done });
  const alert = section.getByRole('alert');
  await status.or(alert).first().waitFor();
  if (await alert.isVisible())
    throw new Error(`The options page refused: ${await alert.first().innerText()}`);
}
