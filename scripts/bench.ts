// `npm run bench`: the numbers the product promises, measured on the production build in
// Chromium with the fake Re:amaze answering after 100 ms. Each timed row is the median of RUNS
// runs, read on the browser's own clocks (see harness/timing.ts); each is printed beside its goal
// and the previous run's figure (bench/latest.json, rewritten by every run). A missed goal makes
// the run fail, naming it. Timing is never asserted in tests: this is the measure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { detectPage } from '../lib/detection';
import { DETECTOR_PARTS, DETECTOR_SCRIPTS } from '../lib/detection/script-files';
import { ensureChromium } from './chromium';
import { EXTENSION_DIR } from './harness/browser';
import { SHOPIFY_LIST, SHOPIFY_ORDER, shopifySpaPages, startHarness } from './harness/harness';
import { OptionsPage } from './harness/pages/options-page';
import { StorePage } from './harness/pages/store-page';
import { markFirstShown, timeLauncher, timePopup, timeSidebar } from './harness/timing';
import { stopServiceWorker, toolbarPopupUrl } from './harness/worker';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LATEST = 'bench/latest.json';

interface Row {
  id: string;
  what: string;
  unit: 'B' | 'ms' | '';
  /** The most it may be; none for rows that only inform. */
  goal?: number;
}

const ROWS: Row[] = [
  { id: 'contentScriptGzip', what: 'largest content script, gzip', unit: 'B', goal: 8 * 1024 },
  { id: 'launcherPartGzip', what: '+ its launcher, where a page has ids, gzip', unit: 'B' },
  { id: 'listPartGzip', what: '+ its part for order lists, gzip', unit: 'B' },
  { id: 'rulesPartGzip', what: '+ its part for the agent’s rules, gzip', unit: 'B' },
  { id: 'firstView', what: 'DOMContentLoaded → launcher count, first view', unit: 'ms', goal: 160 },
  { id: 'revisit', what: 'same, revisit from the cache', unit: 'ms', goal: 50 },
  { id: 'afterWorkerStop', what: 'same, after the worker stopped', unit: 'ms', goal: 220 },
  { id: 'sidebar', what: 'launcher click → first conversation', unit: 'ms', goal: 150 },
  { id: 'popup', what: 'popup → search field ready', unit: 'ms', goal: 100 },
  { id: 'requestsFirstView', what: 'API requests, first view', unit: '' },
  { id: 'requestsRevisit', what: 'API requests, revisit', unit: '' },
  { id: 'workerJs', what: 'worker (background.js)', unit: 'B' },
  { id: 'popupJs', what: 'popup, scripts at start (painted before them)', unit: 'B' },
  { id: 'sidebarJs', what: 'sidebar, scripts before first paint', unit: 'B' },
  { id: 'detectList', what: 'detection, 2,000-row list (jsdom)', unit: 'ms' },
  { id: 'detectBatch', what: 'detection per +50 rows (jsdom)', unit: 'ms' },
];

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
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    detectPage(url, dom.window.document);
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
  return { detectList: median(full), detectBatch: median(batches) };
}

/** Orders no run has looked up: the SPA admin's order page with another number and email. */
function freshOrders(count: number) {
  const [, order] = shopifySpaPages();
  return Array.from({ length: count }, (_, i) => ({
    url: `${SHOPIFY_ORDER.replace(/\d+$/, '')}${6600000000000 + i}`,
    html: order!.html
      .replaceAll('#1042', `#${7000 + i}`)
      .replaceAll('maya.chen@example.net', `buyer-${7000 + i}@example.org`),
  }));
}

async function benchBrowser() {
  ensureChromium();
  const fresh = freshOrders(RUNS * 2);
  const harness = await startHarness({ storePages: [...shopifySpaPages(), ...fresh] });
  const times: Record<string, number[]> = {};
  const add = (id: string, value: number) => (times[id] ??= []).push(value);
  let late = 0;
  try {
    await OptionsPage.connect(harness.browser);
    harness.fake.configure({ latencyMs: 100 });
    await markFirstShown(harness.browser.context);
    const { context } = harness.browser;
    const popupUrl = await toolbarPopupUrl(harness.browser);

    /** One store page view: DOMContentLoaded → count, and the API requests it caused. */
    const view = async (url: string, id: string, requestsId?: string) => {
      harness.fake.clearLog();
      const page = await context.newPage();
      const timing = await timeLauncher(page, url);
      add(id, timing.ms);
      if (timing.late) late++;
      if (requestsId) add(requestsId, harness.fake.log.length);
      return page;
    };

    for (let run = 0; run < RUNS; run++) {
      // An agent opens an order after a pause: the worker stopped, its memory gone.
      await stopServiceWorker(harness.browser);
      await (await view(fresh[run * 2]!.url, 'afterWorkerStop')).close();

      await (await view(fresh[run * 2 + 1]!.url, 'firstView', 'requestsFirstView')).close();

      // The order with conversations, seen once, then again in another tab: from the cache.
      await (await view(SHOPIFY_ORDER, 'seen')).close();
      const page = await view(SHOPIFY_ORDER, 'revisit', 'requestsRevisit');
      const store = await StorePage.of(page);
      await store.waitForLauncher(/conversation/);
      add('sidebar', await timeSidebar(page, () => store.clickLauncher()));
      await page.close();

      const popup = await context.newPage();
      add('popup', await timePopup(popup, popupUrl));
      await popup.close();
    }
  } finally {
    await harness.close();
  }
  const result = Object.fromEntries(Object.entries(times).map(([id, v]) => [id, median(v)]));
  return { result, late };
}

