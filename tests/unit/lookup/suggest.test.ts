// @vitest-environment node
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createSuggester, escapeXml, isConversationUrl } from '@/lib/lookup/suggest';

describe('createSuggester', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('typing a word is one lookup, after the pause', async () => {
    const lookup = vi.fn(async (text: string) => [`result for ${text}`]);
    const deliver = vi.fn();
    const suggester = createSuggester({ delayMs: 300, lookup });
    for (const text of ['m', 'ma', 'may', 'maya@example.net']) {
      suggester.input(text, deliver);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(lookup).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(lookup.mock.calls).toEqual([['maya@example.net']]);
    expect(deliver).toHaveBeenCalledWith(['result for maya@example.net']);
  });

  test('an answer to superseded text is dropped', async () => {
    let release!: (value: string[]) => void;
    const lookup = vi
      .fn<(text: string) => Promise<string[]>>()
      .mockImplementationOnce(() => new Promise((resolve) => (release = resolve)))
      .mockImplementationOnce(async () => ['new']);
    const first = vi.fn();
    const second = vi.fn();
    const suggester = createSuggester({ delayMs: 300, lookup });
    suggester.input('1042', first);
    await vi.advanceTimersByTimeAsync(300);
    suggester.input('1043', second);
    release(['old']);
    await vi.advanceTimersByTimeAsync(300);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(['new']);
  });

  test('cancelling (the agent left the omnibox) stops a pending lookup; blank text looks nothing up', async () => {
    const lookup = vi.fn(async () => []);
    const suggester = createSuggester({ delayMs: 300, lookup });
    suggester.input('1042', vi.fn());
    suggester.cancel();
    suggester.input('   ', vi.fn());
    await vi.advanceTimersByTimeAsync(1000);
    expect(lookup).not.toHaveBeenCalled();
  });

  test('a failed lookup is reported once, and not for superseded text', async () => {
    const onError = vi.fn();
    const suggester = createSuggester({
      delayMs: 10,
      lookup: async () => Promise.reject(new Error('429')),
      onError,
    });
    suggester.input('a', vi.fn());
    await vi.advanceTimersByTimeAsync(10);
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

describe('omnibox text', () => {
  test('API text is escaped for the omnibox’s XML descriptions', () => {
    expect(escapeXml('<match>Refund & "now"</match>\'')).toBe(
      '&#60;match&#62;Refund &#38; &#34;now&#34;&#60;/match&#62;&#39;',
    );
  });

  test.each([
    ['NUL', 'a\u0000b', 'ab'],
    ['C0 controls', '\u0001\u0008\u000B\u000C\u000E\u001F1042', '1042'],
    ['escape sequences', 'Refund\u001B[31m', 'Refund[31m'],
    ['tab, newline and carriage return, which XML allows', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['U+FFFE and U+FFFF', 'x\uFFFEy\uFFFFz', 'xyz'],
    ['a lone high surrogate', 'Order \uD83D 1042', 'Order  1042'],
    ['a lone low surrogate', '\uDE00Refund', 'Refund'],
    ['a surrogate pair, which is one character', 'Thanks \uD83D\uDE00', 'Thanks \uD83D\uDE00'],
    ['U+FFFD and the last BMP characters XML allows', '\uFFFD\uFFFC', '\uFFFD\uFFFC'],
    ['controls around markup', '<\u0000b\u0007>&', '&#60;b&#62;&#38;'],
  ])('strips what XML 1.0 cannot hold: %s', (_name, text, expected) => {
    expect(escapeXml(text)).toBe(expected);
  });

  test('only Re:amaze conversation addresses are opened as they are', () => {
    expect(
      isConversationUrl('https://northwind.reamaze.com/admin/conversations/where-is-order-1042'),
    ).toBe(true);
    expect(isConversationUrl('javascript:alert(1)')).toBe(false);
    expect(isConversationUrl('https://evil.example/admin/conversations/x')).toBe(false);
    expect(isConversationUrl('1042')).toBe(false);
  });
});
