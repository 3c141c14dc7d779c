// @vitest-environment node
import { describe, expect, test, vi } from 'vitest';
import { createLookupCache } from '@/lib/lookup/cache';

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('lookup cache', () => {
  test('a fresh hit costs no request; a miss fetches', async () => {
    const c = clock();
    const cache = createLookupCache<string>({
      freshMs: 1000,
      maxAgeMs: 5000,
      maxEntries: 10,
      now: c.now,
    });
    const fetcher = vi.fn(async () => 'v1');
    expect(await cache.get('k', fetcher)).toEqual({
      value: 'v1',
      fetchedAt: c.now(),
      stale: false,
    });
    c.advance(500);
    expect((await cache.get('k', fetcher)).stale).toBe(false);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  test('a stale hit is served at once and refreshed once behind', async () => {
    const c = clock();
    const cache = createLookupCache<string>({
      freshMs: 1000,
      maxAgeMs: 5000,
      maxEntries: 10,
      now: c.now,
    });
    await cache.get('k', async () => 'old');
    c.advance(2000);
    let release!: (value: string) => void;
    const refresh = vi.fn(() => new Promise<string>((resolve) => (release = resolve)));
    expect(await cache.get('k', refresh)).toMatchObject({ value: 'old', stale: true });
    expect(await cache.get('k', refresh)).toMatchObject({ value: 'old', stale: true });
    expect(refresh).toHaveBeenCalledTimes(1);
    release('new');
    await vi.waitFor(async () =>
      expect(await cache.get('k', refresh)).toMatchObject({ value: 'new', stale: false }),
    );
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  test('too old is a miss', async () => {
    const c = clock();
    const cache = createLookupCache<string>({
      freshMs: 1000,
      maxAgeMs: 5000,
      maxEntries: 10,
      now: c.now,
    });
    await cache.get('k', async () => 'old');
    c.advance(6000);
    expect(await cache.get('k', async () => 'new')).toMatchObject({ value: 'new', stale: false });
  });

  test('concurrent gets of one key share one request', async () => {
    const cache = createLookupCache<string>({ freshMs: 1000, maxAgeMs: 5000, maxEntries: 10 });
    const fetcher = vi.fn(async () => 'v');
    const [a, b] = await Promise.all([cache.get('k', fetcher), cache.get('k', fetcher)]);
    expect(a.value).toBe('v');
    expect(b.value).toBe('v');
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  test('failures are not cached, and a failed refresh keeps the old value', async () => {
    const c = clock();
    const cache = createLookupCache<string>({
      freshMs: 1000,
      maxAgeMs: 5000,
      maxEntries: 10,
      now: c.now,
    });
    await expect(cache.get('k', async () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect((await cache.get('k', async () => 'ok')).value).toBe('ok');
    c.advance(2000);
    await cache.get('k', async () => Promise.reject(new Error('down again')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await cache.get('k', async () => 'unused')).value).toBe('ok');
  });

  test('the least recently used entry goes first when full', async () => {
    const cache = createLookupCache<string>({ freshMs: 1000, maxAgeMs: 5000, maxEntries: 2 });
    await cache.get('a', async () => 'a');
    await cache.get('b', async () => 'b');
    await cache.get('a', async () => 'unused'); // a is now the most recent
    await cache.get('c', async () => 'c');
    const refetch = vi.fn(async () => 'again');
    await cache.get('a', refetch);
    expect(refetch).not.toHaveBeenCalled();
    await cache.get('b', refetch);
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  test('invalidate and clear drop entries', async () => {
    const cache = createLookupCache<string>({ freshMs: 1000, maxAgeMs: 5000, maxEntries: 10 });
    await cache.get('a', async () => 'a');
    cache.invalidate('a');
    expect((await cache.get('a', async () => 'a2')).value).toBe('a2');
    cache.clear();
    expect((await cache.get('a', async () => 'a3')).value).toBe('a3');
  });
});
