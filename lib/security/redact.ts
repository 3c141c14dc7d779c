/** Removes secrets from text before it is logged or shown: basic-auth headers and known tokens. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let result = text.replace(/(Basic|Bearer)\s+[A-Za-z0-9+/=._-]+/g, '$1 [redacted]');
  for (const secret of secrets) {
    if (secret) result = result.split(secret).join('[redacted]');
  }
  return result;
}
