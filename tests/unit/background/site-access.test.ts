import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injectIntoOpenTabs, syncSiteScripts } from '@/entrypoints/background/site-access';
import { grantedSites } from '@/lib/settings/granted-sites';

describe('site access', () => {
  test('only granted store sites count, not the API host or manifest hosts', () => {
    expect(
      grantedSites([
        'https://*.reamaze.io/*',
        'https://shop.northwind.example/*',
        'https://admin.shopify.com/*',
        'http://legacy.example/*',
      ]),
    ).toEqual(['https://shop.northwind.example/*', 'http://legacy.example/*']);
  });

  test('the detector is registered for exactly the granted sites', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'x',
      version: '1',
      host_permissions: ['https://*.reamaze.io/*'],
    });
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({
      origins: ['https://*.reamaze.io/*', 'https://shop.northwind.example/*'],
      permissions: [],
    });
    const registered = vi.fn(async () => [{ id: 'detector-granted-sites' }]);
    const unregister = vi.fn(async () => undefined);
    const register = vi.fn(async () => undefined);
    Object.assign(fakeBrowser.scripting, {
      getRegisteredContentScripts: registered,
      unregisterContentScripts: unregister,
      registerContentScripts: register,
    });
    expect(await syncSiteScripts()).toEqual(['https://shop.northwind.example/*']);
    expect(unregister).toHaveBeenCalledWith({ ids: ['detector-granted-sites'] });
    expect(register).toHaveBeenCalledWith([
      expect.objectContaining({
        id: 'detector-granted-sites',
        js: ['/detector.js'],
        matches: ['https://shop.northwind.example/*'],
      }),
    ]);
  });

  test('nothing granted, nothing registered', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'x',
      version: '1',
    });
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins: [], permissions: [] });
    const register = vi.fn();
    Object.assign(fakeBrowser.scripting, {
      getRegisteredContentScripts: async () => [],
      unregisterContentScripts: vi.fn(),
      registerContentScripts: register,
    });
    expect(await syncSiteScripts()).toEqual([]);
    expect(register).not.toHaveBeenCalled();
  });

  test('a newly granted site gets the detector in its open tabs', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'x',
      version: '1',
    });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
    const executeScript = vi.fn(async () => []);
    Object.assign(fakeBrowser.scripting, { executeScript });
    await injectIntoOpenTabs(['https://shop.northwind.example/*']);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7 },
      files: ['/detector.js'],
    });
  });
});
