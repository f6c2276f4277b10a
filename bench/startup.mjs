// Start-up time of `vetplan serve` on the embedded database, against the bare
// cost of opening PGlite in this process (the baseline), and the server's
// resident memory once it answers: from the bundle (what `npm start` runs) and
// from the TypeScript sources through tsx (`npm run vetplan -- serve`).
// Usage: node bench/startup.mjs [runs]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { ensureServerBundle } from '../scripts/server-bundle.mjs';

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

/** The resident set of a process, from /proc (Linux). */
function rssMb(pid) {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
}

const entries = { bundle: await ensureServerBundle(), tsx: path.join(root, 'packages/server/bin/vetplan.mjs') };

async function serveUntilHealthy(dataDir, entry) {
  const port = await freePort();
  const t = performance.now();
  const child = spawn(process.execPath, [entries[entry], 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', VETPLAN_ADMIN_PASSWORD: 'bench-pass-123' },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = performance.now() - t;
  const rss = rssMb(child.pid);
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return { ms, rss };
}

const results = { pgliteFresh: [], pgliteReopen: [] };
for (const entry of Object.keys(entries))
  Object.assign(results, { [`${entry}Fresh`]: [], [`${entry}Restart`]: [], [`${entry}FreshRss`]: [], [`${entry}RestartRss`]: [] });
for (let i = 0; i < runs; i++) {
  const a = tmp();
  results.pgliteFresh.push(await pgliteOpen(a));
  results.pgliteReopen.push(await pgliteOpen(a));
  fs.rmSync(a, { recursive: true, force: true });
  for (const entry of Object.keys(entries)) {
    const b = tmp();
    for (const when of ['Fresh', 'Restart']) {
      const { ms, rss } = await serveUntilHealthy(b, entry);
      results[`${entry}${when}`].push(ms);
      results[`${entry}${when}Rss`].push(rss);
    }
    fs.rmSync(b, { recursive: true, force: true });
  }
}
const m = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v)]));
console.log(`runs: ${runs} (medians)`);
console.log(`baseline  PGlite open, empty folder (initdb): ${m.pgliteFresh.toFixed(0)} ms`);
console.log(`baseline  PGlite reopen:                      ${m.pgliteReopen.toFixed(0)} ms`);
for (const entry of Object.keys(entries)) {
  console.log(
    `vetplan serve (${entry}), empty folder -> health 200: ${m[`${entry}Fresh`].toFixed(0)} ms (${(m[`${entry}Fresh`] / m.pgliteFresh).toFixed(2)}x baseline), RSS then ${m[`${entry}FreshRss`].toFixed(0)} MB`,
  );
  console.log(
    `vetplan serve (${entry}), restart -> health 200:      ${m[`${entry}Restart`].toFixed(0)} ms (${(m[`${entry}Restart`] / m.pgliteReopen).toFixed(2)}x baseline), RSS then ${m[`${entry}RestartRss`].toFixed(0)} MB`,
  );
}
