// Builds the web app when its build is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { builtIsFresh } from './freshness.mjs';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'packages/web/dist/index.html');
const sources = [
  'packages/web/src',
  'packages/web/index.html',
  'packages/web/vite.config.ts',
  'packages/web/public',
  'packages/domain/src',
  'package-lock.json',
];

export function webBuildIsFresh() {
  return builtIsFresh(root, builtIndex, sources);
}

export function ensureWebBuild() {
  if (!fs.existsSync(path.join(root, 'packages/web/index.html'))) return;
  if (webBuildIsFresh()) return;
  process.stdout.write('vetplan: building the web app (first start, or its sources changed)...\n');
  // A production build even when called from a test runner that set NODE_ENV=test.
  const result = spawnSync('npm', ['run', 'build', '--silent', '-w', '@vetplan/web'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    process.stderr.write('vetplan: building the web app failed\n');
    process.exit(result.status ?? 1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureWebBuild();
