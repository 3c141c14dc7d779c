// @vitest-environment node
import { describe, expect, test, vi } from 'vitest';
import { createLookupCache } from '@/lib/lookup/cache';

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const options = { freshMs: 1000, maxAgeMs: 5000, maxEntries: 10 };

describe('lookup cache: ages', () => {
  test('fresh up to freshMs, stale up to maxAgeMs, then fetched again with a new fetchedAt', async () => {
    const c = clock();
    const cache = createLookupCache<string>({ ...options, now: c.now });
    const first = await cache.get('k', async () => 'v1');
    expect(first).toEqual({ value: 'v1', fetchedAt: 1_000_000, stale: false });

    c.advance(1000);
    expect(await cache.get('k', async () => 'unused')).toEqual({
      value: 'v1',
      fetchedAt: 1_000_000,
      stale: false,
    });

    c.advance(1);
    const never = deferred<string>();
    expect(await cache.get('k', () => never.promise)).toEqual({
      value: 'v1',
      fetchedAt: 1_000_000,
      stale: true,
    });

    c.advance(4000); // 5001 ms old: too old to show, even though the refresh has not answered
    never.reject(new Error('refresh failed'));
    await settle();
    const miss = vi.fn(async () => 'v2');
    expect(await cache.get('k', miss)).toEqual({ value: 'v2', fetchedAt: 1_005_001, stale: false });
    expect(miss).toHaveBeenCalledTimes(1);
  });

  test('an answer too old to show is not served when asking again fails', async () => {
    const c = clock();
    const cache = createLookupCache<string>({ ...options, now: c.now });
    await cache.get('k', async () => 'old');
    c.advance(6000);
    await expect(cache.get('k', async () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    await expect(
      cache.get('k', async () => Promise.reject(new Error('still down'))),
    ).rejects.toThrow('still down');
  });

  test('a stale refresh that fails keeps the old value, and the next stale view tries again', async () => {
    const c = clock();
    const cache = createLookupCache<string>({ ...options, now: c.now });
    await cache.get('k', async () => 'old');
    c.advance(2000);
    await cache.get('k', async () => Promise.reject(new Error('down')));
    await settle();
    const retry = vi.fn(async () => 'new');
    expect(await cache.get('k', retry)).toMatchObject({ value: 'old', stale: true });
    await settle();
    expect(retry).toHaveBeenCalledTimes(1);
    expect(await cache.get('k', retry)).toMatchObject({ value: 'new', stale: false });
    expect(retry).toHaveBeenCalledTimes(1);
  });

  test('a fetcher that throws before returning a promise is a failure like any other', async () => {
    const cache = createLookupCache<string>(options);
    await expect(
      cache.get('k', () => {
        throw new Error('no credentials');
      }),
    ).rejects.toThrow('no credentials');
    expect((await cache.get('k', async () => 'ok')).value).toBe('ok');
  });
});

describe('lookup cache: in-flight requests', () => {
  test('a get arriving while a miss is being fetched joins it', async () => {
    const cache = createLookupCache<string>(options);
    const answer = deferred<string>();
    const fetcher = vi.fn(() => answer.promise);
    const first = cache.get('k', fetcher);
    await settle();
    const second = cache.get('k', fetcher);
    answer.resolve('v');
    expect((await first).value).toBe('v');
    expect((await second).value).toBe('v');
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  test('a failed shared fetch fails every waiter, and the next get asks again', async () => {
    const cache = createLookupCache<string>(options);
    const answer = deferred<string>();
    const fetcher = vi.fn(() => answer.promise);
    const both = Promise.allSettled([cache.get('k', fetcher), cache.get('k', fetcher)]);
    answer.reject(new Error('down'));
    expect((await both).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect((await cache.get('k', async () => 'up')).value).toBe('up');
  });

  test('different keys do not share requests', async () => {
    const cache = createLookupCache<string>(options);
    const fetcher = vi.fn(async () => 'v');
    await Promise.all([cache.get('a', fetcher), cache.get('b', fetcher)]);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });
});

describe('lookup cache: invalidation', () => {
  test('invalidate(key) drops that key only', async () => {
    const cache = createLookupCache<string>(options);
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    cache.invalidate('a');
    expect((await cache.get('a', async () => 'a2')).value).toBe('a2');
    expect((await cache.get('b', async () => 'b2')).value).toBe('b1');
  });

  test('invalidate() without a key drops everything', async () => {
    const cache = createLookupCache<string>(options);
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    cache.invalidate();
    expect((await cache.get('a', async () => 'a2')).value).toBe('a2');
    expect((await cache.get('b', async () => 'b2')).value).toBe('b2');
  });

  // "Refresh" invalidates and asks again: it must not get an answer to a question asked earlier.
  test('after invalidating, a request already under way neither serves the next get nor is cached', async () => {
    const cache = createLookupCache<string>(options);
    const before = deferred<string>();
    const earlier = cache.get('k', () => before.promise);
    cache.invalidate('k');
    const after = vi.fn(async () => 'after');
    expect((await cache.get('k', after)).value).toBe('after');
    expect(after).toHaveBeenCalledTimes(1);

    before.resolve('before');
    expect((await earlier).value).toBe('before'); // whoever asked first still gets an answer
    expect((await cache.get('k', async () => 'unused')).value).toBe('after');
  });

  test('clear() also stops a request under way from writing back', async () => {
    const cache = createLookupCache<string>(options);
    const before = deferred<string>();
    const earlier = cache.get('k', () => before.promise);
    cache.clear();
    before.resolve('old credentials');
    await earlier;
    expect((await cache.get('k', async () => 'new credentials')).value).toBe('new credentials');
  });
});

describe('lookup cache: size', () => {
  test('never holds more than maxEntries, dropping the least recently used', async () => {
    const cache = createLookupCache<number>({ ...options, maxEntries: 3 });
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => 1);
    await cache.get('a', async () => 2); // touch: b is now the least recently used
    await cache.get('d', async () => 1);
    await cache.get('e', async () => 1); // evicts b, then c

    const refetch = vi.fn(async () => 9);
    for (const key of ['a', 'd', 'e']) await cache.get(key, refetch);
    expect(refetch).not.toHaveBeenCalled();
    expect((await cache.get('b', refetch)).value).toBe(9);
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  test('serving a stale entry counts as use', async () => {
    const c = clock();
    const cache = createLookupCache<string>({ ...options, maxEntries: 2, now: c.now });
    await cache.get('a', async () => 'a');
    await cache.get('b', async () => 'b');
    c.advance(2000);
    await cache.get('a', async () => 'a-refreshed'); // stale hit: a becomes most recent
    await settle();
    await cache.get('c', async () => 'c');
    const refetch = vi.fn(async () => 'again');
    expect((await cache.get('a', refetch)).value).toBe('a-refreshed');
    expect(refetch).not.toHaveBeenCalled();
  });
});
