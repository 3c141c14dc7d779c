import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium } from '../../scripts/chromium';

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
  extensionDir?: string;
}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}. Run "npm run build" first.`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'reamaze-inline-profile-'));
  const rules = Object.entries(options.hostMap)
    .map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`)
    .join(', ');

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium() ?? fail('Chromium was not found: sudo apt-get install -y chromium'),
    headless: false, // headless mode is chosen below with --headless=new, which keeps extensions
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...(options.headless === false ? [] : ['--headless=new']),
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
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
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

function fail(message: string): never {
  throw new Error(message);
}
