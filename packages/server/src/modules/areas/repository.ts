import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface AreaVersionRow {
  code: string;
  level: string;
  name: string;
  name_en: string | null;
  kind: string;
  parent_code: string | null;
  valid_from: string;
  valid_to: string;
}

/** The versions of the given areas that are valid on `date`. */
export function areaVersionsOn(db: Kysely<Database>, codes: string[], date: string): Promise<AreaVersionRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('area_version as v')
    .innerJoin('area as a', 'a.code', 'v.area_code')
    .select(['v.area_code as code', 'a.level', 'v.name', 'v.name_en', 'v.kind', 'v.parent_code', 'v.valid_from', 'v.valid_to'])
    .where('v.area_code', 'in', codes)
    .where('v.valid_from', '<=', date)
    .where('v.valid_to', '>', date)
    .orderBy('v.area_code')
    .execute();
}

export function organisationsIn(db: Kysely<Database>, areaCodes: string[] | null, orgCodes: string[] | null, date: string) {
  return db
    .selectFrom('organisation')
    .select(['code', 'name', 'short_name', 'name_en', 'kind', 'area_code', 'parent_code'])
    .$if(areaCodes !== null, (q) => q.where('area_code', 'in', areaCodes!.length ? areaCodes! : ['']))
    .$if(orgCodes !== null, (q) => q.where('code', 'in', orgCodes!.length ? orgCodes! : ['']))
    .where('valid_from', '<=', date)
    .where('valid_to', '>', date)
    .orderBy('code')
    .execute();
}
