import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { showSidebar } from '@/entrypoints/background/sidebar';

/** A tab whose page has no detector until one is injected, then opens its sidebar. */
function tabAt(url: string | undefined) {
  let injected = false;
  vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 3, url } as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => injected);
  const executeScript = vi.fn(async () => {
    injected = true;
    return [];
  });
  Object.assign(fakeBrowser.scripting, { executeScript });
  return executeScript;
}

describe('showSidebar', () => {
  test('a hosted admin gets its own detector script', async () => {
    const executeScript = tabAt('https://admin.shopify.com/store/northwind/orders/1');
    expect(await showSidebar(3)).toBe(true);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 3 },
      files: ['/detector-shopify.js'],
    });
  });

  test('any other page gets the self-hosted one (rules and self-hosted stores)', async () => {
    const executeScript = tabAt('https://shop.northwind.example/wp-admin/edit.php');
    expect(await showSidebar(3)).toBe(true);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 3 },
      files: ['/detector.js'],
    });
  });

  test('a page already listening is not injected again', async () => {
    const executeScript = tabAt(undefined);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(true);
    expect(await showSidebar(3)).toBe(true);
    expect(executeScript).not.toHaveBeenCalled();
  });
});
