// Analytics on a nation-sized synthetic set (bench/lib/nation.ts): the full
// rebuild of the aggregate, p50/p95 of the district and nation overviews (the
// plan's progress, as the dashboard asks it) and of a pivot, each against a
// hand-written single GROUP BY over data_value on the same engine (the
// baseline), and the time for one commune's change to show on the dashboard.
//   npx tsx bench/analytics.ts [communes=10000] [pglite|postgres] [years=10]   (BENCH_RUNS=40 timed calls per query)
// PostgreSQL needs TEST_DATABASE_URL (a scratch database is created and dropped).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { loadConfig, REPO_ROOT } from '../packages/server/src/config.ts';
import { createContext } from '../packages/server/src/context.ts';
import { openEmbedded, openPostgres, type DatabaseHandle } from '../packages/server/src/db/connection.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import type { Database } from '../packages/server/src/db/schema.ts';
import { rebuildAggregates, refreshAggregates } from '../packages/server/src/modules/analytics/aggregate.ts';
import { pivot } from '../packages/server/src/modules/analytics/pivot.ts';
import { authContextFor } from '../packages/server/src/modules/auth/service.ts';
import { loadCatalog } from '../packages/server/src/modules/catalog/load.ts';
import { importDataValues } from '../packages/server/src/modules/data-values/import.ts';
import { planProgress } from '../packages/server/src/modules/plans/progress.ts';
import { createUser } from '../packages/server/src/modules/users/service.ts';
import { copyValues, insertTree, nationTree, nationValueCsv } from './lib/nation.ts';

const communes = Number(process.argv[2] ?? 10_000);
const engine = (process.argv[3] ?? 'pglite') as 'pglite' | 'postgres';
const yearCount = Number(process.argv[4] ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const PLAN = 'YD-GDNN-2023';

async function open(): Promise<{ handle: DatabaseHandle; url: string | null; cleanup: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-bench-analytics-'));
    const handle = await openEmbedded(dir);
    return {
      handle,
      url: null,
      cleanup: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is needed for PostgreSQL');
  const name = `vetplan_bench_analytics_${randomBytes(3).toString('hex')}`;
  const admin = await openPostgres(base, 1);
  await sql.raw(`create database ${name}`).execute(admin.db);
  const u = new URL(base);
  u.pathname = `/${name}`;
  const handle = await openPostgres(u.toString(), 4);
  return {
    handle,
    url: u.toString(),
    cleanup: async () => {
      await handle.close();
      await sql.raw(`drop database ${name}`).execute(admin.db);
      await admin.close();
    },
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** p50 and p95 of `runs` calls after two warm-up calls. */
async function percentiles(work: () => Promise<unknown>, runs = RUNS): Promise<{ p50: number; p95: number }> {
  await work();
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(work)).ms);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95) };
}

/** The baseline: one GROUP BY summing the stored values of the communes below an area, per element, disaggregation and period. */
function groupBy(db: Kysely<Database>, area: string, level: 'district' | 'province' | 'nation', perChild: boolean) {
  const child = perChild ? (level === 'district' ? sql`c.area_code` : level === 'province' ? sql`d.area_code` : sql`p.area_code`) : sql`''`;
  const where =
    level === 'district'
      ? sql`c.parent_code = ${area}`
      : level === 'province'
        ? sql`d.parent_code = ${area}`
        : sql`p.parent_code = ${area}`;
  return sql`
    select ${child} as unit, v.element_code, v.disagg, v.period, sum(v.value) as value
    from data_value v
    join area_version c on c.area_code = v.org_code
    join area_version d on d.area_code = c.parent_code
    join area_version p on p.area_code = d.parent_code
    where ${where}
    group by 1, 2, 3, 4`.execute(db);
}

const rss = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const log = (line: string) => console.log(line);
/** The machine is shared: the 1- and 5-minute load averages say how busy it was while measuring. */
const loadAverage = () =>
  os
    .loadavg()
    .slice(0, 2)
    .map((x) => x.toFixed(1))
    .join(' / ');

