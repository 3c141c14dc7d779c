// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { countSuite, summaryLines, type VitestReport } from '@/scripts/test-summary';

/** A JSON report as Vitest writes it, trimmed to what the summary reads. */
function report(
  files: Record<string, [fullName: string, status: string][]>,
  fileStatus: Record<string, string> = {},
): VitestReport {
  const tests = Object.values(files).flat();
  const count = (status: string) => tests.filter(([, s]) => s === status).length;
  return {
    numPassedTests: count('passed'),
    numFailedTests: count('failed'),
    numPendingTests: count('skipped'),
    numTodoTests: count('todo'),
    testResults: Object.entries(files).map(([name, results]) => ({
      name: `/repo/${name}`,
      status: fileStatus[name] ?? (results.some(([, s]) => s === 'failed') ? 'failed' : 'passed'),
      assertionResults: results.map(([fullName, status]) => ({ fullName, status })),
    })),
  };
}

describe('npm test summary', () => {
  test('all passed: the closing line is exactly "N passed, N failed"', () => {
    const unit = countSuite(report({ 'a.test.ts': [['a one', 'passed']] }), '/repo');
    const e2e = countSuite(report({ 'b.e2e.test.ts': [['b one', 'passed']] }), '/repo');
    const lines = summaryLines({ unit, e2e });
    expect(lines.at(-1)).toBe('2 passed, 0 failed');
    expect(lines).toEqual([
      'unit: 1 passed, 0 failed, 0 skipped, 0 todo; e2e: 1 passed, 0 failed, 0 skipped, 0 todo',
      '2 passed, 0 failed',
    ]);
  });

  test('skipped and todo tests are named and counted, and the closing line says how many', () => {
    const unit = countSuite(
      report({
        'tests/unit/a.test.ts': [
          ['a runs', 'passed'],
          ['a is skipped', 'skipped'],
          ['a is to do', 'todo'],
        ],
      }),
      '/repo',
    );
    const e2e = countSuite(report({ 'tests/e2e/b.e2e.test.ts': [['b fails', 'failed']] }), '/repo');
    const lines = summaryLines({ unit, e2e });
    expect(lines).toEqual([
      'Not run:',
      '  tests/unit/a.test.ts › a is skipped (skipped)',
      '  tests/unit/a.test.ts › a is to do (todo)',
      'unit: 1 passed, 0 failed, 1 skipped, 1 todo; e2e: 0 passed, 1 failed, 0 skipped, 0 todo',
      '1 passed, 1 failed, 2 skipped',
    ]);
    expect(lines.at(-1)).toMatch(/^\d+ passed, \d+ failed(, \d+ skipped)?$/);
  });

  test('a file that failed with no failed test (a stray .only, an import error) is a failure', () => {
    const unit = countSuite(
      report({ 'focused.test.ts': [['other', 'skipped']] }, { 'focused.test.ts': 'failed' }),
    );
    expect(unit.failed).toBe(1);
    expect(summaryLines({ unit }).at(-1)).toBe('0 passed, 1 failed, 1 skipped');
  });

  test('a suite with no report (it never ran) is a failure', () => {
    expect(countSuite(undefined).failed).toBe(1);
  });
});
