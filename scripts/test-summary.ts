// The closing summary of `npm test`, from Vitest's JSON reports: counts per suite, every test that
// did not run (skipped or todo) by name, and the one closing line CI reads.

/** The part of Vitest's JSON reporter output the summary reads. */
export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string }[];
  }[];
}

export interface SuiteCounts {
  passed: number;
  failed: number;
  /** Skipped and todo tests: written but not run, so they prove nothing. */
  skipped: number;
  todo: number;
  /** "file › test (skipped)" for each test that did not run. */
  notRun: string[];
}

export function countSuite(report: VitestReport | undefined, root = ''): SuiteCounts {
  if (!report) return { passed: 0, failed: 1, skipped: 0, todo: 0, notRun: [] };
  // A file that failed before any of its tests failed (an import error, a stray `.only`) counts
  // as one failure, so it cannot hide behind "0 failed".
  const brokenFiles = report.testResults.filter(
    (file) =>
      file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  const notRun = report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status !== 'passed' && test.status !== 'failed')
      .map((test) => `${relative(file.name, root)} › ${test.fullName} (${test.status})`),
  );
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests,
    todo: report.numTodoTests,
    notRun,
  };
}

/** The summary's lines; the last one is exactly "N passed, N failed" or "…, N skipped". */
export function summaryLines(suites: Record<string, SuiteCounts>): string[] {
  const lines: string[] = [];
  const all = Object.values(suites);
  const notRun = all.flatMap((suite) => suite.notRun);
  if (notRun.length > 0) lines.push('Not run:', ...notRun.map((name) => `  ${name}`));
  lines.push(
    Object.entries(suites)
      .map(
        ([name, s]) =>
          `${name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped, ${s.todo} todo`,
      )
      .join('; '),
  );
  const sum = (pick: (s: SuiteCounts) => number) => all.reduce((n, s) => n + pick(s), 0);
  const skipped = sum((s) => s.skipped + s.todo);
  const closing = `${sum((s) => s.passed)} passed, ${sum((s) => s.failed)} failed`;
  lines.push(skipped > 0 ? `${closing}, ${skipped} skipped` : closing);
  return lines;
}

function relative(path: string, root: string): string {
  return root && path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}
