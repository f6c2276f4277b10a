// Hostile input at scale: every write endpoint and every parser, 10,000
// generated cases each (the CI test runs a few dozen). Counts 5xx answers,
// crashes (an exception a parser does not own, a request that throws, an
// unhandled rejection) and partial writes (a refused write that changed a table).
//   npx tsx bench/fuzz.ts [cases per target] [name filter (a|b: either), or !filter to leave out]
//   FUZZ_SEED=7 npx tsx bench/fuzz.ts 10000 "POST /api/users"
//   FUZZ_SECONDS_PER_TARGET=300 npx tsx bench/fuzz.ts   (stops each target after 5 minutes)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { loadConfig, REPO_ROOT } from '../packages/server/src/config.ts';
import { createContext } from '../packages/server/src/context.ts';
import { openEmbedded } from '../packages/server/src/db/connection.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { buildApp } from '../packages/server/src/app.ts';
import { createApiToken } from '../packages/server/src/modules/auth/service.ts';
import { loadCatalog } from '../packages/server/src/modules/catalog/load.ts';
import { createUser } from '../packages/server/src/modules/users/service.ts';
import { FORM, fuzzTargets, ORG, PERIOD, bombCorpus } from '../packages/server/test/kit/index.ts';

const cases = Number(process.argv[2] ?? 10_000);
const only = process.argv[3] ?? '';
const seed = Number(process.env.FUZZ_SEED ?? 20_261_128);
/** Stop a target early after this many seconds (a slow or shared machine); the table says how many cases ran. */
const budgetSeconds = Number(process.env.FUZZ_SECONDS_PER_TARGET ?? Infinity);

let unhandled = 0;
process.on('unhandledRejection', (e) => {
  unhandled++;
  console.error('unhandled rejection:', e);
});
process.on('uncaughtException', (e) => {
  unhandled++;
  console.error('uncaught exception:', e);
});

const catalogDir = path.join(REPO_ROOT, 'catalog/yen-dung-2023');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-fuzz-'));
const db = await openEmbedded(dir);
await migrate(db.db);
await loadCatalog(db.db, catalogDir, 'fuzz');
// The clock stands inside the reporting window of FORM for PERIOD, so that officers' writes reach the checks behind the window.
const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', LOGIN_MAX_FAILURES: '1000', DEMO_DATA: 'false' });
const ctx = createContext(db.db, config, () => new Date('2025-06-16T03:00:00Z'));
await createUser(ctx, { username: 'fuzz.admin', password: 'fuzz-pass-123', role: 'admin', org: '221' }, { actor: null });
await createUser(ctx, { username: 'fuzz.officer', password: 'fuzz-pass-123', role: 'unit_officer', org: ORG }, { actor: null });
const app = await buildApp(ctx);
await app.ready();
const admin = { authorization: `Bearer ${await createApiToken(ctx, 'fuzz.admin', 'fuzz')}` };
const officer = { authorization: `Bearer ${await createApiToken(ctx, 'fuzz.officer', 'fuzz')}` };
const template = (await app.inject({ method: 'GET', url: `/api/forms/${FORM}/template.xlsx?org=${ORG}&period=${PERIOD}`, headers: admin }))
  .rawPayload;

// The filter: parts separated by | (any may match), or !part to leave targets out.
const wanted = (name: string) =>
  only.startsWith('!') ? !name.includes(only.slice(1)) : only.split('|').some((part) => name.includes(part));
// The bomb corpus at full size: a sheet inflating to 500 MB, five million empty rows (test/support/xlsx-bombs.ts).
const bombs = (await bombCorpus(template, { inflatedBytes: 500 << 20, rows: 5_000_000 })).map((b) => b.file);
const targets = fuzzTargets({ app, ctx, callers: [admin, officer], template, bombs, catalogDir }).filter((t) => wanted(t.name));
console.log(
  `hostile input: ${cases} cases per target, ${targets.length} targets, seed ${seed}, PGlite, Node ${process.version}, ${os.cpus().length} CPUs`,
);
console.log('| target | cases | cases/s | accepted | refused 4xx | 5xx | crashes | partial writes |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
const totals = { cases: 0, fiveXx: 0, crashes: 0, partial: 0 };
const started = performance.now();
for (const target of targets) {
  const inputs = fc.sample(target.arbitrary, { numRuns: cases, seed });
  const tally = { ok: 0, client: 0, fiveXx: 0, crashes: 0, partial: 0 };
  const firstProblems: string[] = [];
  const t0 = performance.now();
  let ran = 0;
  for (const input of inputs) {
    if ((performance.now() - t0) / 1000 > budgetSeconds) break;
    ran++;
    let outcome;
    try {
      outcome = await target.probe(input);
    } catch (error) {
      outcome = { problem: `probe threw: ${(error as Error).message}` };
    }
    const status = outcome.status;
    if (status !== undefined && status >= 500) tally.fiveXx++;
    else if (outcome.problem?.includes('database changed')) tally.partial++;
    else if (outcome.problem) tally.crashes++;
    else if (status !== undefined && status >= 400) tally.client++;
    else tally.ok++;
    if (outcome.problem && firstProblems.length < 3) firstProblems.push(`${outcome.problem} ← ${JSON.stringify(input)?.slice(0, 300)}`);
  }
  const seconds = (performance.now() - t0) / 1000;
  totals.cases += ran;
  totals.fiveXx += tally.fiveXx;
  totals.crashes += tally.crashes;
  totals.partial += tally.partial;
  console.log(
    `| ${target.name} | ${ran} | ${Math.round(ran / seconds)} | ${tally.ok} | ${tally.client} | ${tally.fiveXx} | ${tally.crashes} | ${tally.partial} |`,
  );
  for (const p of firstProblems) console.log(`    ${p}`);
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `total: ${totals.cases} cases in ${seconds.toFixed(0)} s (${Math.round(totals.cases / seconds)} cases/s); 5xx ${totals.fiveXx}, crashes ${totals.crashes + unhandled} (unhandled ${unhandled}), partial writes ${totals.partial}`,
);
await app.close();
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(totals.fiveXx + totals.crashes + totals.partial + unhandled === 0 ? 0 : 1);
