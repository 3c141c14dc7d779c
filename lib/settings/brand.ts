/**
 * Agents paste their brand in many shapes: `northwind`, `northwind.reamaze.io`, or a whole admin
 * URL such as `https://northwind.reamaze.com/admin/conversations/abc`. All of them name the same
 * brand subdomain, which is what the API host is built from.
 */
const BRAND_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const REAMAZE_HOST = /^([^.]+)\.reamaze\.(?:io|com)$/;

/** `message` is a message key (lib/i18n/translate.ts, issueText). */
export type BrandResult = { ok: true; brand: string } | { ok: false; message: string };

export function normalizeBrand(input: string): BrandResult {
  const text = input.trim().toLowerCase();
  if (!text) return { ok: false, message: 'settings.brandEmpty' };

  const host = hostOf(text);
  const brand = host.match(REAMAZE_HOST)?.[1] ?? host;
  if (BRAND_LABEL.test(brand)) return { ok: true, brand };
  return { ok: false, message: 'settings.brandShape' };
}

/** The host of a pasted URL or bare host name, without port, path or trailing dot. */
function hostOf(text: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`;
  try {
    return new URL(withScheme).hostname.replace(/\.$/, '');
  } catch {
    return text;
  }
}
