import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recentLookups } from '@/lib/storage/recent-lookups';
import { sitePrefs } from '@/lib/storage/site-prefs';

describe('site prefs', () => {
  test('are kept per origin; a change keeps the rest; null forgets the site', async () => {
    expect(await sitePrefs.get('https://shop.example')).toEqual({ autoOpen: false, width: 380 });
    await sitePrefs.update('https://shop.example', { width: 520 });
    await sitePrefs.update('https://shop.example', { autoOpen: true });
    await sitePrefs.update('https://other.example', { autoOpen: true });
    expect(await sitePrefs.get('https://shop.example')).toEqual({ autoOpen: true, width: 520 });
    await sitePrefs.update('https://other.example', null);
    expect(Object.keys(await sitePrefs.all())).toEqual(['https://shop.example']);
  });

  test('a damaged entry costs only its own site', async () => {
    await fakeBrowser.storage.local.set({
      sitePrefs: { 'https://a.example': { width: 'wide' }, 'https://b.example': { width: 300 } },
    });
    expect(await sitePrefs.all()).toEqual({
      'https://b.example': { autoOpen: false, width: 300 },
    });
  });
});

describe('recent lookups', () => {
  test('the newest first, a repeat moved up, damaged entries dropped', async () => {
    await fakeBrowser.storage.local.set({ recentLookups: [{ query: '' }, { query: '#7', at: 1 }] });
    await recentLookups.remember('1042', 2);
    expect(await recentLookups.remember('#7', 3)).toEqual([
      { query: '#7', at: 3 },
      { query: '1042', at: 2 },
    ]);
    expect(await recentLookups.list()).toEqual([
      { query: '#7', at: 3 },
      { query: '1042', at: 2 },
    ]);
  });
});
