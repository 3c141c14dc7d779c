import { describe, expect, test } from 'vitest';
import { createSerialQueues } from '@/lib/storage/serially';

describe('createSerialQueues', () => {
  test('changes for one key run one after another, a failure does not stop the next', async () => {
    const serially = createSerialQueues<string>();
    let stored = 0;
    const increment = () =>
      serially('a', async () => {
        const read = stored;
        await new Promise((resolve) => setTimeout(resolve, 1));
        stored = read + 1;
      });
    const failing = serially('a', async () => {
      throw new Error('refused');
    });
    await Promise.all([increment(), failing.catch(() => undefined), increment(), increment()]);
    expect(stored).toBe(3);
    await expect(failing).rejects.toThrow('refused');
  });

  test('other keys do not wait', async () => {
    const serially = createSerialQueues<string>();
    const order: string[] = [];
    let release!: () => void;
    const slow = serially('a', () => new Promise<void>((resolve) => (release = resolve)));
    await serially('b', async () => void order.push('b'));
    order.push('a waiting');
    release();
    await slow;
    expect(order).toEqual(['b', 'a waiting']);
  });
});
