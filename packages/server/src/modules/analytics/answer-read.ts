import { completenessParts, parsePeriod, type StoredFigure } from '@vetplan/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Unit } from '../../access/units.ts';
import { catalogueVersion, catalogueVersionSql } from '../../db/catalogue-cache.ts';

/**
 * Everything one dashboard answer reads, in one statement (one round trip,
 * one consistent snapshot): the catalogue's version and the aggregate's
 * state, whether each unit asked for is known and in the user's reach (the
 * same rule as assertReadable), optionally the areas directly below the
 * first unit and the units' names, and the aggregate's rows for the units
 * and periods.
 */
export interface AnswerRequest {
  /** The units the request names, checked in order. */
  units: string[];
  /** The user's scope; null when the caller checked the units already. */
  scope: Unit | null;
  /** Also read the areas directly below the first unit that existed during [from, to). */
  children?: { from: string; to: string };
  /** Also read the units' names (an organisation's, or an area's latest). */
  names?: boolean;
  elements: string[];
  periods: string[];
}

export interface UnitCheck {
  code: string;
  kind: 'organisation' | 'area' | null;
  allowed: boolean;
}

export interface AnswerRead {
  version: string;
  stale: boolean;
  generation: number;
  units: UnitCheck[];
  /** The areas below the first unit (with `children`), in code order. */
  children: string[];
  names: Map<string, string>;
  figures: StoredFigure[];
  /**
   * Units reporting per area, period and set of elements: for the periods asked and the half-years of the years asked (their
   * completeness).
   */
  reporting: { area: string; period: string; elements: string; units: number }[];
  own: { unit: string; period: string; element: string }[];
}

interface Row {
  catalogue_load: number | null;
  stale: boolean | null;
  generation: number | null;
  checks: [string, 'o' | 'a' | null, boolean][];
  children: string[];
  names: [string, string][] | null;
  figures: [string, string, string, string, number][];
  reporting: [string, string, string, number][];
  own: [string, string, string][];
}

/** Whether the unit of row g (o: its organisation row, if any) is in the scope's reach: unitWithin in SQL. */
function allowedSql(scope: Unit | null): RawBuilder<unknown> {
  if (!scope) return sql`true`;
  if (scope.type === 'organisation') {
    return sql`(o.code is not null and exists (
      with recursive up(code) as (select o.code union select x.parent_code from organisation x join up on x.code = up.code
        where x.parent_code is not null)
      select 1 from up where up.code = ${scope.code}))`;
  }
  return sql`exists (
    with recursive up(code) as (select coalesce(o.area_code, g.code) union select v.parent_code from area_version v join up
      on v.area_code = up.code where v.parent_code is not null)
    select 1 from up where up.code = ${scope.code})`;
}

/** The periods and the parts whose reporting decides their completeness (a year's half-years). */
function withCompletenessParts(periods: string[]): string[] {
  const parts = periods.flatMap((code) => {
    const parsed = parsePeriod(code);
    return parsed.ok ? completenessParts(parsed.period).map((p) => p.code) : [];
  });
  return [...new Set([...periods, ...parts])];
}

export async function readAnswer(db: Kysely<Database>, q: AnswerRequest): Promise<AnswerRead> {
  const root = q.units[0] ?? '';
  const children = q.children
    ? sql`select distinct area_code as code from area_version where parent_code = ${root} and valid_from < ${q.children.to}::date
      and valid_to > ${q.children.from}::date`
    : sql`select null::text as code where false`;
  const names = q.names
    ? sql`(select json_agg(json_build_array(u.code, coalesce(o.name, (select v.name from area_version v where v.area_code = u.code
      order by v.valid_from desc limit 1), u.code)))
        from units u left join organisation o on o.code = u.code)`
    : sql`null::json`;
  const result = await sql<Row>`
    with given as (select code, i from unnest(${q.units}::text[]) with ordinality as g(code, i)),
    kids as (${children}),
    units as (select code from given union select code from kids),
    periods as (select unnest(${q.periods}::text[]) as period),
    reporting_periods as (select unnest(${withCompletenessParts(q.periods)}::text[]) as period)
    select ${catalogueVersionSql},
      (select coalesce(json_agg(json_build_array(g.code,
                 case when o.code is not null then 'o' when exists (select 1 from area_version v where v.area_code = g.code) then 'a' end,
                 ${allowedSql(q.scope)}) order by g.i), '[]')
       from given g left join organisation o on o.code = g.code) as checks,
      (select coalesce(json_agg(code order by code), '[]') from kids) as children,
      ${names} as names,
      (select coalesce(json_agg(json_build_array(f.element_code, f.period, f.area_code, f.disagg, f.value)), '[]')
       from units u join periods p on true join analytics_area_figure f on f.area_code = u.code and f.period = p.period
       where f.element_code = any(${q.elements}::text[])) as figures,
      (select coalesce(json_agg(json_build_array(r.area_code, r.period, r.elements, r.units)), '[]')
       from units u join reporting_periods p on true join analytics_area_reporting r on r.area_code = u.code
         and r.period = p.period) as reporting,
      (select coalesce(json_agg(json_build_array(x.unit_code, x.period, x.element_code)), '[]')
       from (select distinct f.unit_code, f.period, f.element_code
             from units u join periods p on true join analytics_unit_figure f on f.unit_code = u.code
               and f.period = p.period) x) as own`.execute(db);
  const row = result.rows[0]!;
  const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  const checks = json<Row['checks']>(row.checks);
  return {
    version: catalogueVersion(row.catalogue_load, Number(row.generation ?? 0)),
    stale: row.stale ?? true,
    generation: Number(row.generation ?? 0),
    units: checks.map(([code, kind, allowed]) => ({ code, kind: kind === 'o' ? 'organisation' : kind === 'a' ? 'area' : null, allowed })),
    children: json<string[]>(row.children),
    names: new Map(json<Row['names']>(row.names) ?? []),
    figures: json<Row['figures']>(row.figures).map(([element, period, unit, disagg, value]) => ({
      element,
      period,
      unit,
      disagg,
      value: Number(value),
    })),
    reporting: json<Row['reporting']>(row.reporting).map(([area, period, elements, units]) => ({
      area,
      period,
      elements,
      units: Number(units),
    })),
    own: json<Row['own']>(row.own).map(([unit, period, element]) => ({ unit, period, element })),
  };
}
