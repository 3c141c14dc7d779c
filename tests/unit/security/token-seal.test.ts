import { describe, expect, test } from 'vitest';
import { createTokenSeal } from '@/lib/security/token-seal';

const newKey = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

describe('token seal', () => {
  test('a sealed token opens for its own brand with the same key, and holds no plain text', async () => {
    const key = await newKey();
    const seal = createTokenSeal(async () => key);
    const sealed = await seal.seal('secret-token-123', 'northwind');
    expect(JSON.stringify(sealed)).not.toContain('secret-token-123');
    expect(await seal.open(sealed, 'northwind')).toBe('secret-token-123');
  });

  test('each seal is different (a fresh IV), so equal tokens do not look equal', async () => {
    const key = await newKey();
    const seal = createTokenSeal(async () => key);
    const [a, b] = [await seal.seal('same', 'northwind'), await seal.seal('same', 'northwind')];
    expect(a.iv).not.toBe(b.iv);
    expect(a.sealed).not.toBe(b.sealed);
  });

  test('it does not open for another brand, with another key, or once altered', async () => {
    const key = await newKey();
    const seal = createTokenSeal(async () => key);
    const sealed = await seal.seal('secret-token-123', 'northwind');
    expect(await seal.open(sealed, 'southwind')).toBeNull();
    const other = await newKey();
    expect(await createTokenSeal(async () => other).open(sealed, 'northwind')).toBeNull();
    const flipped = sealed.sealed.startsWith('A')
      ? `B${sealed.sealed.slice(1)}`
      : `A${sealed.sealed.slice(1)}`;
    expect(await seal.open({ ...sealed, sealed: flipped }, 'northwind')).toBeNull();
  });
});