const { handle, url, cleanup } = await open();
try {
  const db = handle.db;
  await migrate(db);
  await loadCatalog(db, path.join(REPO_ROOT, 'catalog/yen-dung-2023'), 'bench');
  const tree = nationTree(communes);
  const years = Array.from({ length: yearCount }, (_, i) => 2025 - yearCount + 1 + i);
  const areas = await insertTree(handle, tree);
  const load = await timed(() => copyValues(handle, url, nationValueCsv(tree, years)));
  await sql`analyze`.execute(db);
  log(
    `${engine}: ${communes} communes, ${tree.districts.length} districts, ${tree.provinces.length} provinces (${areas} areas); ${load.value} values ${years[0]}–${years.at(-1)} loaded by COPY in ${(load.ms / 1000).toFixed(1)} s; RSS ${rss()} MB`,
  );

  const rebuild = await timed(() => rebuildAggregates(db));
  const summary = rebuild.value!;
  log(
    `full rebuild: ${(rebuild.ms / 1000).toFixed(1)} s (${summary.unitPaths} unit paths, ${summary.unitFigures} unit figures, ${summary.areaFigures} area figures); RSS ${rss()} MB`,
  );

  const ctx = createContext(db, loadConfig({ LOG_LEVEL: 'silent' }), () => new Date('2026-03-02T08:00:00Z'));
  await createUser(ctx, { username: 'bench', password: 'bench-pass-123', role: 'admin', org: 'VN' }, { actor: null });
  const auth = await authContextFor(ctx, 'bench');
  const district = tree.districts[Math.floor(tree.districts.length / 2)]!;
  const province = district.province;
  const recent = years.slice(-5).map(String);

  const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    [
      'district overview (progress of 12 targets)',
      () => planProgress(ctx, auth, PLAN, district.code, '2025'),
      () => groupBy(db, district.code, 'district', false),
    ],
    [
      'nation overview (progress of 12 targets)',
      () => planProgress(ctx, auth, PLAN, 'VN', '2025'),
      () => groupBy(db, 'VN', 'nation', false),
    ],
    [
      `district pivot (6 indicators × ${district.communes.length} communes + total × 5 years)`,
      () => pivot(ctx, auth, { indicators: null, org: district.code, children: true, periods: recent }),
      () => groupBy(db, district.code, 'district', true),
    ],
    [
      'province pivot (6 indicators × 11 districts + total × 5 years)',
      () => pivot(ctx, auth, { indicators: null, org: province, children: true, periods: recent }),
      () => groupBy(db, province, 'province', true),
    ],
  ];
  // The machine is shared: one round trip shows what each of an answer's few queries costs at this moment.
  const trip = await percentiles(() => sql`select 1`.execute(db));
  log(
    `one round trip (select 1): p50 ${trip.p50.toFixed(2)} ms, p95 ${trip.p95.toFixed(2)} ms; load average ${loadAverage()} on ${os.cpus().length} cores`,
  );
  log('');
  log('| engine | query | p50 ms | p95 ms | baseline GROUP BY p50 / p95 ms | p95 ratio |');
  log('|---|---|---|---|---|---|');
  for (const [name, ours, baseline] of cases) {
    const a = await percentiles(ours);
    const b = await percentiles(baseline);
    log(
      `| ${engine} | ${name} | ${a.p50.toFixed(1)} | ${a.p95.toFixed(1)} | ${b.p50.toFixed(1)} / ${b.p95.toFixed(1)} | ${(a.p95 / b.p95).toFixed(2)}× |`,
    );
  }

  // One commune's change: its labour force of 2025S2 rises; the district's and the nation's figures follow.
  const commune = district.communes[0]!;
  const touched = [{ element: 'DE_LABOUR_FORCE', org: commune, period: `${years.at(-1)}S2` }];
  const refreshes: number[] = [];
  for (let i = 0; i < 10; i++) {
    await db.transaction().execute(async (trx) => {
      await sql`update data_value set value = value + 1 where element_code = 'DE_LABOUR_FORCE' and org_code = ${commune} and period = ${touched[0]!.period}`.execute(
        trx,
      );
      refreshes.push((await timed(() => refreshAggregates(trx, touched))).ms);
    });
  }
  refreshes.sort((a, b) => a - b);
  const refreshMs = refreshes[5]!;
  const before = (await planProgress(ctx, auth, PLAN, district.code, '2025')).find((r) => r.indicator === 'I_LABOUR_TRAINED_CERT')!;
  const current = await sql<{
    value: number;
  }>`select value from data_value where element_code = 'DE_LABOUR_FORCE' and org_code = ${commune} and period = ${touched[0]!.period} and disagg = 'sex:F'`.execute(
    db,
  );
  const change = await timed(async () => {
    const rows = [
      {
        row: 1,
        element: 'DE_LABOUR_FORCE',
        period: touched[0]!.period,
        org: commune,
        disagg: 'sex:F',
        value: Number(current.rows[0]!.value) + 500,
        comment: null,
      },
    ];
    await importDataValues(ctx, auth, { rows, errors: [] }, 'atomic', 'entry');
    return planProgress(ctx, auth, PLAN, district.code, '2025');
  });
  const after = change.value.find((r) => r.indicator === 'I_LABOUR_TRAINED_CERT')!;
  if (after.value === before.value) throw new Error('the change did not show on the dashboard');
  log('');
  log(
    `| ${engine} | incremental refresh of one commune's cell (median of 10) | ${refreshMs.toFixed(1)} ms | ${((refreshMs / rebuild.ms) * 100).toFixed(3)} % of the full rebuild |`,
  );
  log(
    `| ${engine} | one commune's change until the district overview shows it (write + refresh + overview) | ${change.ms.toFixed(0)} ms | value ${before.value?.toFixed(2)} → ${after.value?.toFixed(2)} |`,
  );
  log(`peak RSS about ${rss()} MB; load average at the end ${loadAverage()}`);
} finally {
  await cleanup();
}
