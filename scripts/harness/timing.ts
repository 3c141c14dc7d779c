import type { BrowserContext, CDPSession, ConsoleMessage, Page } from 'playwright-core';

/**
 * Timings read inside the browser, each on the clock of the document it concerns, so the
 * harness's own round trips do not count.
 */

/** The content script's isolated world, as Chromium names it for DevTools. */
const CONTENT_WORLD = 'Re:amaze Inline';

/**
 * Runs in the content script's world as soon as it exists: resolves once the launcher's label
 * names a count, with that moment and DOMContentLoaded on the page's clock. The launcher is in a
 * closed shadow root, which the extension's own world may open (`chrome.dom`). `late` says the
 * count was already there when this started watching (its time is then an upper bound).
 */
const WATCH_LAUNCHER = `new Promise((resolve) => {
  const rootOf = () => {
    const host = document.querySelector('reamaze-inline-sidebar');
    return host && chrome.dom.openOrClosedShadowRoot(host);
  };
  const finish = (label, late) => {
    const at = performance.now();
    const wait = () => {
      const nav = performance.getEntriesByType('navigation')[0];
      if (nav && nav.domContentLoadedEventStart > 0)
        resolve({ at, dcl: nav.domContentLoadedEventStart, label, late });
      else setTimeout(wait, 5);
    };
    wait();
  };
  const counted = () => {
    const label = rootOf()?.querySelector('button')?.getAttribute('aria-label') ?? '';
    return /conversation/.test(label) ? label : null;
  };
  const observers = [];
  let watched = null;
  const check = () => {
    const root = rootOf();
    if (root && root !== watched) {
      watched = root;
      const inner = new MutationObserver(check);
      inner.observe(root, { attributes: true, childList: true, subtree: true, characterData: true });
      observers.push(inner);
    }
    const label = counted();
    if (!label) return false;
    observers.forEach((observer) => observer.disconnect());
    finish(label, false);
    return true;
  };
  const early = counted();
  if (early) return finish(early, true);
  const outer = new MutationObserver(check);
  outer.observe(document.documentElement, { childList: true, subtree: true });
  observers.push(outer);
  check();
})`;

export interface LauncherTiming {
  /** DOMContentLoaded → the launcher shows its count, in ms. */
  ms: number;
  label: string;
  late: boolean;
}

/** Navigates `page` to `url` and times DOMContentLoaded → the launcher's count. */
export async function timeLauncher(page: Page, url: string): Promise<LauncherTiming> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const timing = new Promise<LauncherTiming>((resolve, reject) => {
      cdp.on('Runtime.executionContextCreated', ({ context }) => {
        if (context.name !== CONTENT_WORLD || context.auxData?.type !== 'isolated') return;
        void watch(cdp, context.id).then(resolve, reject);
      });
    });
    await cdp.send('Runtime.enable');
    await page.goto(url);
    return await withTimeout(timing, 20_000, `the launcher never counted on ${url}`);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

async function watch(cdp: CDPSession, contextId: number): Promise<LauncherTiming> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: WATCH_LAUNCHER,
    contextId,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? 'watch failed');
  const { at, dcl, label, late } = result.value as {
    at: number;
    dcl: number;
    label: string;
    late: boolean;
  };
  return { ms: at - dcl, label, late };
}

/** What an extension page logs once its first match of the watched selector is shown. */
const SHOWN = 'reamaze-inline-bench:shown';

/**
 * Marks, in every extension page that opens from now on, when its first match of `selector` was
 * shown to the agent (epoch ms): in the DOM and intersecting the viewport, so a sidebar loaded
 * behind the closed panel counts from the click that shows it. For a click in a store page it
 * marks when the click happened (`window.__benchClick`). Init scripts run before the page's own,
 * whatever its CSP. The page logs the moment to the console, which the harness reads as the
 * browser reports it: polling the page instead would run the harness's own script inside the
 * extension page while it starts, and count that too.
 */
export async function markFirstShown(context: BrowserContext): Promise<void> {
  await context.addInitScript((shown) => {
    if (location.protocol === 'chrome-extension:') {
      const selector = /^\/popup(-[a-z]+)?\.html$/.test(location.pathname)
        ? 'input[type="search"]'
        : 'article';
      // No named functions in here: the harness's compiler would wrap them in a helper the page
      // lacks.
      const observer = new MutationObserver(() => {
        const element = document.querySelector(selector);
        if (!element) return;
        observer.disconnect();
        const visible = new IntersectionObserver((entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          visible.disconnect();
          console.debug(shown, performance.timeOrigin + performance.now());
        });
        visible.observe(element);
      });
      observer.observe(document, { childList: true, subtree: true });
    } else {
      const marks = window as unknown as { __benchClick?: number };
      window.addEventListener(
        'click',
        (event) => (marks.__benchClick ??= performance.timeOrigin + event.timeStamp),
        true,
      );
    }
  }, SHOWN);
}

/** The epoch ms an extension page in `page` (or one of its frames) logged as shown. */
function firstShown(page: Page): Promise<number> {
  return withTimeout(
    new Promise<number>((resolve) => {
      const onConsole = (message: ConsoleMessage) => {
        const [label, at] = message.text().split(' ');
        if (label !== SHOWN) return;
        page.off('console', onConsole);
        resolve(Number(at));
      };
      page.on('console', onConsole);
    }),
    20_000,
    `nothing was shown in ${page.url()}`,
  );
}

/** Opens the popup at `url` as a page: navigation start → its search field, in ms. */
export async function timePopup(page: Page, url: string): Promise<number> {
  const shown = firstShown(page);
  await page.goto(url);
  return (await shown) - (await page.evaluate(() => performance.timeOrigin));
}

/** The store page's launcher click → the sidebar's first conversation, in ms. */
export async function timeSidebar(page: Page, click: () => Promise<void>): Promise<number> {
  const shown = firstShown(page);
  await click();
  const shownAt = await shown;
  const clickedAt = await page.evaluate(
    () => (window as unknown as { __benchClick?: number }).__benchClick,
  );
  if (clickedAt === undefined) throw new Error('The click was not seen by the store page');
  return shownAt - clickedAt;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
