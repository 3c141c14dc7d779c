// @vitest-environment node
import { expect, test } from 'vitest';
import config from '@/tests/vitest.config';

test('every project refuses a focused test (.only), whether or not CI is set', () => {
  const projects = (config.test?.projects ?? []) as {
    test?: { name?: string; allowOnly?: boolean };
  }[];
  expect(projects.map((p) => [p.test?.name, p.test?.allowOnly])).toEqual([
    ['unit', false],
    ['e2e', false],
    ['e2e-firefox', false],
  ]);
  expect(config.test?.allowOnly).toBe(false);
});
