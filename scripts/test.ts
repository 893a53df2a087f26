/**
 * `npm test`: everything CI checks, in order, ending with the plain line `N passed, N failed`.
 *   1. Chromium for the browser tests (installed with apt-get when missing and we are root)
 *   2. the type check (tsc, strict) — counted as one test
 *   3. the builds the tests run against: cloud functions, the H5 build and the weapp build (dist/,
 *      rendered headlessly by tests/weapp)
 *   4. every jest project with TZ=UTC (cloud functions run in UTC; dates must not depend on it)
 * Extra arguments go to jest (e.g. `npm test -- tests/unit`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './chromium';

const root = path.resolve(__dirname, '..');

/** Runs a step; a quiet step (a build: pages of progress bars) shows its output only if it fails. */
function run(command: string, args: string[], opts: { env?: Record<string, string>; quiet?: boolean } = {}): boolean {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const res = spawnSync(command, args, {
    cwd: root,
    stdio: opts.quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...opts.env },
  });
  if (opts.quiet && res.status !== 0) console.error(`${res.stdout ?? ''}\n${res.stderr ?? ''}`.slice(-20000));
  return res.status === 0;
}

interface JestSummary {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numRuntimeErrorTestSuites: number;
}

function main(): void {
  const jestArgs = process.argv.slice(2);
  let passed = 0;
  let failed = 0;

  const chromium = ensureChromium();
  if (!chromium.ok) console.error(`\n${chromium.message}`);

  if (run('npm', ['run', '--silent', 'typecheck'])) passed += 1;
  else {
    failed += 1;
    console.error('typecheck: FAILED');
  }

  const built =
    run('npm', ['run', '--silent', 'build:cloud'], { quiet: true }) &&
    run('npm', ['run', '--silent', 'build:h5'], { quiet: true }) &&
    run('npm', ['run', '--silent', 'build:weapp'], { quiet: true });
  if (!built) {
    failed += 1;
    console.error('build: FAILED (the tests need the cloud functions, the H5 build and the weapp build)');
  } else {
    const out = path.join(root, '.tmp', 'jest-results.json');
    mkdirSync(path.dirname(out), { recursive: true });
    // --forceExit: a suite that leaves a worker thread or socket open must not hang CI after the
    // results are written (a clean run exits by itself; this is the safety net, not the rule).
    run('npx', ['jest', '--json', `--outputFile=${out}`, '--forceExit', ...jestArgs], {
      env: { TZ: 'UTC', CHROMIUM_PATH: chromium.path ?? '' },
    });
    if (existsSync(out)) {
      const summary = JSON.parse(readFileSync(out, 'utf8')) as JestSummary;
      passed += summary.numPassedTests;
      failed += summary.numFailedTests + summary.numRuntimeErrorTestSuites;
    } else {
      failed += 1;
      console.error('jest: produced no results');
    }
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main();
