import { makeCertificate } from '../fakes/certificate';
import { startFakeReamaze, type FakeReamaze } from '../fakes/reamaze-server';
import { demoData } from '../fakes/demo-data';
import { launchExtension, type ExtensionBrowser } from './browser';

export interface Harness {
  browser: ExtensionBrowser;
  fake: FakeReamaze;
  close(): Promise<void>;
}

/** A fresh Chromium profile with the built extension, and the fake Re:amaze at its real hosts. */
export async function startHarness(): Promise<Harness> {
  const hosts = Object.keys(demoData.brands).map((brand) => `${brand}.reamaze.io`);
  const { cert, key } = await makeCertificate(hosts);
  const fake = await startFakeReamaze({ cert, key, data: demoData });
  const browser = await launchExtension({
    hostMap: Object.fromEntries(hosts.map((host) => [host, fake.port])),
  });
  return {
    browser,
    fake,
    async close() {
      await browser.close();
      await fake.close();
    },
  };
}
