import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../browser';

const LABEL = 'Undo window (seconds)';

/**
 * The composer's undo window on the options page: how long a sent message waits, with an Undo
 * button, before it leaves. Read and set as an agent would, by the field's label.
 */
export async function readUndoWindow(browser: ExtensionBrowser): Promise<string> {
  const page = await openOptions(browser);
  const value = await loadedValue(page.getByLabel(LABEL, { exact: true }));
  await page.close();
  return value;
}

/** Sets the undo window and waits until a freshly opened options page shows the new value. */
export async function setUndoWindow(browser: ExtensionBrowser, seconds: number): Promise<void> {
  const page = await openOptions(browser);
  const field = page.getByLabel(LABEL, { exact: true });
  await loadedValue(field);
  await field.fill(String(seconds));
  // Saved by its section's Save button, or on change where the section has none.
  const section = page.getByRole('region').filter({ has: field }).last();
  const save = section.getByRole('button', { name: /^Save/ });
  if ((await save.count()) > 0) await save.first().click();
  else await field.press('Tab');
  const alert = section.getByRole('alert');
  for (let tries = 0; ; tries++) {
    if (await alert.isVisible()) {
      throw new Error(`The options page refused the undo window: ${await alert.innerText()}`);
    }
    const check = await openOptions(browser);
    const saved = await loadedValue(check.getByLabel(LABEL, { exact: true }));
    await check.close();
    if (saved === String(seconds)) break;
    if (tries >= 50) throw new Error(`The undo window stayed ${saved}, not ${seconds}`);
    await page.waitForTimeout(200);
  }
  await page.close();
}

async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  return page;
}

/** The field's value once the page has filled it in from the settings. */
async function loadedValue(field: Locator): Promise<string> {
  await field.waitFor();
  for (let tries = 0; tries < 100; tries++) {
    const value = await field.inputValue();
    if (value !== '') return value;
    await field.page().waitForTimeout(100);
  }
  throw new Error(`The options page never showed a value for "${LABEL}"`);
}
