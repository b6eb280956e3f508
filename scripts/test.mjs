// Runs every package's Jest tests through the Backstage CLI and ends with one plain summary line
// ("tests: N passed, N failed") that CI reads. Exit status is Jest's.
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
const failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
console.log(`\ntests: ${summary.numPassedTests} passed, ${failed} failed, ${summary.numPendingTests} skipped`);
process.exit(run.status ?? 1);
