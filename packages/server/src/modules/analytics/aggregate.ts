import { period as periodOf, periodsWithin, PERIOD_TYPES, rollUp, type Period } from '@vetplan/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * The analytics aggregate (migration 20261128_0005): per unit, each cell's
 * figure for every period containing what it stored (analytics_unit_figure);
 * per area, the sums of those figures over the units below it as the
 * hierarchy stood in the period (analytics_area_figure) and how many units
 * reported which elements (analytics_area_reporting).
 *
 * `refreshAggregates` is called in the transaction of every write of data
 * values with the cells it touched and recomputes only those units' figures,
 * applying the differences to their areas; `rebuildAggregates` recomputes
 * everything (`vetplan analytics rebuild`, and after a change of the
 * hierarchy). Both give the same rows: numeric sums are exact.
 */

/** A written cell, as far as the aggregate cares: element, unit and stored period. */
export interface TouchedCell {
  element: string;
  org: string;
  period: string;
}

const LOCK = sql`hashtext('vetplan.analytics')`;

/** Longest first: a yearly figure is used before half-years, so nothing counts twice. */
function lengthRank(p: Period): number {
  return PERIOD_TYPES.length - 1 - PERIOD_TYPES.indexOf(p.type);
}

/** The period itself and each longer period containing it: 202503 → 202503, 2025Q1, 2025S1, 2025. */
export function rollups(p: Period): Period[] {
  return PERIOD_TYPES.slice(PERIOD_TYPES.indexOf(p.type)).map((type) => rollUp(p, type));
}

/** Rows (stored period → target period) as unnest arrays. */
interface PeriodMap {
  stored: string[];
  target: string[];
  rank: number[];
  storedStart: string[];
  targetStart: string[];
  targetEnd: string[];
}

function periodMap(pairs: Iterable<[Period, Period]>): PeriodMap {
  const m: PeriodMap = { stored: [], target: [], rank: [], storedStart: [], targetStart: [], targetEnd: [] };
  for (const [s, t] of pairs) {
    m.stored.push(s.code);
    m.target.push(t.code);
    m.rank.push(lengthRank(s));
    m.storedStart.push(s.start);
    m.targetStart.push(t.start);
    m.targetEnd.push(t.end);
  }
  return m;
}

function mapCte(m: PeriodMap): RawBuilder<unknown> {
  return sql`m(stored, target, rank, vstart, ps, pe) as (
    select * from unnest(${m.stored}::text[], ${m.target}::text[], ${m.rank}::int[], ${m.storedStart}::date[],
      ${m.targetStart}::date[], ${m.targetEnd}::date[]))`;
}

/**
 * Each unit's figure per cell and target period, from the stored figures
 * (`source`, rows v of data_value already joined to m): the longest period
 * type present wins; sum elements add up, last elements take the latest.
 */
