import type { Detection, UserRule } from './types';
import { canonicalEmail, canonicalOrderRef, detection, text } from './extract';

/** WebExtension match-pattern semantics: `*` or http(s) scheme, `*.host` or host, path glob. */
export function matchesPattern(pattern: string, url: URL): boolean {
  const match = pattern.match(/^(\*|https?):\/\/([^/]+)(\/.*)$/);
  if (!match) return false;
  const [, scheme, host, path] = match as unknown as [string, string, string, string];
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (!/^https?:$/.test(url.protocol)) return false;
  const hostOk =
    host === '*' ||
    (host.startsWith('*.') ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1)) : url.hostname === host);
  return hostOk && glob(path).test(url.pathname + url.search);
}

function glob(path: string): RegExp {
  return new RegExp(`^${path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** The agent's own rules for pages no platform covers. A broken regex or selector is skipped. */
export function detectWithRules(url: URL, doc: Document, rules: readonly UserRule[]): Detection | null {
  const matching = rules.filter((rule) => matchesPattern(rule.urlPattern, url));
  if (matching.length === 0) return null;
  const found = { orderRefs: [] as string[], originIds: [] as Detection['originIds'], emails: [] as string[] };
  for (const rule of matching) {
    for (const value of valuesOf(rule, doc)) {
      if (rule.target === 'email') {
        const email = canonicalEmail(value);
        if (email) found.emails.push(email);
      } else if (rule.target === 'originId' && rule.marketplace) {
        found.originIds.push({ id: value.trim(), marketplace: rule.marketplace });
      } else if (rule.target === 'orderRef') {
        found.orderRefs.push(canonicalOrderRef(value));
      }
    }
  }
  return detection('custom', matching[0]!.kind, found);
}

function valuesOf(rule: UserRule, doc: Document): string[] {
  try {
    const sources = rule.selector
      ? [...doc.querySelectorAll(rule.selector)].map((el) =>
          el instanceof doc.defaultView!.HTMLInputElement
            ? el.value
            : (el.getAttribute('href')?.replace(/^mailto:/i, '') ?? text(el)),
        )
      : [text(doc.body)];
    if (!rule.regex) return sources.filter(Boolean);
    const regex = new RegExp(rule.regex, 'g');
    return sources.flatMap((source) => [...source.matchAll(regex)].map((m) => m[1] ?? m[0]));
  } catch {
    return [];
  }
}
