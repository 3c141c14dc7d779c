/**
 * Removes secrets from text before it is logged or shown: the credentials of any Basic or Bearer
 * authorization (whatever the case of the scheme), and each known secret as written, and as written
 * inside a URL.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  // The token characters of RFC 7235/6750 (base64, base64url, JWT, with their padding).
  let result = text.replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]+/gi, '$1 [redacted]');
  for (const secret of secrets) {
    if (!secret) continue;
    for (const spelling of new Set([secret, encodeURIComponent(secret)])) {
      result = result.split(spelling).join('[redacted]');
    }
  }
  return result;
}