function resolvedSelect(source: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select u, p, e, d, ps, pe,
           case when agg = 'sum' then sum(value) else (array_agg(value order by vstart desc))[1] end as value
    from (
      select v.org_code as u, m.target as p, v.element_code as e, v.disagg as d, m.ps, m.pe, m.rank, m.vstart, v.value,
        de.aggregation as agg,
             min(m.rank) over (partition by v.org_code, m.target, v.element_code, v.disagg) as best
      from ${source}
      join data_element de on de.code = v.element_code
    ) x
    where rank = best
    group by u, p, e, d, ps, pe, agg`;
}

/** Whether the path(s) of closure row c exist during the period [ps, pe). */
function during(c: string, ps: RawBuilder<unknown>, pe: RawBuilder<unknown>): RawBuilder<unknown> {
  const r = sql.raw(c);
  return sql`(${r}.lo < ${pe} and ${r}.hi > ${ps}
    or (${r}.more_lo is not null and exists (select 1 from unnest(${r}.more_lo, ${r}.more_hi) as mp(lo, hi)
      where mp.lo < ${pe} and mp.hi > ${ps})))`;
}

export interface RebuildSummary {
  unitPaths: number;
  unitFigures: number;
  areaFigures: number;
  ms: number;
}

/** Recomputes the whole aggregate from the hierarchy and data_value, in one transaction. */
export async function rebuildAggregates(db: Kysely<Database>, onlyIfStale = false): Promise<RebuildSummary | null> {
  const started = performance.now();
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK})`.execute(trx);
    if (onlyIfStale && !(await isStale(trx))) return null;
    // Big sorts and hash joins of a nation's figures: let them stay in memory for this transaction.
    await sql`set local work_mem = '256MB'`.execute(trx);
    await sql`truncate analytics_area_unit, analytics_unit_figure, analytics_area_figure, analytics_area_reporting`.execute(trx);
    // Millions of rows: the primary keys are built once, sorted, after each table is filled rather than row by row
    // (the truncate already keeps readers out until the commit).
    for (const k of KEYS) await sql`alter table ${sql.table(k.table)} drop constraint ${sql.ref(k.name)}`.execute(trx);
    await sql`
      insert into analytics_area_unit (area_code, unit_code, is_area, lo, hi, more_lo, more_hi)
      with recursive sub(area_code, unit_code, lo, hi) as (
        select code, code, '-infinity'::date, 'infinity'::date from area
        union
        select s.area_code, v.area_code, greatest(s.lo, v.valid_from), least(s.hi, v.valid_to)
        from sub s join area_version v on v.parent_code = s.unit_code
      ),
      paths as (
        select area_code, unit_code, true as is_area, lo, hi from sub
        union
        select s.area_code, o.code, false, s.lo, s.hi from sub s join organisation o on o.area_code = s.unit_code
      )
      select area_code, unit_code, bool_or(is_area),
             (array_agg(lo order by lo, hi))[1], (array_agg(hi order by lo, hi))[1],
             case when count(*) > 1 then (array_agg(lo order by lo, hi))[2:] end,
             case when count(*) > 1 then (array_agg(hi order by lo, hi))[2:] end
      from paths group by area_code, unit_code`.execute(trx);

    // The plan of the big insert below needs the size of data_value: PGlite never gathers statistics by itself
    // (a bulk import leaves it planning for an empty table), and a sample costs seconds against minutes.
    await sql`analyze data_value`.execute(trx);
    const stored = (await sql<{ period: string }>`select distinct period from data_value`.execute(trx)).rows.map((r) => periodOf(r.period));
    const map = periodMap(stored.flatMap((s) => rollups(s).map((t): [Period, Period] => [s, t])));
    await sql`
      insert into analytics_unit_figure (unit_code, period, element_code, disagg, period_start, period_end, value)
      with ${mapCte(map)}
      ${resolvedSelect(sql`data_value v join m on m.stored = v.period`)}`.execute(trx);
    await addKey(trx, 'analytics_unit_figure');
    await sql`
      insert into analytics_area_figure (area_code, period, element_code, disagg, value, units)
      select c.area_code, f.period, f.element_code, f.disagg, sum(f.value), count(*)
      from analytics_unit_figure f join analytics_area_unit c on c.unit_code = f.unit_code
      where ${during('c', sql`f.period_start`, sql`f.period_end`)}
      group by 1, 2, 3, 4`.execute(trx);
    await addKey(trx, 'analytics_area_figure');
    await sql`
      insert into analytics_area_reporting (area_code, period, elements, units)
      select c.area_code, s.period, s.elements, count(*)
      from (
        select unit_code, period, min(period_start) as ps, min(period_end) as pe, string_agg(distinct element_code, ','
          order by element_code) as elements
        from analytics_unit_figure group by unit_code, period
      ) s join analytics_area_unit c on c.unit_code = s.unit_code
      where ${during('c', sql`s.ps`, sql`s.pe`)}
      group by 1, 2, 3`.execute(trx);
    await addKey(trx, 'analytics_area_reporting');
    // Fresh statistics for the planner (PGlite has no autovacuum to gather them).
    await sql`analyze analytics_area_unit, analytics_unit_figure, analytics_area_figure, analytics_area_reporting`.execute(trx);
    await sql`update analytics_state set stale = false, generation = generation + 1, rebuilt_at = now()`.execute(trx);
    const count = async (table: string) =>
      Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx)).rows[0]!.n);
    return {
      unitPaths: await count('analytics_area_unit'),
      unitFigures: await count('analytics_unit_figure'),
      areaFigures: await count('analytics_area_figure'),
      ms: performance.now() - started,
    };
  });
}

