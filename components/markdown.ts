import { marked } from 'marked';
import { sanitizeMessageHtml } from './sanitize';

/**
 * How the composer's markdown becomes HTML. GFM with single line breaks kept, as agents type them.
 */
export const MARKED_OPTIONS = { async: false, gfm: true, breaks: true } as const;

/**
 * The composer's preview: markdown to HTML with marked, then the same strict sanitiser as message
 * bodies (no scripts, handlers or javascript: links; remote images left out).
 */
export function renderMarkdown(body: string): string {
  const html = marked.parse(body, MARKED_OPTIONS);
  return sanitizeMessageHtml(html, { loadMedia: false }).html;
}
