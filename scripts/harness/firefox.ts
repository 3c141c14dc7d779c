// The Firefox package (`npm run zip:firefox`, what a store or a user installs) in Debian's firefox-esr, driven over WebDriver BiDi with
// puppeteer-core (Playwright's Firefox is a patched build that would have to be downloaded). The
// same fakes as the Chromium runs, at the same real host names.
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FakeReamaze } from '../../tests/fakes/reamaze-server';
import type { StorePage, StoreServer } from '../../tests/fakes/store-server';
import { startHostProxy, type HostProxy } from '../../tests/fakes/host-proxy';
import { findFirefox } from '../firefox';
import { startFakes } from './harness';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');
const { name, version } = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8'),
) as { name: string; version: string };
/** The zip `wxt zip -b firefox` makes of that build. */
export const FIREFOX_ZIP = resolve(
  import.meta.dirname,
  `../../.output/${name}-${version}-firefox.zip`,
);

export interface FirefoxHarness {
  browser: Browser;
  fake: FakeReamaze;
  store: StoreServer;
  proxy: HostProxy;
  /** The add-on id of the manifest (browser_specific_settings.gecko.id). */
  addonId: string;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/**
 * A fresh Firefox profile with the build installed as a temporary add-on (as about:debugging
 * does), the fake Re:amaze at its real hosts and, when given, store admin pages at theirs.
 *
 * Test-environment browser settings only, nothing in the add-on:
 * - host names: Firefox has no host-resolver rules, so every request goes through a local proxy
 *   that tunnels each mapped host to its fake and refuses the rest (tests/fakes/host-proxy.ts);
 * - the throwaway certificate: the BiDi session accepts insecure certificates, which covers the
 *   add-on's background requests too;
 * - the add-on's internal UUID (its moz-extension:// host) is chosen up front by pref;
 * - `--remote-allow-system-access` lets BiDi open and evaluate moz-extension:// pages;
 * - optional permission requests are granted without the prompt headless Firefox cannot show
 *   (`extensions.webextOptionalPermissionPrompts`), the way a click on "Allow" would.
 */
export async function startFirefoxHarness(
  options: { storePages?: StorePage[] } = {},
): Promise<FirefoxHarness> {
  const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath) || !existsSync(FIREFOX_ZIP)) {
    throw new Error(`No Firefox package in ${FIREFOX_ZIP}. Run "npm run zip:firefox" first.`);
  }
  const addonId: string = JSON.parse(readFileSync(manifestPath, 'utf8')).browser_specific_settings
    .gecko.id;
  const executablePath =
    findFirefox() ?? fail('Firefox was not found: sudo apt-get install -y firefox-esr');
  const { fake, store, hostMap } = await startFakes(options.storePages ?? []);
  const proxy = await startHostProxy(hostMap);
  const profile = await mkdtemp(join(tmpdir(), 'reamaze-inline-firefox-'));
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    acceptInsecureCerts: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  // The zip itself, installed as a temporary add-on: the package users get, not the folder.
  const installed = await browser.installExtension(FIREFOX_ZIP);
  if (installed !== addonId) throw new Error(`Installed ${installed}, expected ${addonId}`);

  return {
    browser,
    fake,
    store,
    proxy,
    addonId,
    extensionUrl: (path) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`,
    async close() {
      await browser.close();
      await Promise.all([fake.close(), store.close(), proxy.close()]);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens an extension page (options.html, popup.html) in a new tab. BiDi navigates there but sends
 * no load event for a moz-extension:// document, so this waits for the document itself.
 */
export async function openExtensionPage(harness: FirefoxHarness, path: string): Promise<Page> {
  const page = await harness.browser.newPage();
  const url = harness.extensionUrl(path);
  void page.goto(url).catch(() => undefined); // settles only by its timeout; the poll decides
  await waitUntil(
    () =>
      page
        .evaluate(() => `${location.href.split(/[?#]/)[0]} ${document.readyState}`)
        .catch(() => ''),
    (state) => state === `${url.split(/[?#]/)[0]} complete`,
    `${path} never loaded`,
  );
  return page;
}

/** The element with this ARIA role and exact accessible name, once there. */
export async function byRole(
  scope: Page | Frame,
  role: string,
  name: string,
): Promise<ElementHandle<Element>> {
  const handle = await scope.waitForSelector(
    `::-p-aria([role=${JSON.stringify(role)}][name=${JSON.stringify(name)}])`,
    { timeout: 20_000 },
  );
  if (!handle) throw new Error(`No ${role} named ${name}`);
  return handle;
}

/**
 * The form field labelled `label` (its <label>, or its aria-label), once there. Firefox computes
 * no ARIA role for some fields (a password field has none), so fields are found by label.
 */
export async function byLabel(scope: Page | Frame, label: string): Promise<ElementHandle<Element>> {
  const found = await waitUntil(
    () =>
      scope.evaluateHandle((name) => {
        const fields = [...document.querySelectorAll('input, textarea, select')];
        return (
          fields.find((field) => field.getAttribute('aria-label') === name) ??
          [...document.querySelectorAll('label')].find(
            (candidate) => candidate.textContent?.trim() === name,
          )?.control ??
          null
        );
      }, label),
    (handle) => handle.asElement() !== null,
    `No field labelled ${label}`,
  );
  return found.asElement() as ElementHandle<Element>;
}

/** Types into a text field as the agent would, after clearing it. */
export async function typeInto(field: ElementHandle<Element>, text: string): Promise<void> {
  await field.click({ count: 3 });
  await field.press('Backspace');
  await field.type(text);
}

/** The visible text of a page or frame. */
export function textOf(scope: Page | Frame): Promise<string> {
  return scope.evaluate(() => document.body.innerText);
}

/** Waits until the page or frame shows `text` (or matches it). */
export async function waitForText(scope: Page | Frame, text: string | RegExp): Promise<string> {
  return waitUntil(
    () => textOf(scope).catch(() => ''),
    (shown) => (typeof text === 'string' ? shown.includes(text) : text.test(shown)),
    `Never showed ${String(text)}`,
  );
}

/**
 * Opens the sidebar of a store page with the keyboard, as an agent who does not use a mouse
 * would: the launcher is the last stop in the tab order (its host ends the document), so
 * Shift+Tab from the page reaches it and Enter opens it. Its closed shadow root is out of reach
 * of WebDriver BiDi's selectors, so the keyboard is also the one way in; the focused element the
 * page sees is the launcher's host. Returns the sidebar's frame.
 */
export async function openSidebar(page: Page): Promise<Frame> {
  await page.waitForSelector('reamaze-inline-sidebar', { timeout: 20_000 });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.down('Shift');
  await page.keyboard.press('Tab');
  await page.keyboard.up('Shift');
  const focused = await page.evaluate(() => document.activeElement?.localName);
  if (focused !== 'reamaze-inline-sidebar') {
    throw new Error(`Shift+Tab focused ${focused}, not the launcher`);
  }
  await page.keyboard.press('Enter');
  return waitUntil(
    async () => {
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        const path = await frame.evaluate(() => location.pathname).catch(() => '');
        if (path === '/sidebar.html') return frame;
      }
      return null;
    },
    (frame) => frame !== null,
    'The sidebar frame never appeared',
  ) as Promise<Frame>;
}

/** Polls `read` until `done` says yes (20 s at most), then gives the last value. */
export async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  message: string,
  timeout = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`${message}; last: ${String(last).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

function fail(message: string): never {
  throw new Error(message);
}
