import type { Detection, OriginId, PageKind, PlatformId } from './types';

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;

export function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** An order number as printed: trimmed, one leading `#` and inner spaces removed, case kept. */
export function canonicalOrderRef(value: string): string {
  return value.trim().replace(/^#/, '').replace(/\s+/g, '');
}

export function canonicalEmail(value: string): string | null {
  const email = value.trim().replace(/^mailto:/i, '').split('?')[0]!.toLowerCase();
  return EMAIL.test(email) ? decodeURIComponent(email) : null;
}

/** Emails inside a customer block: link text and mailto links, and email inputs' values. */
export function emailsIn(root: ParentNode | null | undefined): string[] {
  if (!root) return [];
  const found: (string | null)[] = [];
  for (const link of root.querySelectorAll('a[href^="mailto:" i]')) {
    found.push(canonicalEmail(link.getAttribute('href') ?? ''));
  }
  for (const input of root.querySelectorAll('input[type="email"]')) {
    found.push(canonicalEmail((input as HTMLInputElement).value || input.getAttribute('value') || ''));
  }
  return found.filter((email): email is string => email !== null);
}

export function unique<T>(values: T[], key: (value: T) => string = String): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function detection(
  platform: PlatformId | 'custom' | null,
  kind: PageKind,
  found: { orderRefs?: string[]; originIds?: OriginId[]; emails?: string[] } = {},
): Detection {
  return {
    platform,
    kind,
    orderRefs: unique(found.orderRefs ?? []),
    originIds: unique(found.originIds ?? [], (o) => `${o.marketplace}:${o.id}`),
    emails: unique(found.emails ?? []),
  };
}

export const NOTHING: Detection = detection(null, 'none');
