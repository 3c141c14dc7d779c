import { browser, type Browser } from 'wxt/browser';
import { z } from 'zod';
import { classifyLink, classifyText } from '@/lib/lookup/classify';
import type { TabConversationService } from './tab-conversations';

const SEARCH_SELECTION = 'search-selection';
const SEARCH_LINK = 'search-link';

/** Menu items are kept by the browser across restarts; they are (re)created on install. */
export function createContextMenus() {
  void browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: SEARCH_SELECTION, title: 'Search Re:amaze for “%s”', contexts: ['selection'] });
    browser.contextMenus.create({ id: SEARCH_LINK, title: 'Search Re:amaze for this link', contexts: ['link'] });
  });
}

const LinkTextSchema = z.string().max(2000).transform((text) => text.replace(/\s+/g, ' ').trim().slice(0, 200));

/**
 * A click on one of our items: classify what was clicked, start the search for that tab, and show
 * the results in the tab's own sidebar. The click grants activeTab, which is what lets us read the
 * link's text and inject the sidebar's host on any page, with no broad host permission.
 */
export async function searchFromMenu(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  deps: { tabs: TabConversationService; showSidebar(tabId: number): Promise<boolean>; showElsewhere(query: string): Promise<void> },
) {
  const tabId = tab?.id;
  const pageUrl = info.pageUrl ?? tab?.url;
  let query: string;
  let terms;
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
  if (tabId === undefined || tabId < 0 || !pageUrl || !/^https?:/.test(pageUrl)) return deps.showElsewhere(query);
  deps.tabs.searchIn(tabId, pageUrl, query, terms);
  if (!(await deps.showSidebar(tabId))) await deps.showElsewhere(query);
}

/** The visible text of the clicked link: a Shopify order link's text is the order name. */
async function linkText(tabId: number, frameId: number, href: string): Promise<string> {
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      func: (wanted: string) =>
        [...document.querySelectorAll('a[href]')].find((link) => (link as HTMLAnchorElement).href === wanted)
          ?.textContent ?? '',
      args: [href],
    });
    const parsed = LinkTextSchema.safeParse(injection?.result);
    return parsed.success ? parsed.data : '';
  } catch {
    return '';
  }
}