function sizeOf(path: string): number {
  return readFileSync(path).length;
}

function gzipOf(path: string): number {
  return gzipSync(readFileSync(path)).length;
}

/** The scripts a page loads before it runs: its module and the chunks it preloads. */
function firstPaintJs(page: string): number {
  const html = readFileSync(`${EXTENSION_DIR}/${page}`, 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map(([, path]) => path!);
  return scripts.reduce((sum, path) => sum + sizeOf(`${EXTENSION_DIR}/${path}`), 0);
}

function format(value: number | undefined, unit: Row['unit']): string {
  if (value === undefined) return '–';
  if (unit === 'B') return `${value.toLocaleString('en')} B`;
  if (unit === 'ms') return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  return String(value);
}

const previous = existsSync(LATEST)
  ? (JSON.parse(readFileSync(LATEST, 'utf8')) as { commit?: string; rows?: Record<string, number> })
  : {};
/**
 * Each detector content script's gzip size: a store page loads one (lib/detection/scripts.ts); a
 * page with ids also imports the launcher, an order list or a page with rules that part.
 */
const contentScripts = Object.values(DETECTOR_SCRIPTS)
  .map((file) => [file.slice(1), gzipOf(`${EXTENSION_DIR}${file}`)] as const)
  .sort((a, b) => b[1] - a[1]);
const figures: Record<string, number> = {
  contentScriptGzip: Math.max(...contentScripts.map(([, size]) => size)),
  launcherPartGzip: gzipOf(`${EXTENSION_DIR}${DETECTOR_PARTS.launcher}`),
  listPartGzip: gzipOf(`${EXTENSION_DIR}${DETECTOR_PARTS.list}`),
  rulesPartGzip: gzipOf(`${EXTENSION_DIR}${DETECTOR_PARTS.rules}`),
  workerJs: sizeOf(`${EXTENSION_DIR}/background.js`),
  popupJs: firstPaintJs('popup.html'),
  sidebarJs: firstPaintJs('sidebar.html'),
  ...benchDetection(),
};
const browser = await benchBrowser();
Object.assign(figures, browser.result);

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
console.log(`Re:amaze Inline benchmark (medians of ${RUNS} runs, fake Re:amaze at 100 ms)`);
const table = ROWS.map((row) => [
  row.what,
  format(figures[row.id], row.unit),
  row.goal === undefined ? '' : `≤ ${format(row.goal, row.unit)}`,
  format(previous.rows?.[row.id], row.unit),
]);
const header = ['what', 'now', 'goal', `previous (${previous.commit ?? 'none'})`];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
for (const line of [header, ...table]) {
  console.log(
    line
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  '),
  );
}
console.log(
  `content scripts, gzip: ${contentScripts.map(([file, size]) => `${file} ${format(size, 'B')}`).join(', ')}`,
);
if (browser.late > 0) {
  console.log(
    `(${browser.late} views counted before the bench watched: those figures are upper bounds)`,
  );
}

mkdirSync('bench', { recursive: true });
const rounded = (value: number | undefined) =>
  value === undefined ? undefined : Math.round(value * 10) / 10;
const rows = Object.fromEntries(ROWS.map((row) => [row.id, rounded(figures[row.id])]));
writeFileSync(LATEST, `${JSON.stringify({ commit, runs: RUNS, rows }, null, 2)}\n`);

const missed = ROWS.filter((row) => row.goal !== undefined && !(figures[row.id]! <= row.goal));
if (missed.length > 0) {
  console.error(
    `Missed goals: ${missed.map((row) => `${row.what} ${format(figures[row.id], row.unit)} > ${format(row.goal, row.unit)}`).join('; ')}`,
  );
  process.exitCode = 1;
}
