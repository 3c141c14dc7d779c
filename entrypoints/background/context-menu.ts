import { browser, type Browser } from 'wxt/browser';
import { z } from 'zod';
import { classifyLink, classifyText, idsOfTerms, type SearchTerm } from '@/lib/lookup/classify';
import type { TabConversationService } from '@/lib/lookup/tabs';
import type { Translate } from '@/lib/i18n/translate';

const SEARCH_SELECTION = 'search-selection';
const SEARCH_LINK = 'search-link';

/** Menu items are kept by the browser across restarts; they are (re)created on install. */
export function createContextMenus(t: Translate) {
  void browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({
      id: SEARCH_SELECTION,
      title: t('menu.searchSelection'),
      contexts: ['selection'],
    });
    browser.contextMenus.create({
      id: SEARCH_LINK,
      title: t('menu.searchLink'),
      contexts: ['link'],
    });
  });
}

const LinkTextSchema = z
  .string()
  .max(2000)
  .transform((text) => text.replace(/\s+/g, ' ').trim().slice(0, 200));

/**
 * A click on one of our items: classify what was clicked, start the search for that tab, and show
 * the results in the tab's own sidebar. The click grants activeTab, which is what lets us read the
 * link's text and inject the sidebar's host on any page, with no broad host permission.
 */
export async function searchFromMenu(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  deps: {
    tabs: TabConversationService;
    showSidebar(tabId: number): Promise<boolean>;
    showElsewhere(query: string): Promise<void>;
  },
) {
  const tabId = tab?.id;
  const pageUrl = info.pageUrl ?? tab?.url;
  let query: string;
  let terms: SearchTerm[];
  if (info.menuItemId === SEARCH_LINK && info.linkUrl) {
    query = info.linkUrl;
    const text = tabId === undefined ? '' : await linkText(tabId, info.frameId ?? 0, info.linkUrl);
    terms = classifyLink(info.linkUrl, text);
  } else if (info.menuItemId === SEARCH_SELECTION && info.selectionText) {
    query = info.selectionText.slice(0, 500);
    terms = classifyText(query);
  } else {
    return;
  }
  if (tabId === undefined || tabId < 0 || !pageUrl || !/^https?:/.test(pageUrl))
    return deps.showElsewhere(query);
  deps.tabs.searchIn(tabId, pageUrl, query, idsOfTerms(terms));
  if (!(await deps.showSidebar(tabId))) await deps.showElsewhere(query);
}

/**
 * Runs a script in the tab the agent right-clicked. The click's activeTab grant can reach the
 * page a moment after the click event reaches us ("Cannot access contents of the page"), so that
 * one failure is retried briefly; any other failure (a browser page, the web store) is final.
 */
export async function executeInClickedTab<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const notYetGranted =
        error instanceof Error && /Cannot access contents of the page/.test(error.message);
      if (!notYetGranted || attempt >= GRANT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, GRANT_RETRY_MS));
    }
  }
}

const GRANT_ATTEMPTS = 10;
const GRANT_RETRY_MS = 100;

/** The visible text of the clicked link: a Shopify order link's text is the order name. */
async function linkText(tabId: number, frameId: number, href: string): Promise<string> {
  try {
    const [injection] = await executeInClickedTab(() =>
      browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        func: (wanted: string) =>
          [...document.querySelectorAll('a[href]')].find(
            (link) => (link as HTMLAnchorElement).href === wanted,
          )?.textContent ?? '',
        args: [href],
      }),
    );
    const parsed = LinkTextSchema.safeParse(injection?.result);
    return parsed.success ? parsed.data : '';
  } catch (error) {
    console.warn(
      `Could not read the link's text in tab ${tabId}; classifying its address alone.`,
      error,
    );
    return '';
  }
}
