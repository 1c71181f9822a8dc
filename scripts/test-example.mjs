// Runs examples/playwright-2fa as an outside user would: `npm pack` this repository (prepack
// builds both extensions and the kit), copy the example to a temporary folder, `npm install` the
// tarball there (the example's other dependencies, @playwright/test and puppeteer-core at the
// root's versions, come from the npm registry or npm's cache), then run its Playwright tests.
// Nothing is imported from the source tree. Prints the example's own results; with
// `--json <file>` also writes { passed, failed } for scripts/test.mjs.
// Env: EXAMPLE_PORT (the example app's port, default 4180), CHROMIUM_PATH (default Debian's).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const jsonOut = process.argv.includes('--json') ? resolve(process.argv[process.argv.indexOf('--json') + 1]) : null;
const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'tessera-example-'));
const run = (cmd, args, cwd, env = {}) => spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const report = (passed, failed) => {
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ passed, failed }));
  console.log(`example: ${passed} passed, ${failed} failed`);
};

let status = 1;
try {
  const t0 = Date.now();
  if (run('npm', ['pack', '--pack-destination', work], root) !== 0) throw new Error('npm pack failed');
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack left no .tgz in ${work}`);
  const t1 = Date.now();

  const example = join(work, 'playwright-2fa');
  cpSync(join(root, 'examples/playwright-2fa'), example, { recursive: true, filter: (src) => !/[\\/](node_modules|test-results|playwright-report)$/.test(src) });
  // What a user does: add the package (here the local tarball instead of the registry's copy).
  // npm 11 prints an advisory that the tarball's `prepare` is not covered by allowScripts: it is
  // listed for local tarballs but not run (and never considered for registry installs).
  if (run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball)], example) !== 0) throw new Error('npm install in the example failed');
  const t2 = Date.now();

  const results = join(work, 'results.json');
  const code = run('npx', ['playwright', 'test', '--reporter=list,json'], example, {
    PLAYWRIGHT_JSON_OUTPUT_NAME: results,
    APP_PORT: process.env.EXAMPLE_PORT ?? '4180',
    CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
    CI: '1',
  });
  const t3 = Date.now();
  console.log(`example timings: pack ${((t1 - t0) / 1000).toFixed(1)} s, install ${((t2 - t1) / 1000).toFixed(1)} s, tests ${((t3 - t2) / 1000).toFixed(1)} s`);
  if (existsSync(results)) {
    const s = JSON.parse(readFileSync(results, 'utf8')).stats;
    report(s.expected + s.flaky, s.unexpected);
    status = code === 0 && s.unexpected === 0 && s.expected > 0 ? 0 : 1;
  } else {
    report(0, 0);
  }
} catch (e) {
  console.error(`example: ${e instanceof Error ? e.message : e}`);
  report(0, 0);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(status);
