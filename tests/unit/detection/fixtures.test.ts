import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { detectPage, platforms } from '@/lib/detection';
import { expected } from '../../fixtures/pages/expected';
import { FIXTURES as DIR, fixture } from './load-fixture';

describe.each(Object.entries(expected))('%s', (name, { url, detection }) => {
  test('gives exactly the expected ids: all of them, and no decoy', () => {
    expect(detectPage(new URL(url), fixture(name))).toEqual(detection);
  });
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
