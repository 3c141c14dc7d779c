import { describe, expect, test } from 'vitest';
import { redact } from '@/lib/security/redact';

const TOKEN = 'rz7Kq2+Vd/Wm9=';
// base64("maya@example.net:rz7Kq2+Vd/Wm9="): the token never appears as itself in a Basic header.
const BASIC = 'bWF5YUBleGFtcGxlLm5ldDpyejdLcTIrVmQvV205PQ==';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYXlhIn0.c2lnbmF0dXJl-_~';

/** [what, text, what may be logged or shown] with no known secrets passed */
const HEADERS: [string, string, string][] = [
  ['a Basic header', `Authorization: Basic ${BASIC}`, 'Authorization: Basic [redacted]'],
  ['a lower-case header', `authorization: basic ${BASIC}`, 'authorization: basic [redacted]'],
  ['an upper-case header', `AUTHORIZATION: BASIC ${BASIC}`, 'AUTHORIZATION: BASIC [redacted]'],
  ['no space after the colon', `Authorization:Basic ${BASIC}`, 'Authorization:Basic [redacted]'],
  ['a tab before the credentials', `Basic\t${BASIC}`, 'Basic [redacted]'],
  [
    'a proxy header',
    `Proxy-Authorization: Basic ${BASIC}`,
    'Proxy-Authorization: Basic [redacted]',
  ],
  ['a Bearer header', `Authorization: Bearer ${JWT}`, 'Authorization: Bearer [redacted]'],
  ['a lower-case bearer', `bearer ${JWT}`, 'bearer [redacted]'],
  [
    'a header inside JSON',
    `{"headers":{"Authorization":"Basic ${BASIC}","Accept":"application/json"}}`,
    '{"headers":{"Authorization":"Basic [redacted]","Accept":"application/json"}}',
  ],
  [
    'a header inside a log line',
    `GET /api/v1/conversations (Authorization: Bearer ${JWT}) failed`,
    'GET /api/v1/conversations (Authorization: Bearer [redacted]) failed',
  ],
];

/** [what, text, what may be logged or shown] with the token passed as a known secret */
const SECRETS: [string, string, string][] = [
  ['the token itself', TOKEN, '[redacted]'],
  ['the token in a sentence', `token: ${TOKEN} is not valid`, 'token: [redacted] is not valid'],
  [
    'the token in a query string',
    `https://northwind.reamaze.io/api/v1/conversations?api_token=${TOKEN}&page=2`,
    'https://northwind.reamaze.io/api/v1/conversations?api_token=[redacted]&page=2',
  ],
  [
    'the token percent-encoded in a URL',
    `https://northwind.reamaze.io/api/v1/conversations?api_token=${encodeURIComponent(TOKEN)}`,
    'https://northwind.reamaze.io/api/v1/conversations?api_token=[redacted]',
  ],
  [
    'the token as a URL password',
    `https://maya%40example.net:${TOKEN}@northwind.reamaze.io/api/v1`,
    'https://maya%40example.net:[redacted]@northwind.reamaze.io/api/v1',
  ],
  [
    'the token in JSON',
    `{"errors":{"api_token":["${TOKEN} is not valid"]}}`,
    '{"errors":{"api_token":["[redacted] is not valid"]}}',
  ],
  ['the token twice', `${TOKEN} ${TOKEN}`, '[redacted] [redacted]'],
];

describe('redact', () => {
  test.each(HEADERS)('scrubs %s', (_, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  test.each(SECRETS)('scrubs %s', (_, text, expected) => {
    expect(redact(text, [TOKEN])).toBe(expected);
  });

  test('a Basic header is scrubbed even when its token is known (the token is not in it as itself)', () => {
    const text = `Authorization: Basic ${BASIC}`;
    expect(text).not.toContain(TOKEN);
    expect(redact(text, [TOKEN])).toBe('Authorization: Basic [redacted]');
  });

  test('an empty secret changes nothing', () => {
    expect(redact('Order 1042 shipped', [''])).toBe('Order 1042 shipped');
  });
});
