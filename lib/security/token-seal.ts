import { z } from 'zod';

/**
 * API tokens are stored sealed: AES-GCM with a key that never leaves the extension's own origin
 * (lib/storage/token-key.ts keeps it, non-extractable, in the extension's IndexedDB). Firefox has
 * no `storage.local.setAccessLevel`, so there content scripts can read `storage.local`; they find
 * only this ciphertext, and cannot open IndexedDB at the extension's origin to reach the key.
 * The brand name is the additional data, so a sealed token copied onto another brand's entry does
 * not open there: a token is only ever sent to the brand it was saved for.
 */
export const SealedTokenSchema = z.object({
  iv: z.string().min(1).max(100),
  sealed: z.string().min(1).max(2000),
});
export type SealedToken = z.infer<typeof SealedTokenSchema>;

export interface TokenSeal {
  seal(token: string, brand: string): Promise<SealedToken>;
  /** The token, or null when it does not open (another key, another brand, altered). */
  open(sealed: SealedToken, brand: string): Promise<string | null>;
}

export function createTokenSeal(key: () => Promise<CryptoKey>): TokenSeal {
  return {
    async seal(token, brand) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encode(brand) },
        await key(),
        encode(token),
      );
      return { iv: toBase64(iv), sealed: toBase64(new Uint8Array(data)) };
    },
    async open(sealed, brand) {
      try {
        const data = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: encode(brand) },
          await key(),
          fromBase64(sealed.sealed),
        );
        return new TextDecoder().decode(data);
      } catch {
        return null;
      }
    },
  };
}

const encode = (text: string) => new TextEncoder().encode(text);

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
