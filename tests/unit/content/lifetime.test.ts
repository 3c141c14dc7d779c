import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createLifetime } from '@/entrypoints/detector/lifetime';

/** Chromium's native API as a content script sees it; a reloaded extension leaves no id. */
const runtime = { id: 'extension-id' as string | undefined, getURL: (path: string) => path };

beforeEach(() => {
  vi.useFakeTimers();
  runtime.id = 'extension-id';
  vi.stubGlobal('browser', undefined);
  vi.stubGlobal('chrome', { runtime });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

test('timers run while the extension is there', () => {
  const lifetime = createLifetime();
  const run = vi.fn();
  lifetime.later(run, 200);
  vi.advanceTimersByTime(200);
  expect(run).toHaveBeenCalledOnce();
  expect(lifetime.alive()).toBe(true);
  expect(lifetime.signal.aborted).toBe(false);
});

test('once the extension is reloaded, the next timer ends everything set up with the lifetime', () => {
  const lifetime = createLifetime();
  const run = vi.fn();
  const ended = vi.fn();
  lifetime.signal.addEventListener('abort', ended);
  const listener = vi.fn();
  document.addEventListener('visibilitychange', listener, { signal: lifetime.signal });
  lifetime.later(run, 200);

  runtime.id = undefined;
  vi.advanceTimersByTime(200);
  expect(run).not.toHaveBeenCalled();
  expect(ended).toHaveBeenCalledOnce();
  expect(lifetime.alive()).toBe(false);

  document.dispatchEvent(new Event('visibilitychange'));
  expect(listener).not.toHaveBeenCalled();
  // It stays ended, even if an id shows again (a new copy of the script has its own lifetime).
  runtime.id = 'extension-id';
  expect(lifetime.alive()).toBe(false);
});
