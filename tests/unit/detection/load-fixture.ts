import { readFileSync } from 'node:fs';

export const FIXTURES = 'tests/fixtures/pages';

const parsed = new Map<string, Document>();

/** A fixture page parsed the way the browser parses it (once per test file; detection never writes). */
export function fixture(name: string): Document {
  let doc = parsed.get(name);
  if (!doc) parsed.set(name, (doc = html(readFileSync(`${FIXTURES}/${name}.html`, 'utf8'))));
  return doc;
}

export function html(markup: string): Document {
  return new DOMParser().parseFromString(markup, 'text/html');
}
