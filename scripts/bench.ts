// `npm run bench`: the numbers the product promises, measured on the production build.
//  - content-script size (gzip)
//  - detection time on a 2,000-row order list, and per batch of DOM changes
//  - page load → launcher ready, with 100 ms of fake API latency, cold and cached
//  - API requests per order view, cold and cached
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { JSDOM } from 'jsdom';
import { detectPage } from '../lib/detection';
import { ensureChromium } from './chromium';
import { EXTENSION_DIR } from './harness/browser';
import { SHOPIFY_LIST, SHOPIFY_ORDER, shopifySpaPages, startHarness } from './harness/harness';
import { OptionsPage } from './harness/pages/options-page';
import { StorePage } from './harness/pages/store-page';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function orderListHtml(rows: number, from = 1000): string {
  const row = (n: number) =>
    `<tr><td><a class="order-link" href="/store/northwind-goods/orders/${5523819086117 + n}">#${from + n}</a></td>` +
    `<td>Nov 25, 2026</td><td>Customer ${n}</td><td>$${(n % 97) + 10}.00</td><td>SKU-${n}</td></tr>`;
  return `<!doctype html><html><body><main><h1>Orders</h1><table><tbody>${Array.from({ length: rows }, (_, i) => row(i)).join('')}</tbody></table></main></body></html>`;
}

function benchDetection() {
  const dom = new JSDOM(orderListHtml(2000), { url: SHOPIFY_LIST });
  const url = new URL(SHOPIFY_LIST);
  const full: number[] = [];
  let found = 0;
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    found = detectPage(url, dom.window.document).orderRefs.length;
    full.push(performance.now() - start);
  }
  const tbody = dom.window.document.querySelector('tbody')!;
  const batches: number[] = [];
  for (let i = 0; i < 15; i++) {
    // One batch of DOM changes: 50 more rows arrive (an infinite-scroll page), then one detection.
    tbody.insertAdjacentHTML(
      'beforeend',
      orderListHtml(50, 5000 + i * 50).replace(/^.*<tbody>|<\/tbody>.*$/gs, ''),
    );
    const start = performance.now();
    detectPage(url, dom.window.document);
    batches.push(performance.now() - start);
  }
  return { full: median(full), batch: median(batches), found };
}

async function benchBrowser() {
  ensureChromium();
  const harness = await startHarness({ storePages: shopifySpaPages() });
  try {
    await OptionsPage.connect(harness.browser);
    harness.fake.configure({ latencyMs: 100 });

    const view = async () => {
      harness.fake.clearLog();
      const page = await harness.browser.context.newPage();
      const start = performance.now();
      const store = await StorePage.open(page, SHOPIFY_ORDER);
      await store.waitForLauncher(/conversation/);
      const ms = performance.now() - start;
      const requests = harness.fake.log.map((r) => `${r.path}?${new URLSearchParams(r.query)}`);
      await page.close();
      return { ms, requests };
    };
    const cold = await view();
    const cached = await view();
    return { cold, cached };
  } finally {
    await harness.close();
  }
}

const script = readFileSync(`${EXTENSION_DIR}/content-scripts/detector.js`);
const detection = benchDetection();
const browser = await benchBrowser();

console.log('Re:amaze Inline benchmark');
console.log(
  `content script: ${(script.length / 1024).toFixed(1)} KiB, ${(gzipSync(script).length / 1024).toFixed(1)} KiB gzip`,
);
console.log(
  `detection, 2,000-row order list: ${detection.full.toFixed(1)} ms (median of 15; ${detection.found} order numbers reported, the detector's cap)`,
);
console.log(
  `detection per mutation batch (+50 rows): ${detection.batch.toFixed(1)} ms (median of 15)`,
);
console.log(
  `page load → launcher ready, 100 ms API latency: cold ${browser.cold.ms.toFixed(0)} ms, cached ${browser.cached.ms.toFixed(0)} ms`,
);
console.log(
  `API requests per order view: cold ${browser.cold.requests.length}, cached ${browser.cached.requests.length}`,
);
for (const request of browser.cold.requests) console.log(`  cold: GET ${request}`);
