/**
 * Changes to stored values (read, change, write back) for one key, run one after another, so two
 * never overwrite each other; a change that fails does not stop the next.
 */
export function createSerialQueues<K>() {
  const queues = new Map<K, Promise<unknown>>();
  return function serially<T>(key: K, change: () => Promise<T>): Promise<T> {
    const next = (queues.get(key) ?? Promise.resolve()).then(change, change);
    const settled = next.catch(() => undefined);
    queues.set(key, settled);
    void settled.then(() => queues.get(key) === settled && queues.delete(key));
    return next;
  };
}
