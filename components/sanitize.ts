import DOMPurify from 'dompurify';

/**
 * Message bodies from Re:amaze are untrusted HTML. DOMPurify keeps formatting and drops scripts,
 * handlers, forms and styles; every link opens in a new tab without access to this page.
 */
const purify = DOMPurify(window);
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

export function sanitizeMessageHtml(html: string): string {
  return purify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe'],
    FORBID_ATTR: ['style'],
  });
}
