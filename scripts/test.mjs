// `npm test`: every test. Installs the system packages the E2E tests need (see
// scripts/system-deps.mjs), type-checks, runs the unit tests (vitest), builds the extension
// (Chrome and Firefox) and runs the end-to-end tests (Playwright: headless Chromium, and
// Firefox ESR through puppeteer-core), then the example project against the packed npm
// package (scripts/test-example.mjs). Ends with one line "N passed, N failed" summing them all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { ensureSystemPackages } from './system-deps.mjs';

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const only = process.argv[2]; // "unit" | "e2e" | undefined (both)

ensureSystemPackages(['chromium', 'firefox', 'apache']);
mkdirSync('.tmp', { recursive: true });

let failedSteps = 0;
if (run('npx', ['tsc', '--noEmit']) !== 0) failedSteps++;

let passed = 0;
let failed = 0;
const failures = []; // names of failed tests, repeated at the end so a log's tail says which
if (only !== 'e2e') {
  const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.tmp/vitest.json']);
  if (existsSync('.tmp/vitest.json')) {
    const r = JSON.parse(readFileSync('.tmp/vitest.json', 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    for (const file of r.testResults ?? [])
      for (const t of file.assertionResults ?? [])
        if (t.status === 'failed') failures.push(`unit › ${file.name.replace(process.cwd() + '/', '')} › ${t.fullName}`);
  }
  if (code !== 0 && failed === 0) failedSteps++;
}
if (only !== 'unit') {
  if (run('npx', ['wxt', 'build']) !== 0 || run('npx', ['wxt', 'build', '-b', 'firefox', '--mv3']) !== 0) failedSteps++;
  else {
    const code = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: '.tmp/playwright.json' });
    if (existsSync('.tmp/playwright.json')) {
      const report = JSON.parse(readFileSync('.tmp/playwright.json', 'utf8'));
      const s = report.stats;
      passed += s.expected + s.flaky;
      failed += s.unexpected;
      failures.push(...failedPlaywrightTests(report.suites ?? []));
    }
    if (code !== 0 && failed === 0) failedSteps++;
  }
  // The example project (examples/playwright-2fa) against the packed tarball, as a user installs it.
  rmSync('.tmp/example.json', { force: true });
  const exampleCode = run('node', ['scripts/test-example.mjs', '--json', '.tmp/example.json']);
  if (existsSync('.tmp/example.json')) {
    const e = JSON.parse(readFileSync('.tmp/example.json', 'utf8'));
    passed += e.passed;
    failed += e.failed;
    if (exampleCode !== 0 && e.failed === 0) failedSteps++;
  } else if (exampleCode !== 0) failedSteps++;
}
if (failures.length) console.log(`Failed tests:\n${failures.map((f) => `  ✘ ${f}`).join('\n')}`);
if (failedSteps) console.log(`${failedSteps} step(s) failed outside the test runners (type check, build or a runner crash).`);
console.log(`${passed} passed, ${failed + failedSteps} failed`);
process.exit(failed + failedSteps ? 1 : 0);

/** Titles of the tests whose outcome was "unexpected", walking Playwright's JSON report. */
function failedPlaywrightTests(suites, path = []) {
  const out = [];
  for (const suite of suites) {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === 'unexpected') out.push(`e2e › ${[...here, spec.title].join(' › ')}`);
    out.push(...failedPlaywrightTests(suite.suites ?? [], here));
  }
  return out;
}
