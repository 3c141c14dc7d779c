import type { Worker } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

/**
 * Stops the extension's service worker the way Chromium does when it idles (its memory goes with
 * it), and waits until it has stopped. The ServiceWorker domain acts on the workers of the page's
 * own origin, so this goes through an extension page.
 */
export async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  const cdp = await browser.context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((version) => version.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await page.close();
}

/** The extension's running service worker (started again if it was stopped). */
export async function runningServiceWorker(browser: ExtensionBrowser): Promise<Worker> {
  return (
    browser.context.serviceWorkers()[0] ??
    (await browser.context.waitForEvent('serviceworker', { timeout: 30_000 }))
  );
}

/**
 * The page the toolbar button opens: the popup in the browser's language, as the background set it
 * at start-up (lib/i18n/popup-page.ts). Headless Chromium has no toolbar to click.
 */
export async function toolbarPopupUrl(browser: ExtensionBrowser): Promise<string> {
  const worker = await runningServiceWorker(browser);
  return worker.evaluate(() => {
    // Runs in the service worker, where `chrome` is the extension API.
    const { action } = (globalThis as unknown as { chrome: { action: ChromeAction } }).chrome;
    return action.getPopup({});
  });
}

interface ChromeAction {
  getPopup(details: object): Promise<string>;
}

/** Whether the extension's local or session storage holds `text` anywhere (read in the worker). */
export async function extensionStorageHolds(
  browser: ExtensionBrowser,
  text: string,
): Promise<boolean> {
  const worker = await runningServiceWorker(browser);
  return worker.evaluate(async (wanted) => {
    // Runs in the service worker, where `chrome` is the extension API.
    const { storage } = (globalThis as unknown as { chrome: { storage: ChromeStorage } }).chrome;
    const [local, session] = await Promise.all([
      storage.local.get(null),
      storage.session.get(null),
    ]);
    return JSON.stringify([local, session]).includes(wanted);
  }, text);
}

interface ChromeStorage {
  local: { get(keys: null): Promise<Record<string, unknown>> };
  session: { get(keys: null): Promise<Record<string, unknown>> };
}
