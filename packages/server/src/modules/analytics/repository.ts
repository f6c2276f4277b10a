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
