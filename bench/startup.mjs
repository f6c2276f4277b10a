// Start-up time of `vetplan serve` on the embedded database, against the bare
// cost of opening PGlite in this process (the baseline).
// Usage: node bench/startup.mjs [runs]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 3);
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function pgliteOpen(dir) {
  const t = performance.now();
  const db = await PGlite.create({ dataDir: dir });
  await db.query('select 1');
  const ms = performance.now() - t;
  await db.close();
  return ms;
}

async function serveUntilHealthy(dataDir) {
  const port = await freePort();
  const t = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'packages/server/bin/vetplan.mjs'), 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', VETPLAN_ADMIN_PASSWORD: 'bench-pass-123' },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = performance.now() - t;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return ms;
}

const results = { pgliteFresh: [], pgliteReopen: [], serveFresh: [], serveRestart: [] };
for (let i = 0; i < runs; i++) {
  const a = tmp();
  results.pgliteFresh.push(await pgliteOpen(a));
  results.pgliteReopen.push(await pgliteOpen(a));
  const b = tmp();
  results.serveFresh.push(await serveUntilHealthy(b));
  results.serveRestart.push(await serveUntilHealthy(b));
  fs.rmSync(a, { recursive: true, force: true });
  fs.rmSync(b, { recursive: true, force: true });
}
const m = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v)]));
console.log(`runs: ${runs} (medians, ms)`);
console.log(`baseline  PGlite open, empty folder (initdb): ${m.pgliteFresh.toFixed(0)}`);
console.log(`baseline  PGlite reopen:                      ${m.pgliteReopen.toFixed(0)}`);
console.log(`vetplan serve, empty folder -> health 200:    ${m.serveFresh.toFixed(0)}  (${(m.serveFresh / m.pgliteFresh).toFixed(2)}x baseline)`);
console.log(`vetplan serve, restart -> health 200:         ${m.serveRestart.toFixed(0)}  (${(m.serveRestart / m.pgliteReopen).toFixed(2)}x baseline)`);
