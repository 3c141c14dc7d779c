import { browser } from 'wxt/browser';
import { detectorScriptFor } from '@/lib/detection/scripts';
import type { TabCommands, TabCommandType } from '@/lib/messaging/protocol';
import { executeInClickedTab } from './context-menu';

/** One command to a tab's content script (its top frame); false where none is listening. */
export async function sendToTab<T extends TabCommandType>(
  tabId: number,
  type: T,
  payload: TabCommands[T]['request'],
): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 }).catch(() => false);
}

/**
 * Opens the sidebar in a tab, injecting its host first where the page has none (any page the
 * agent right-clicked on: the click's activeTab grant allows it). False where pages may not be
 * scripted at all (the browser's own pages, the web store).
 */
export async function showSidebar(tabId: number): Promise<boolean> {
  if ((await sendToTab(tabId, 'openSidebar', {})) === true) return true;
  try {
    // The page's own detector script: its hosted admin's, or the self-hosted one anywhere else.
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    const files = [detectorScriptFor(tab?.url)];
    await executeInClickedTab(() => browser.scripting.executeScript({ target: { tabId }, files }));
  } catch (error) {
    console.warn(`No sidebar in tab ${tabId}: the page may not be scripted.`, error);
    return false;
  }
  const opened = await sendToTab(tabId, 'openSidebar', {});
  if (opened !== true)
    console.warn(`No sidebar in tab ${tabId}: its launcher did not answer.`, opened);
  return opened === true;
}
