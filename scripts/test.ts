// `npm test`: typecheck, unit tests, production builds, end-to-end tests in Chromium and in Firefox;
// then the tests that did not run, and one "N passed, N failed" line totalling every suite (the
// line CI reads), followed by ", N skipped" when some were skipped or todo.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium';
import { ensureFirefox } from './firefox';
import { countSuite, summaryLines, type VitestReport } from './test-summary';

const RESULTS = 'test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

type Project = 'unit' | 'e2e' | 'e2e-firefox';

function vitest(project: Project): boolean {
  return run(`${project} tests`, 'npx', [
    'vitest',
    'run',
    '--config',
    'tests/vitest.config.ts',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${RESULTS}/${project}.json`,
  ]);
}

function report(project: Project): VitestReport | undefined {
  const file = `${RESULTS}/${project}.json`;
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/**
 * Xvfb and xdotool, for the end-to-end tests of browser UI (tests/e2e/desktop.ts): as root,
 * installs Debian's packages when missing, like `ensureChromium` does.
 */
function ensureDesktopTools() {
  const packages = { Xvfb: 'xvfb', xdotool: 'xdotool' };
  const missing = Object.entries(packages)
    .filter(([command]) => spawnSync('which', [command]).status !== 0)
    .map(([, name]) => name);
  if (missing.length === 0) return;
  const install = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing ${missing.join(', ')}: sudo apt-get update && sudo ${install}`);
  }
  console.log(`Missing ${missing.join(', ')}; installing Debian's packages…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${install} -qq`, {
    stdio: 'inherit',
  });
}

let ok = true;
try {
  ensureChromium();
  ensureFirefox();
  ensureDesktopTools();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  ok = false;
}
ok = run('typecheck', 'npx', ['tsc', '--noEmit']) && ok;
ok = vitest('unit') && ok;
const built = run('production build', 'npx', ['wxt', 'build']);
ok = built && ok;
if (built) ok = vitest('e2e') && ok;
// The Firefox suite installs the zip users get (scripts/harness/firefox.ts).
const builtFirefox = run('production build and zip for Firefox', 'npx', [
  'wxt',
  'zip',
  '-b',
  'firefox',
]);
ok = builtFirefox && ok;
if (builtFirefox) ok = vitest('e2e-firefox') && ok;

const reports = {
  unit: report('unit'),
  e2e: report('e2e'),
  'e2e-firefox': report('e2e-firefox'),
};
if (!reports.e2e) console.error('End-to-end tests did not run.');
if (!reports['e2e-firefox']) console.error('End-to-end tests in Firefox did not run.');
const suites = Object.fromEntries(
  Object.entries(reports).map(([name, suite]) => [name, countSuite(suite, process.cwd())]),
);
const lines = summaryLines(suites);
console.log(`\n${lines.join('\n')}`);
const failed = Object.values(suites).reduce((sum, suite) => sum + suite.failed, 0);
process.exit(ok && failed === 0 ? 0 : 1);
