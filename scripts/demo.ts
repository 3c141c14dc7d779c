// `npm run demo`: the built extension in Chromium against the embedded fake Re:amaze. It connects
// the extension through the options page and looks conversations up in the popup, like an agent.
// With a display the browser stays open to explore; without one it runs headless and saves a
// screenshot of each step.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureChromium } from './chromium';
import { makeCertificate } from '../tests/fakes/certificate';
import { startFakeReamaze } from '../tests/fakes/reamaze-server';
import { DEMO, demoData } from '../tests/fakes/demo-data';
import { launchExtension } from '../tests/e2e/browser';
import { OptionsPage } from '../tests/e2e/pages/options-page';
import { PopupPage } from '../tests/e2e/pages/popup-page';

const headless = !process.env.DISPLAY;
const screenshots = resolve('.demo', new Date().toISOString().replace(/[:.]/g, '-'));

async function main() {
  ensureChromium();
  const hosts = Object.keys(demoData.brands).map((brand) => `${brand}.reamaze.io`);
  const { cert, key } = await makeCertificate(hosts);
  const fake = await startFakeReamaze({ cert, key, data: demoData, knobs: { latencyMs: 100 } });
  const browser = await launchExtension({
    hostMap: Object.fromEntries(hosts.map((host) => [host, fake.port])),
    headless,
  });
  console.log(`Fake Re:amaze (${hosts.join(', ')}) on https://127.0.0.1:${fake.port}`);
  if (headless) await mkdir(screenshots, { recursive: true });

  let step = 0;
  const shot = async (page: Page, name: string, said: string) => {
    step += 1;
    console.log(`${step}. ${said}`);
    if (headless) await page.screenshot({ path: `${screenshots}/${step}-${name}.png`, fullPage: true });
  };

  const options = await OptionsPage.open(browser);
  await options.fill({ brand: `${DEMO.brand}.reamaze.io`, email: DEMO.login.email, token: DEMO.login.token });
  await options.save();
  await options.status().filter({ hasText: 'Saved' }).waitFor();
  await shot(options.page, 'options-saved', `Options: saved brand "${DEMO.brand}" and ${DEMO.login.email}.`);
  await options.testConnection();
  await options.status().filter({ hasText: 'Connected' }).waitFor();
  await shot(options.page, 'options-connected', `Options: ${await options.status().innerText()}`);

  const popup = await PopupPage.open(browser);
  await popup.page.setViewportSize({ width: 420, height: 720 });
  for (const query of [DEMO.customer.email, DEMO.conversation.refId, 'no-such-order-9999']) {
    await popup.lookup(query);
    const found = await popup.results().count();
    await shot(popup.page, `popup-${step + 1}`, `Popup: looked up "${query}" and found ${found} conversation(s).`);
  }

  console.log(`The fake Re:amaze answered ${fake.log.length} requests, all from the background.`);
  if (headless) {
    console.log(`Screenshots: ${screenshots}`);
    await browser.close();
    await fake.close();
  } else {
    console.log('The browser stays open: open the extension from the toolbar. Ctrl+C ends the demo.');
    process.on('SIGINT', () => void browser.close().then(() => fake.close()).then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
