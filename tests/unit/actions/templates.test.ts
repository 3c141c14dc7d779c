// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { marked } from 'marked';
import { escapeMarkdown, fillTemplate, placeholderValues } from '@/lib/actions/templates';

const ids = {
  orderRefs: ['1042'],
  originIds: [{ id: '114-3941689-8772232', marketplace: 'amazon' as const }],
  emails: ['page@example.net'],
};
const conversation = {
  subject: 'Where is my order?',
  customer: { name: 'Dana Whitfield', email: 'dana@example.net' },
};

describe('fillTemplate', () => {
  test('fills every placeholder from the page and the conversation', () => {
    const values = placeholderValues(ids, conversation);
    const filled = fillTemplate(
      'Hi {customer_first_name} ({customer_name}, {customer_email}): order {order_number} / ' +
        '{marketplace_order_id} re {conversation_subject}',
      values,
    );
    expect(filled.missing).toEqual([]);
    expect(filled.body).toBe(
      'Hi Dana (Dana Whitfield, dana@example.net): order 1042 / ' +
        '114-3941689-8772232 re Where is my order?',
    );
  });

  test('a placeholder without a value stays as written and is reported once', () => {
    const values = placeholderValues(
      { orderRefs: [], originIds: [], emails: [] },
      { subject: null, customer: null },
    );
    const filled = fillTemplate(
      'Hi {customer_name}, {customer_name}. Order {order_number}.',
      values,
    );
    expect(filled.body).toBe('Hi {customer_name}, {customer_name}. Order {order_number}.');
    expect(filled.missing).toEqual(['customer_name', 'order_number']);
  });

  test('unknown placeholders are left alone and not reported', () => {
    const filled = fillTemplate('Hello {agent_name} {order_number}', { order_number: '7' });
    expect(filled).toEqual({ body: 'Hello {agent_name} 7', missing: [] });
  });

  test('the customer email falls back to the page’s, with no page the order stays missing', () => {
    const values = placeholderValues(null, { subject: 'S', customer: { name: null, email: null } });
    expect(values).toEqual({ conversation_subject: 'S' });
    expect(placeholderValues(ids, null).customer_email).toBe('page@example.net');
  });

  test('hostile values are inserted as text: no links, images, HTML or new lines', () => {
    const hostile = '[click](https://evil.example) ![x](https://t.example/p.gif) <img src=x>\n# Hi';
    const filled = fillTemplate('Dear {customer_name}', { customer_name: hostile });
    expect(filled.body).not.toMatch(/(^|[^\\])[[\]()<>!]/);
    expect(filled.body).not.toContain('\n');
    expect(escapeMarkdown('*a* _b_ `c` www.evil.com https://evil.com &amp;')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` www\\.evil.com https\\://evil.com \\&amp;',
    );
  });

  test('escaped values render as the text they were, with no markup, and a line start stays text', () => {
    for (const value of [
      '# Heading',
      '1. first',
      '- item',
      '> quote',
      'https://evil.com',
      '**x**',
    ]) {
      const html = marked.parse(escapeMarkdown(value), { gfm: true, breaks: true, async: false });
      expect(html).toBe(`<p>${value.replace('>', '&gt;')}</p>\n`);
    }
  });

  test('ordinary text reads as typed in the Message box', () => {
    for (const value of [
      'dana@example.net',
      'Mary-Jane O’Neil',
      'Smith & Sons',
      '#1042',
      '1.5 kg',
    ]) {
      expect(escapeMarkdown(value)).toBe(
        value === '#1042' ? '\\#1042' : value === '1.5 kg' ? '1\\.5 kg' : value,
      );
    }
  });
});