/** The primary keys the rebuild builds after filling their tables (as in migration 20261128_0005). */
const KEYS = [
  { table: 'analytics_unit_figure', name: 'analytics_unit_figure_pkey', columns: ['unit_code', 'period', 'element_code', 'disagg'] },
  { table: 'analytics_area_figure', name: 'analytics_area_figure_pkey', columns: ['area_code', 'period', 'element_code', 'disagg'] },
  { table: 'analytics_area_reporting', name: 'analytics_area_reporting_pkey', columns: ['area_code', 'period', 'elements'] },
] as const;

async function addKey(trx: Kysely<Database>, table: (typeof KEYS)[number]['table']): Promise<void> {
  const k = KEYS.find((x) => x.table === table)!;
  await sql`alter table ${sql.table(k.table)} add constraint ${sql.ref(k.name)} primary key
    (${sql.join(k.columns.map((c) => sql.ref(c)))})`.execute(trx);
}

async function isStale(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('analytics_state').select('stale').executeTakeFirst();
  return row?.stale ?? true;
}

/** Rebuilds the aggregate if a change of the hierarchy or of the catalogue left it stale. Returns its generation. */
export async function ensureAggregates(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('analytics_state').select(['stale', 'generation']).executeTakeFirst();
  if (row && !row.stale) return Number(row.generation);
  await rebuildAggregates(db, true);
  return Number((await db.selectFrom('analytics_state').select('generation').executeTakeFirstOrThrow()).generation);
}

interface Diff {
  u: string;
  p: string;
  e: string;
  d: string;
  ps: string;
  pe: string;
  nv: string | null;
  ov: string | null;
}

/**
 * Brings the aggregate up to date with written cells, inside the writer's
 * transaction: the touched units' figures for the stored periods and every
 * period containing them are recomputed from data_value, and only their
 * differences are added to the areas above them. Does nothing while the
 * aggregate is stale (the next read rebuilds it).
 */
export async function refreshAggregates(trx: Kysely<Database>, touched: readonly TouchedCell[]): Promise<void> {
  if (touched.length === 0) return;
  // Shared with other writers, exclusive against a rebuild.
  await sql`select pg_advisory_xact_lock_shared(${LOCK})`.execute(trx);
  if (await isStale(trx)) return;

  const { list, targetPeriods } = refreshTargets(touched);
  // Writers of the same unit and year recompute the same yearly figures: one at a time, locks in a fixed order.
  const locks = [...new Set(touched.map((c) => `analytics|${c.org}|${c.period.slice(0, 4)}`))].sort();
  await sql`select count(pg_advisory_xact_lock(hashtext(k))) from (select k from unnest(${locks}::text[]) as k
    order by k) as ordered`.execute(trx);

  const pairs = [...new Set(list.map((t) => `${t.u}|${t.p.code}`))].map((k) => k.split('|') as [string, string]);
  const setsBefore = await elementSets(trx, pairs);
  const diff = await unitFigureDiff(trx, list, targetPeriods);
  if (diff.length === 0) return;
  await applyUnitDiff(trx, diff);
  await addToAreas(trx, diff);
  await updateReporting(trx, pairs, setsBefore, targetPeriods);
}

type RefreshTarget = { e: string; u: string; p: Period };

/** Every (element, unit, period) to recompute: each touched cell's stored period and every period containing it. */
function refreshTargets(touched: readonly TouchedCell[]): { list: RefreshTarget[]; targetPeriods: Map<string, Period> } {
  const targets = new Map<string, RefreshTarget>();
  const targetPeriods = new Map<string, Period>();
  for (const cell of touched) {
    for (const p of rollups(periodOf(cell.period))) {
      targets.set(`${cell.element}|${cell.org}|${p.code}`, { e: cell.element, u: cell.org, p });
      targetPeriods.set(p.code, p);
    }
  }
  return { list: [...targets.values()], targetPeriods };
}

