// @vitest-environment node
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { executeInClickedTab, searchFromMenu } from '@/entrypoints/background/context-menu';
import type { TabConversationService } from '@/lib/lookup/tabs';

describe('executeInClickedTab', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('retries while the click’s activeTab grant has not reached the page yet', async () => {
    const run = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(
        new Error('Cannot access contents of the page. Extension manifest must request permission'),
      )
      .mockResolvedValueOnce('ran');
    const result = executeInClickedTab(run);
    await vi.advanceTimersByTimeAsync(100);
    expect(await result).toBe('ran');
    expect(run).toHaveBeenCalledTimes(2);
  });

  test('any other failure is final at once', async () => {
    const run = vi.fn(async () => Promise.reject(new Error('Cannot access a chrome:// URL')));
    await expect(executeInClickedTab(run)).rejects.toThrow('chrome://');
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe('searchFromMenu', () => {
  function deps(shown: boolean) {
    return {
      tabs: { searchIn: vi.fn() } as unknown as TabConversationService,
      showSidebar: vi.fn(async () => shown),
      showElsewhere: vi.fn(async () => undefined),
    };
  }
  const tab = { id: 5, url: 'https://mail.example.com/inbox/1' } as never;

  test('a selection is classified and searched in that tab’s sidebar', async () => {
    const d = deps(true);
    const info = {
      menuItemId: 'search-selection',
      selectionText: 'order #1042',
      pageUrl: 'https://mail.example.com/inbox/1',
    } as never;
    await searchFromMenu(info, tab, d);
    expect(d.tabs.searchIn).toHaveBeenCalledWith(
      5,
      'https://mail.example.com/inbox/1',
      'order #1042',
      { orderRefs: ['1042'], originIds: [], emails: [], slugs: [], references: [] },
    );
    expect(d.showSidebar).toHaveBeenCalledWith(5);
    expect(d.showElsewhere).not.toHaveBeenCalled();
  });

  test('where no sidebar can be shown (a browser page), the results open in a tab of their own', async () => {
    const d = deps(false);
    const info = {
      menuItemId: 'search-link',
      linkUrl: 'https://sellercentral.amazon.com/orders-v3/order/113-1234567-1234567',
      pageUrl: 'https://mail.example.com/',
    } as never;
    await searchFromMenu(info, tab, d);
    expect(d.tabs.searchIn).toHaveBeenCalledWith(
      5,
      'https://mail.example.com/',
      expect.any(String),
      {
        orderRefs: [],
        originIds: [{ id: '113-1234567-1234567', marketplace: 'amazon' }],
        emails: [],
        slugs: [],
        references: [],
      },
    );
    expect(d.showElsewhere).toHaveBeenCalledWith(
      'https://sellercentral.amazon.com/orders-v3/order/113-1234567-1234567',
    );
  });
});
