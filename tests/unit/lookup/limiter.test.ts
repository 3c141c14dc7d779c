// @vitest-environment node
import { describe, expect, test, vi } from 'vitest';
import { createLimiter } from '@/lib/lookup/limiter';

/** A task that starts when the limiter lets it and ends when the test says so. */
function controlledTasks() {
  let running = 0;
  let peak = 0;
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  function task(name: string) {
    return () =>
      new Promise<string>((resolve) => {
        running++;
        peak = Math.max(peak, running);
        started.push(name);
        finishers.set(name, () => {
          running--;
          resolve(name);
        });
      });
  }
  return {
    task,
    finish: (name: string) => finishers.get(name)!(),
    started,
    peak: () => peak,
  };
}

/** Runs `action` after the given number of microtask turns. */
function afterMicrotasks(turns: number, action: () => void) {
  let chain = Promise.resolve();
  for (let i = 0; i < turns; i++) chain = chain.then(() => undefined);
  void chain.then(action);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createLimiter', () => {
  test('never runs more than N tasks at once, and runs them all', async () => {
    const limit = createLimiter(3);
    let running = 0;
    let peak = 0;
    const task = async (value: number) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 1 + (value % 4)));
      running--;
      return value * 10;
    };
    const values = Array.from({ length: 12 }, (_, i) => i);
    const results = await Promise.all(values.map((n) => limit.run(() => task(n))));
    expect(results).toEqual(values.map((n) => n * 10));
    expect(peak).toBe(3);
  });

  test('waiting tasks start in the order they were queued, one per freed slot', async () => {
    const limit = createLimiter(2);
    const tasks = controlledTasks();
    const done = ['a', 'b', 'c', 'd'].map((name) => limit.run(tasks.task(name)));
    await settle();
    expect(tasks.started).toEqual(['a', 'b']);
    tasks.finish('b');
    await settle();
    expect(tasks.started).toEqual(['a', 'b', 'c']);
    tasks.finish('a');
    await settle();
    expect(tasks.started).toEqual(['a', 'b', 'c', 'd']);
    tasks.finish('c');
    tasks.finish('d');
    expect(await Promise.all(done)).toEqual(['a', 'b', 'c', 'd']);
  });

  // A freed slot must pass to the task already waiting: a task arriving in the microtasks between
  // the release and the waiter resuming must not get the same slot as well.
  test.each([0, 1, 2, 3, 4, 5, 6])(
    'a task arriving %i microtasks after a slot frees waits behind the queued one',
    async (turns) => {
      const limit = createLimiter(1);
      const tasks = controlledTasks();
      const first = limit.run(tasks.task('first'));
      const queued = limit.run(tasks.task('queued'));
      await settle();
      let late: Promise<string> | undefined;
      tasks.finish('first');
      afterMicrotasks(turns, () => (late = limit.run(tasks.task('late'))));
      await first;
      await settle();
      expect(tasks.started).toEqual(['first', 'queued']);
      tasks.finish('queued');
      await settle();
      tasks.finish('late');
      await Promise.all([queued, late]);
      expect(tasks.started).toEqual(['first', 'queued', 'late']);
      expect(tasks.peak()).toBe(1);
    },
  );

  test('a task that fails, even before returning a promise, frees its slot', async () => {
    const limit = createLimiter(1);
    await expect(limit.run(async () => Promise.reject(new Error('rejected')))).rejects.toThrow(
      'rejected',
    );
    await expect(
      limit.run(() => {
        throw new Error('thrown');
      }),
    ).rejects.toThrow('thrown');
    expect(await limit.run(async () => 'next')).toBe('next');
  });

  test.each([0, -1, 1.5, Number.NaN])(
    'refuses a concurrency of %s, which would never run anything',
    (n) => {
      expect(() => createLimiter(n)).toThrow(RangeError);
    },
  );
});

describe('cancelling', () => {
  test('a waiting task whose signal aborts leaves the queue and never runs', async () => {
    const limit = createLimiter(1);
    let release!: () => void;
    const first = limit.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const cancelled = vi.fn(async () => 'ran');
    const waiting = limit.run(cancelled, controller.signal);
    const after = limit.run(async () => 'next');
    controller.abort(new Error('tab closed'));
    await expect(waiting).rejects.toThrow('tab closed');
    release();
    await first;
    expect(await after).toBe('next');
    expect(cancelled).not.toHaveBeenCalled();
  });

  test('an already aborted signal does not take a slot', async () => {
    const limit = createLimiter(1);
    const task = vi.fn(async () => 1);
    await expect(limit.run(task, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
    expect(task).not.toHaveBeenCalled();
    expect(await limit.run(async () => 2)).toBe(2);
  });
});