/** The targets' unit figures recomputed from data_value, against the ones stored: only those that differ. */
async function unitFigureDiff(trx: Kysely<Database>, list: RefreshTarget[], targetPeriods: Map<string, Period>): Promise<Diff[]> {
  const map = periodMap([...targetPeriods.values()].flatMap((t) => periodsWithin(t).map((code): [Period, Period] => [periodOf(code), t])));
  const tE = list.map((t) => t.e);
  const tU = list.map((t) => t.u);
  const tP = list.map((t) => t.p.code);
  const tCte = sql`t(e, u, p) as (select * from unnest(${tE}::text[], ${tU}::text[], ${tP}::text[]))`;
  return (
    await sql<Diff>`
      with ${tCte}, ${mapCte(map)},
      fresh as (${resolvedSelect(sql`t join m on m.target = t.p
        join data_value v on v.element_code = t.e and v.org_code = t.u and v.period = m.stored`)}),
      old as (
        select f.unit_code as u, f.period as p, f.element_code as e, f.disagg as d, f.period_start as ps, f.period_end as pe, f.value
        from analytics_unit_figure f join t on f.unit_code = t.u and f.period = t.p and f.element_code = t.e
      )
      select coalesce(fresh.u, old.u) as u, coalesce(fresh.p, old.p) as p, coalesce(fresh.e, old.e) as e, coalesce(fresh.d, old.d) as d,
             coalesce(fresh.ps, old.ps)::text as ps, coalesce(fresh.pe, old.pe)::text as pe, fresh.value::text as nv, old.value::text as ov
      from fresh full join old on fresh.u = old.u and fresh.p = old.p and fresh.e = old.e and fresh.d = old.d
      where fresh.value is distinct from old.value`.execute(trx)
  ).rows;
}

/** Writes the new unit figures (a figure that became empty is deleted). */
async function applyUnitDiff(trx: Kysely<Database>, diff: Diff[]): Promise<void> {
  const col = <K extends keyof Diff>(k: K, rows = diff) => rows.map((r) => r[k]);
  const gone = diff.filter((r) => r.nv === null);
  const kept = diff.filter((r) => r.nv !== null);
  if (gone.length) {
    await sql`
      delete from analytics_unit_figure f
      using unnest(${col('u', gone)}::text[], ${col('p', gone)}::text[], ${col('e', gone)}::text[],
        ${col('d', gone)}::text[]) as g(u, p, e, d)
      where f.unit_code = g.u and f.period = g.p and f.element_code = g.e and f.disagg = g.d`.execute(trx);
  }
  if (kept.length) {
    await sql`
      insert into analytics_unit_figure (unit_code, period, element_code, disagg, period_start, period_end, value)
      select * from unnest(${col('u', kept)}::text[], ${col('p', kept)}::text[], ${col('e', kept)}::text[], ${col('d', kept)}::text[],
                           ${col('ps', kept)}::date[], ${col('pe', kept)}::date[], ${col('nv', kept)}::numeric[])
      on conflict (unit_code, period, element_code, disagg) do update set value = excluded.value`.execute(trx);
  }
}

