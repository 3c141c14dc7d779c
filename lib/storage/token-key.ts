/**
 * The key that seals stored API tokens (lib/security/token-seal.ts): AES-GCM 256, made once per
 * install, non-extractable (not even the extension can read its bytes), kept in IndexedDB at the
 * extension's own origin. Content scripts run at the page's origin, so in no browser can they
 * open this database. Only the background imports this module (through lib/storage/settings.ts).
 *
 * If the key is ever lost (the extension's site data cleared), the sealed tokens no longer open:
 * the brands stay and the options page asks for their tokens again.
 */
const DATABASE = 'reamaze-inline-keys';
const STORE = 'keys';
const NAME = 'api-tokens';

let pending: Promise<CryptoKey> | undefined;

export function tokenKey(): Promise<CryptoKey> {
  pending ??= loadOrCreate().catch((error: unknown) => {
    pending = undefined; // try again on the next call
    throw error;
  });
  return pending;
}

async function loadOrCreate(): Promise<CryptoKey> {
  // Made before the transaction: an IndexedDB transaction ends at the first await.
  const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const database = await open();
  try {
    return await new Promise<CryptoKey>((resolve, reject) => {
      const transaction = database.transaction(STORE, 'readwrite');
      const store = transaction.objectStore(STORE);
      let key: CryptoKey = fresh;
      const read = store.get(NAME);
      read.onsuccess = () => {
        if (read.result) key = read.result as CryptoKey;
        else store.put(fresh, NAME);
      };
      transaction.oncomplete = () => resolve(key);
      transaction.onerror = () => reject(transaction.error ?? new Error('Could not keep the key'));
      transaction.onabort = () => reject(transaction.error ?? new Error('Could not keep the key'));
    });
  } finally {
    database.close();
  }
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('Could not open the key store'));
  });
}
