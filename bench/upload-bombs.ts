// Upload bombs against a running `vetplan serve` (the bundle `npm start` runs, embedded database):
// the corpus of packages/server/test/support/xlsx-bombs.ts at full size (a sheet inflating to
// 500 MB, 5 million empty rows, ...) and a CSV of bad rows, each sent alone and then twelve at a
// time, while /api/health is asked every 50 ms and the server's resident set is sampled from /proc.
// The baseline is the same health probe on the idle server, in the same run.
//
//   npx tsx bench/upload-bombs.ts [parallel=12] [only: a word of the files' names, e.g. CSV]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, loginCookie, startServer, waitForHealth, bombCorpus, type Bomb } from '../packages/server/test/kit/index.ts';

const parallel = Number(process.argv[2] ?? 12);
const only = process.argv[3];
const FORM = 'F_COMMUNE_GDNN_6M';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const password = 'bench-bombs-pass-1';

function rssMb(pid: number): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

/** Health asked every 50 ms while `work` runs; the server's peak RSS meanwhile. */
async function probed<T>(
  url: string,
  pid: number,
  work: () => Promise<T>,
): Promise<{ value: T; p50: number; p99: number; max: number; failures: number; peakMb: number }> {
  const times: number[] = [];
  let failures = 0;
  let done = false;
  let peak = rssMb(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 10);
  const probe = (async () => {
    while (!done) {
      const t = performance.now();
      const res = await fetch(`${url}/api/health`).catch(() => null);
      if (res?.status !== 200) failures++;
      await res?.text();
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const value = await work();
  done = true;
  await probe;
  clearInterval(sampler);
  return {
    value,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    max: Math.max(...times),
    failures,
    peakMb: Math.max(peak, rssMb(pid)),
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-bombs-'));
const env = {
  DATA_DIR: dir,
  VETPLAN_ADMIN_PASSWORD: password,
  DEMO_DATA: 'false',
  WEB_DIST_DIR: path.join(dir, 'no-web'),
  LOG_LEVEL: 'error',
};
// The first start (initdb) leaves its WebAssembly memory behind: the measured server is a restart, as in daily use.
const first = startServer(env, await freePort());
await waitForHealth(first);
first.child.kill('SIGTERM');
await first.exited;
const server = startServer(env, await freePort());
try {
  await waitForHealth(server);
  const pid = server.child.pid!;
  const { cookie, csrf } = await loginCookie(server.url, 'admin', password);
  const headers = { cookie, 'x-csrf-token': csrf };
  const template = Buffer.from(
    await (await fetch(`${server.url}/api/forms/${FORM}/template.xlsx?org=07741&period=2025S1`, { headers })).arrayBuffer(),
  );
  // The row bomb twice: 5 million empty rows (over the upload size once compressed) and 300,000 (under it, over the form's row cap).
  const large = await bombCorpus(template, { inflatedBytes: 500 << 20, rows: 5_000_000 });
  const rowCap = (await bombCorpus(template, { inflatedBytes: 1 << 20, rows: 300_000 })).filter((b) => b.name.startsWith('row bomb'));
  const corpus: Bomb[] = [
    ...large.map((b) => (b.name.startsWith('row bomb') ? { ...b, name: 'row bomb, 5,000,000 rows: x' } : b)),
    ...rowCap.map((b) => ({ ...b, name: 'row bomb, 300,000 rows: x' })),
  ];
  const badCsv = `element,period,org,disagg,value,comment\n${'DE_NOPE,2024,07741,,1,\n'.repeat(1_000_000)}`;
  const sends: { name: string; send: () => Promise<Response> }[] = [
    ...corpus.map((b) => ({
      name: b.name.split(':')[0]!,
      send: () =>
        fetch(`${server.url}/api/forms/${FORM}/xlsx`, { method: 'POST', headers: { ...headers, 'content-type': XLSX }, body: b.file }),
    })),
    {
      name: `CSV of 1,000,000 bad rows (${Math.round(badCsv.length / 2 ** 20)} MB)`,
      send: () =>
        fetch(`${server.url}/api/data-values`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: badCsv }),
    },
  ];

  const idle = await probed(server.url, pid, () => new Promise((r) => setTimeout(r, 3_000)));
  process.stdout.write(
    `server idle: ${idle.peakMb.toFixed(0)} MB; health p50 ${idle.p50.toFixed(1)} ms, p99 ${idle.p99.toFixed(1)} ms (baseline)\n\n`,
  );
  process.stdout.write(
    `${'file'.padEnd(44)} ${'size'.padStart(9)} answer  ${'alone ms'.padStart(8)} ${`${parallel}× ms`.padStart(8)} health p99 ${'(×idle)'.padStart(8)}  peak RSS\n`,
  );
  for (const [i, s] of sends.entries()) {
    if (only && !s.name.includes(only)) continue;
    const size = i < corpus.length ? corpus[i]!.file.length : badCsv.length;
    const one = async () => {
      const t = performance.now();
      const res = await s.send();
      const body = await res.text();
      return { status: res.status, ms: performance.now() - t, bytes: body.length };
    };
    const alone = await one();
    const burst = await probed(server.url, pid, () => Promise.all(Array.from({ length: parallel }, one)));
    const statuses = [...new Set(burst.value.map((r) => r.status))].join('/');
    const slowest = Math.max(...burst.value.map((r) => r.ms));
    process.stdout.write(
      `${s.name.padEnd(44)} ${`${(size / 2 ** 20).toFixed(2)} MB`.padStart(9)} ${String(alone.status).padEnd(3)}/${statuses.padEnd(3)} ${alone.ms.toFixed(0).padStart(8)} ${slowest.toFixed(0).padStart(8)} ${`${burst.p99.toFixed(0)} ms`.padStart(10)} ${`(${(burst.p99 / idle.p99).toFixed(1)}×)`.padStart(8)}  ${burst.peakMb.toFixed(0)} MB${burst.failures ? `  health failures ${burst.failures}` : ''}  answer ${Math.round(alone.bytes / 1024)} KB\n`,
    );
  }
  const alive = (await fetch(`${server.url}/api/health`)).status === 200;
  process.stdout.write(`\nserver alive after the corpus: ${alive}; RSS now ${rssMb(pid).toFixed(0)} MB\n`);
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  fs.rmSync(dir, { recursive: true, force: true });
}