/** Adds the differences to every area above each unit; an area figure left with no unit is deleted. */
async function addToAreas(trx: Kysely<Database>, diff: Diff[]): Promise<void> {
  const col = <K extends keyof Diff>(k: K) => diff.map((r) => r[k]);
  const emptied = await sql<{ a: string; p: string; e: string; d: string; units: number }>`
    insert into analytics_area_figure (area_code, period, element_code, disagg, value, units)
    select c.area_code, x.p, x.e, x.d, sum(coalesce(x.nv, 0) - coalesce(x.ov, 0)), sum((x.nv is not null)::int - (x.ov is not null)::int)
    from unnest(${col('u')}::text[], ${col('p')}::text[], ${col('e')}::text[], ${col('d')}::text[], ${col('ps')}::date[],
                ${col('pe')}::date[], ${col('nv')}::numeric[], ${col('ov')}::numeric[]) as x(u, p, e, d, ps, pe, nv, ov)
    join analytics_area_unit c on c.unit_code = x.u
    where ${during('c', sql`x.ps`, sql`x.pe`)}
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4
    on conflict (area_code, period, element_code, disagg) do update
      set value = analytics_area_figure.value + excluded.value, units = analytics_area_figure.units + excluded.units
    returning area_code as a, period as p, element_code as e, disagg as d, units`.execute(trx);
  const zero = emptied.rows.filter((r) => Number(r.units) === 0);
  if (zero.length) {
    await sql`
      delete from analytics_area_figure f
      using unnest(${zero.map((r) => r.a)}::text[], ${zero.map((r) => r.p)}::text[], ${zero.map((r) => r.e)}::text[],
        ${zero.map((r) => r.d)}::text[]) as z(a, p, e, d)
      where f.area_code = z.a and f.period = z.p and f.element_code = z.e and f.disagg = z.d and f.units = 0`.execute(trx);
  }
}

/** Moves each (unit, period) whose set of reported elements changed from its old set to its new one in the areas above it. */
async function updateReporting(
  trx: Kysely<Database>,
  pairs: [string, string][],
  setsBefore: Map<string, string>,
  targetPeriods: Map<string, Period>,
): Promise<void> {
  const setsAfter = await elementSets(trx, pairs);
  const changes: { u: string; p: Period; elements: string; delta: number }[] = [];
  for (const [u, p] of pairs) {
    const key = `${u}|${p}`;
    const before = setsBefore.get(key);
    const after = setsAfter.get(key);
    if (before === after) continue;
    const period = targetPeriods.get(p)!;
    if (before) changes.push({ u, p: period, elements: before, delta: -1 });
    if (after) changes.push({ u, p: period, elements: after, delta: 1 });
  }
  if (changes.length === 0) return;
  const reporting = await sql<{ a: string; p: string; elements: string; units: number }>`
    insert into analytics_area_reporting (area_code, period, elements, units)
    select c.area_code, x.p, x.elements, sum(x.delta)
    from unnest(${changes.map((c) => c.u)}::text[], ${changes.map((c) => c.p.code)}::text[], ${changes.map((c) => c.p.start)}::date[],
                ${changes.map((c) => c.p.end)}::date[], ${changes.map((c) => c.elements)}::text[],
                  ${changes.map((c) => c.delta)}::int[]) as x(u, p, ps, pe, elements, delta)
    join analytics_area_unit c on c.unit_code = x.u
    where ${during('c', sql`x.ps`, sql`x.pe`)}
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (area_code, period, elements) do update set units = analytics_area_reporting.units + excluded.units
    returning area_code as a, period as p, elements, units`.execute(trx);
  const none = reporting.rows.filter((r) => Number(r.units) === 0);
  if (none.length) {
    await sql`
      delete from analytics_area_reporting r
      using unnest(${none.map((r) => r.a)}::text[], ${none.map((r) => r.p)}::text[], ${none.map((r) => r.elements)}::text[])
        as z(a, p, elements)
      where r.area_code = z.a and r.period = z.p and r.elements = z.elements and r.units = 0`.execute(trx);
  }
}

/** The elements each (unit, period) has figures for, as the sorted comma list kept in analytics_area_reporting. */
async function elementSets(trx: Kysely<Database>, pairs: [string, string][]): Promise<Map<string, string>> {
  const rows = await sql<{ u: string; p: string; elements: string }>`
    select f.unit_code as u, f.period as p, string_agg(distinct f.element_code, ',' order by f.element_code) as elements
    from analytics_unit_figure f
    join unnest(${pairs.map((x) => x[0])}::text[], ${pairs.map((x) => x[1])}::text[]) as k(u, p) on f.unit_code = k.u and f.period = k.p
    group by f.unit_code, f.period`.execute(trx);
  return new Map(rows.rows.map((r) => [`${r.u}|${r.p}`, r.elements]));
}
