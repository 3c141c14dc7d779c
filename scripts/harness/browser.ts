import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium } from '../chromium';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/**
 * The production build loaded into a fresh Chromium profile. `hostMap` sends real hostnames
 * (e.g. northwind.reamaze.io) to local HTTPS fakes, whose throwaway certificate Chromium accepts.
 */
export async function launchExtension(options: {
  hostMap: Record<string, number>;
  headless?: boolean;
  /**
   * Store sites to load already granted, as if the agent had enabled them. Headless Chromium
   * cannot answer the permission prompt, so a copy of the build gets them as host permissions;
   * the background then registers the detector for them through its usual start-up sync.
   */
  grantedSites?: string[];
  /**
   * An X display (see tests/e2e/desktop.ts) to run Chromium headful on, for the browser UI that
   * only real input reaches: context menus and the omnibox. The window fills the 1280x900 screen
   * from 0,0 and the page is not resized (no viewport emulation), so page and screen coordinates
   * line up.
   */
  display?: string;
}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}. Run "npm run build" first.`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'reamaze-inline-profile-'));
  const extensionDir = options.grantedSites?.length
    ? await copyWithGrants(options.grantedSites, userDataDir)
    : EXTENSION_DIR;
  const rules = Object.entries(options.hostMap)
    .map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`)
    .join(', ');

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath:
      findChromium() ?? fail('Chromium was not found: sudo apt-get install -y chromium'),
    headless: false, // headless mode is chosen below with --headless=new, which keeps extensions
    ignoreDefaultArgs: ['--disable-extensions'],
    ...(options.display
      ? { env: { ...process.env, DISPLAY: options.display }, viewport: null }
      : {}),
    args: [
      ...(options.display
        ? ['--window-position=0,0', '--window-size=1280,900']
        : options.headless === false
          ? []
          : ['--headless=new']),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${rules}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

  const serviceWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;

  return {
    context,
    extensionId,
    serviceWorker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

async function copyWithGrants(sites: string[], into: string): Promise<string> {
  const copy = join(into, 'extension');
  await cp(EXTENSION_DIR, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ...sites];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return copy;
}

function fail(message: string): never {
  throw new Error(message);
}
