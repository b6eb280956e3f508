// Runs every package's Jest tests through the Backstage CLI, then (for a whole run) the type check and
// the API reports check, and ends with one plain summary line ("tests: N passed, N failed") that CI reads;
// the API check counts as one test. Exits non-zero when either failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results.json');
rmSync(results, { force: true });

const args = ['backstage-cli', 'repo', 'test', '--ci', '--json', `--outputFile=${results}`, ...process.argv.slice(2)];
const run = spawnSync('bash', [join(root, 'scripts/yarn.sh'), ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CI: process.env.CI ?? 'true' },
});

if (!existsSync(results)) {
  console.error('tests: no results were written (the test runner failed to start)');
  process.exit(run.status || 1);
}
const summary = JSON.parse(readFileSync(results, 'utf8'));
let passed = summary.numPassedTests;
let failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;

// A narrowed run (a path pattern) is someone iterating on a few tests: no type check or API reports.
let apiStatus = 0;
if (process.argv.length <= 2) {
  apiStatus = spawnSync('node', [join(root, 'scripts/api-reports.mjs'), '--check'], { cwd: root, stdio: 'inherit' }).status ?? 1;
  if (apiStatus === 0) passed += 1;
  else failed += 1;
}

console.log(`\ntests: ${passed} passed, ${failed} failed, ${summary.numPendingTests} skipped`);
process.exit(run.status || apiStatus);
