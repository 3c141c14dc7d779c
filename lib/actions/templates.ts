import type { DetectedIds } from '../detection/schema';
import type { ConversationSummary } from '../lookup/summary';

/** The placeholders a response template may use, filled from the store page and the conversation. */
export const PLACEHOLDERS = [
  'order_number',
  'marketplace_order_id',
  'customer_name',
  'customer_first_name',
  'customer_email',
  'conversation_subject',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type PlaceholderValues = Partial<Record<Placeholder, string>>;

export interface FilledTemplate {
  /** The template's body with every known placeholder that has a value replaced. */
  body: string;
  /** Known placeholders left as written because this page and conversation have no value. */
  missing: Placeholder[];
}

/** What the page's ids and the conversation give each placeholder; absent when there is nothing. */
export function placeholderValues(
  ids: DetectedIds | null,
  conversation: Pick<ConversationSummary, 'customer' | 'subject'> | null,
): PlaceholderValues {
  const name = conversation?.customer?.name?.trim() || undefined;
  const values: PlaceholderValues = {
    order_number: ids?.orderRefs[0],
    marketplace_order_id: ids?.originIds[0]?.id,
    customer_name: name,
    customer_first_name: name?.split(/\s+/)[0],
    customer_email: conversation?.customer?.email?.trim() || ids?.emails[0],
    conversation_subject: conversation?.subject?.trim() || undefined,
  };
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
}

/** Characters that make markdown anywhere in a line: emphasis, code, links, images, HTML, tables. */
const INLINE_MARKUP = /[\\`*_[\]()<>!|~]/g;
/** What makes markdown only at the start of a line: headings, quotes, lists, rules. */
const LINE_START_MARKUP = /^[#+\-=]|^\d+[.)]/;

/**
 * A value from a hostile page or API as plain markdown text: one line, its markup escaped so a
 * name like `[click](https://evil)` or `![](https://tracker)` stays text, and no bare URL or
 * entity that GFM would turn into a link or a character. Ordinary text (an email, "Mary-Jane",
 * "Smith & Sons") reads as typed, because the agent sees and edits it in the Message box.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(INLINE_MARKUP, '\\$&')
    .replace(LINE_START_MARKUP, (start) => `${start.slice(0, -1)}\\${start.slice(-1)}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}\\.`)
    .replace(/&(?=#?\w+;)/g, '\\&');
}

const PLACEHOLDER_PATTERN = /\{([a-z_]{1,40})\}/g;

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/**
 * Fills a template's placeholders. A known placeholder without a value is left as written and
 * reported; unknown ones (`{foo}`) are left alone and not reported.
 */
export function fillTemplate(body: string, values: PlaceholderValues): FilledTemplate {
  const missing = new Set<Placeholder>();
  const filled = body.replace(PLACEHOLDER_PATTERN, (whole, name: string) => {
    if (!isPlaceholder(name)) return whole;
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return whole;
    }
    return escapeMarkdown(value);
  });
  return { body: filled, missing: [...missing] };
}
