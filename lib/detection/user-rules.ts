import type { UserRule } from '../settings/schema';
import type { Detection, OriginId, RuleTest } from './schema';
import { MAX_URL_LENGTH } from './types';
import {
  canonicalEmail,
  canonicalOrderRef,
  detection,
  isString,
  readableText,
  squash,
  text,
} from './extract';

const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/;

/**
 * WebExtension match-pattern semantics: scheme `*` (http or https), `http` or `https`; host `*`,
 * `*.example.com` (the domain and its subdomains) or exact; a path glob where `*` is anything,
 * matched against path and query (so `…/post.php?*` works). Ports and fragments are ignored.
 */
export function matchesPattern(pattern: string, url: URL): boolean {
  const match = pattern.trim().match(PATTERN);
  if (!match || !/^https?:$/.test(url.protocol)) return false;
  const [, scheme, host, path] = match as unknown as [string, string, string, string];
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  const hostOnly = host.toLowerCase().replace(/:(?:\d+|\*)$/, '');
  return hostMatches(hostOnly, url.hostname) && globMatches(path, url.pathname + url.search);
}

function hostMatches(host: string, hostname: string): boolean {
  if (host === '*') return true;
  if (host.startsWith('*.')) return hostname === host.slice(2) || hostname.endsWith(host.slice(1));
  return hostname === host;
}

/**
 * A glob where `*` is any run of characters, without a regex: the literal parts between the stars
 * must appear in order, the first at the start and the last at the end. Taking each middle part at
 * its first place left after the previous one is always right for `*`-only globs, and never goes
 * back, so a long address costs one pass per part instead of the backtracking of `.*a.*a.*b`.
 */
export function globMatches(glob: string, value: string): boolean {
  const parts = glob.split('*');
  const first = parts[0]!;
  if (parts.length === 1) return value === first;
  const last = parts[parts.length - 1]!;
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  let at = first.length;
  const end = value.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const found = value.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

/**
 * The agent's own rules. Null when none matches this URL. A regex runs over the selected elements'
 * values or, without a selector, over the page's readable text (the site's header, footer and
 * navigation left out, like everywhere else). A broken regex or selector finds nothing, never throws.
 */
export function detectWithRules(
  url: URL,
  doc: Document,
  rules: readonly UserRule[],
): Detection | null {
  const matching = rules.filter((rule) => matchesPattern(rule.urlPattern, url));
  if (matching.length === 0) return null;
  const orderRefs: string[] = [];
  const originIds: OriginId[] = [];
  const emails: string[] = [];
  for (const rule of matching) {
    const values = valuesOf(rule, doc);
    const { target, marketplace } = rule;
    if (target === 'email') emails.push(...values.map(canonicalEmail).filter(isString));
    if (target === 'orderRef') orderRefs.push(...values.map(canonicalOrderRef).filter(Boolean));
    // Marketplace ids stay exactly as printed; without a marketplace they cannot be looked up.
    if (target === 'originId' && marketplace) {
      originIds.push(...values.map((id) => ({ id: id.trim(), marketplace })));
    }
  }
  return detection('custom', matching[0]!.kind, { orderRefs, originIds, emails });
}

/**
 * The text one rule reads at most: the page's first 10,000 characters, or of selected elements the
 * first 1,000 characters each and 10,000 together. A rule's regex is checked for one match attempt
 * when saved; this bounds the attempts a scan makes, so no page text can make a rule slow.
 */
export const MAX_RULE_TEXT = 10_000;
export const MAX_RULE_ELEMENT_TEXT = 1_000;

function sourcesOf(rule: UserRule, doc: Document): string[] {
  if (!rule.selector) return [readableText(doc.body).slice(0, MAX_RULE_TEXT)];
  const sources: string[] = [];
  let budget = MAX_RULE_TEXT;
  for (const element of doc.querySelectorAll(rule.selector)) {
    if (budget <= 0) break;
    const value = valueOfElement(element).slice(0, Math.min(MAX_RULE_ELEMENT_TEXT, budget));
    budget -= value.length;
    sources.push(value);
  }
  return sources;
}

function valuesOf(rule: UserRule, doc: Document): string[] {
  try {
    const sources = sourcesOf(rule, doc);
    if (!rule.regex) return sources.filter(Boolean);
    const regex = new RegExp(rule.regex, 'g');
    return sources
      .flatMap((source) => [...source.matchAll(regex)].map((match) => match[1] ?? match[0]))
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** An input's value, a mailto link's address, else the element's text. */
function valueOfElement(element: Element): string {
  if (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA') {
    return squash((element as HTMLInputElement).value || element.getAttribute('value') || '');
  }
  const href = element.getAttribute('href');
  if (href && /^mailto:/i.test(href)) return href.replace(/^mailto:/i, '').split('?')[0]!;
  return text(element);
}

/** Store tabs to preview a rule in, the ones its URL pattern matches first, otherwise in order. */
export function tabsForRule<Tab extends { url: string }>(
  rule: UserRule,
  tabs: readonly Tab[],
): Tab[] {
  const matches = ({ url }: Tab) => {
    try {
      return matchesPattern(rule.urlPattern, new URL(url));
    } catch {
      return false;
    }
  };
  return [...tabs].sort((a, b) => Number(matches(b)) - Number(matches(a)));
}

/** What one rule finds on this page, bounded as the background's RuleTestSchema wants. */
export function testRule(rule: UserRule, url: URL, doc: Document): RuleTest {
  const found = detectWithRules(url, doc, [rule]);

  return {
    url: url.href.slice(0, MAX_URL_LENGTH),
    matched: matchesPattern(rule.urlPattern, url),
    // A preview shows the first hundred of each.
    orderRefs: (found?.orderRefs ?? []).slice(0, PREVIEW_IDS),
    originIds: (found?.originIds ?? []).slice(0, PREVIEW_IDS),
    emails: (found?.emails ?? []).slice(0, PREVIEW_IDS),
  };
}

const PREVIEW_IDS = 100;
