import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * The units whose figures make up an area's over a period: the areas below
 * it that were part of it during the period (the hierarchy is effective-dated:
 * a district's 2019 value uses the communes it had in 2019) and the
 * organisations located in them.
 */
export async function unitsOfArea(db: Kysely<Database>, area: string, start: string, end: string): Promise<string[]> {
  const result = await sql<{ code: string }>`
    with recursive sub(code) as (
      select ${area}::text
      union
      select v.area_code from area_version v join sub on v.parent_code = sub.code
      where v.valid_from < ${end}::date and v.valid_to > ${start}::date
    )
    select code from sub
    union
    select o.code from organisation o join sub on o.area_code = sub.code`.execute(db);
  return result.rows.map((r) => r.code);
}

export async function unitsOfOrganisation(db: Kysely<Database>, org: string): Promise<string[]> {
  const result = await sql<{ code: string }>`
    with recursive sub(code) as (select ${org}::text union select o.code from organisation o join sub on o.parent_code = sub.code)
    select code from sub`.execute(db);
  return result.rows.map((r) => r.code);
}

export function figures(db: Kysely<Database>, elements: string[], units: string[], periods: string[]) {
  if (elements.length === 0 || units.length === 0 || periods.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('data_value')
    .select(['element_code as element', 'period', 'org_code as unit', 'disagg', 'value'])
    .where('element_code', 'in', elements)
    .where('org_code', 'in', units)
    .where('period', 'in', periods)
    .execute();
}

/** How many of the given areas have no child among them (the communes of a district's set). */
export async function leafAreaCount(db: Kysely<Database>, units: string[]): Promise<number> {
  if (units.length === 0) return 0;
  const areas = await db.selectFrom('area_version').select(['area_code', 'parent_code']).where('area_code', 'in', units).execute();
  const codes = new Set(areas.map((a) => a.area_code));
  const parents = new Set(areas.flatMap((a) => (a.parent_code && codes.has(a.parent_code) ? [a.parent_code] : [])));
  return [...codes].filter((c) => !parents.has(c)).length;
}

/**
 * The lowest-level areas below an area as the hierarchy stood in each period (the same count as leafAreaCount of unitsOfArea), in one
 * query.
 */
export async function leafAreasBelow(db: Kysely<Database>, area: string, periods: { start: string; end: string }[]): Promise<number[]> {
  if (periods.length === 0) return [];
  const during = (c: string) => sql`(${sql.raw(c)}.lo < q.pe and ${sql.raw(c)}.hi > q.ps
    or (${sql.raw(c)}.more_lo is not null and exists (select 1 from unnest(${sql.raw(c)}.more_lo, ${sql.raw(c)}.more_hi) as mp(lo, hi)
      where mp.lo < q.pe and mp.hi > q.ps)))`;
  const result = await sql<{ i: number; n: number }>`
    select q.i, (
      select count(*)::int from analytics_area_unit c
      where c.area_code = ${area} and c.is_area and ${during('c')}
        and not exists (
          select 1 from area_version v join analytics_area_unit c2 on c2.area_code = ${area} and c2.unit_code = v.area_code
            and c2.is_area and ${during('c2')}
          where v.parent_code = c.unit_code)
    ) as n
    from unnest(${periods.map((p) => p.start)}::date[], ${periods.map((p) => p.end)}::date[]) with ordinality as q(ps, pe, i)`.execute(db);
  const byIndex = new Map(result.rows.map((r) => [Number(r.i), Number(r.n)]));
  return periods.map((_, i) => byIndex.get(i + 1) ?? 0);
}

/** Names of units: an organisation's, or an area's latest (the same as findUnit's), in two queries. */
export async function unitNames(db: Kysely<Database>, codes: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (codes.length === 0) return names;
  const areas = await db
    .selectFrom('area_version')
    .select(['area_code', 'name'])
    .where('area_code', 'in', codes)
    .orderBy('area_code')
    .orderBy('valid_from', 'desc')
    .execute();
  for (const a of areas) if (!names.has(a.area_code)) names.set(a.area_code, a.name);
  const orgs = await db.selectFrom('organisation').select(['code', 'name']).where('code', 'in', codes).execute();
  for (const o of orgs) names.set(o.code, o.name);
  return new Map(codes.map((c) => [c, names.get(c) ?? c]));
}
