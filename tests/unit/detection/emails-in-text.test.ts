import { describe, expect, test } from 'vitest';
import { canonicalEmail, emailsIn, emailsInText } from '@/lib/detection/extract';
import { classifyText } from '@/lib/lookup/classify';
import { html } from './load-fixture';

/** The regex addresses were found with before: quadratic on long words, so only for short text. */
const OLD_EMAIL_IN_TEXT = /[a-z0-9_'+.-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;

describe('addresses in free text', () => {
  test.each([
    'Write to Maya.Chen@Example.net today.',
    'a@b@c.example',
    'x@example.com.b@y.example',
    "o'neil+shop@mail.example.co.uk, then 'jane@x.example'.",
    'no@tld.x nor @example.net nor a@ but ok@fine.example',
    'two@one.example,three@two.example;four@three.example',
    'sub-domain@a-b.c-d.example and dots...a@b.example.',
    'Order #1042 from maya@example.net (phone 555-0102)',
  ])('%s: the same addresses as the regex', (text) => {
    expect(emailsInText(text)).toEqual(text.match(OLD_EMAIL_IN_TEXT) ?? []);
  });

  test('a local part longer than 64 characters is no address', () => {
    expect(emailsInText(`${'a'.repeat(64)}@example.net`)).toEqual([
      `${'a'.repeat(64)}@example.net`,
    ]);
    expect(emailsInText(`${'a'.repeat(65)}@example.net`)).toEqual([]);
  });

  // Each took about two seconds with the regex; the test's time limit catches a quadratic scan.
  const LONG = 45_000;
  test.each([
    ['one long word', `${'a'.repeat(LONG)} maya@example.net`, ['maya@example.net']],
    ['dotted letters', `${'a.'.repeat(LONG / 2)} maya@example.net`, ['maya@example.net']],
    [
      'a long local part',
      `${'a.'.repeat(LONG / 2)}@example.net maya@example.net`,
      ['maya@example.net'],
    ],
    [
      'a domain of one-letter labels',
      `x@${'a.'.repeat(LONG / 2)} maya@example.net`,
      ['maya@example.net'],
    ],
    ['hyphens', `x@${'a-'.repeat(LONG / 2)}. maya@example.net`, ['maya@example.net']],
    ['many at signs', `${'a@'.repeat(LONG / 2)}example.net`, ['a@example.net']],
  ])('%s (45,000 characters) in one pass', (_, text, found) => {
    const started = performance.now();
    expect(emailsInText(text)).toEqual(found);
    expect(performance.now() - started).toBeLessThan(500);
  });

  test('a customer block with 45,000 characters of customer text is read in one pass', () => {
    const block = html(`<section><p>${'a'.repeat(LONG)}</p><p>maya@example.net</p></section>`);
    const started = performance.now();
    expect(emailsIn(block.querySelector('section'))).toEqual(['maya@example.net']);
    expect(performance.now() - started).toBeLessThan(900);
  });

  test('an address longer than 254 characters is refused before any pattern runs', () => {
    expect(canonicalEmail(`${'a.'.repeat(LONG)}b@example.net`)).toBeNull();
    expect(canonicalEmail(`maya@${'a'.repeat(250)}.example`)).toBeNull();
    expect(canonicalEmail('Maya@Example.net')).toBe('maya@example.net');
  });

  test('a selection keeps its addresses apart from order numbers', () => {
    expect(classifyText('maya1042@example.net about #1042')).toEqual([
      { kind: 'email', email: 'maya1042@example.net' },
      { kind: 'order', ref: '1042' },
    ]);
  });
});
