import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { detectPage, platforms } from '@/lib/detection';
import { expected } from '../../fixtures/pages/expected';
import { FIXTURES as DIR, fixture } from './load-fixture';

describe.each(Object.entries(expected))('%s', (name, { url, detection }) => {
  test('gives exactly the expected ids: all of them, and no decoy', () => {
    expect(detectPage(new URL(url), fixture(name))).toEqual(detection);
  });

  test('names the customer where the order page prints the name, and nowhere else', () => {
    const found = detectPage(new URL(url), fixture(name));
    expect(found.customerName).toBe(detection.customerName);
    if (detection.customerName) {
      expect(detection.kind).toBe('order');
      // The name is really on the page, so the expectation means something.
      expect(fixture(name).body.textContent).toContain(detection.customerName);
    }
  });
});

test('every platform with an order fixture that prints a name reports one', () => {
  const named = new Set(
    Object.values(expected)
      .filter(({ detection }) => detection.customerName)
      .map(({ detection }) => detection.platform),
  );
  expect([...named].sort()).toEqual(platforms.map((platform) => platform.id).sort());
});

test('every fixture has its expected detection, and every expectation its fixture', () => {
  const files = readdirSync(DIR)
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.slice(0, -5));
  expect(files.sort()).toEqual(Object.keys(expected).sort());
});

test('fixtures are complete documents, named after their platform', () => {
  const ids = platforms.map((platform) => platform.id);
  for (const name of Object.keys(expected)) {
    const html = readFileSync(`${DIR}/${name}.html`, 'utf8');
    expect(html.startsWith('<!doctype html>'), name).toBe(true);
    expect(html).toMatch(/<title>[^<]+<\/title>[\s\S]*<body[\s\S]*<\/body>\s*<\/html>\s*$/);
    expect(ids, name).toContain(name.split('-')[0]);
  }
});
