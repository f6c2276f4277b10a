// `npm test`: lint (ESLint and Prettier), domain, web helpers and server on embedded PostgreSQL (PGlite); the server suite
// again on a PostgreSQL server when TEST_DATABASE_URL is set; then the browser tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from './web-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-test-reports-'));
const totals = { passed: 0, failed: 0 };
let failedRuns = 0;

function vitest(label, args, env = {}) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const report = path.join(reports, `${label.replace(/\W+/g, '-')}.json`);
  const result = spawnSync('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
  }
  if (result.status !== 0) failedRuns++;
}

// The fences and the format first (eslint.config.js, .prettierrc.json): a minute, and a failure names the file.
process.stdout.write('\n=== lint ===\n');
const lint = spawnSync('npm', ['run', '--silent', 'lint'], { cwd: root, stdio: 'inherit' });
if (lint.status !== 0) failedRuns++;

vitest('domain, web and server on PGlite', ['--project', 'domain', '--project', 'web', '--project', 'server']);
if (process.env.TEST_DATABASE_URL) {
  vitest('server on PostgreSQL', ['--project', 'server', '--exclude', '**/*.process.test.ts'], { VETPLAN_TEST_ENGINE: 'postgres' });
} else {
  process.stdout.write('\n(TEST_DATABASE_URL is not set: the PostgreSQL server run is left to CI, see .ci/run)\n');
}
ensureWebBuild();
vitest('browser', ['--project', 'e2e', '--passWithNoTests']);

fs.rmSync(reports, { recursive: true, force: true });
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(failedRuns > 0 || totals.failed > 0 ? 1 : 0);
