import { computeIndicator, formulaRefs, parseFormula, parsePeriod, periodsWithin, type Formula, type NullReason, type Period } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import type { AuthContext } from '../auth/service.ts';
import { loadDataMetadata } from '../data-values/metadata.ts';
import { assertReadable } from '../areas/scope-check.ts';
import { ensureAggregates } from './aggregate.ts';
import * as repo from './repository.ts';

export interface IndicatorRow {
  indicator: string;
  org: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reason: NullReason | null;
  /** Units below the unit that have figures for the indicator's elements in the period. */
  reportingUnits: number;
  /** The lowest-level areas below the unit (the communes of a district); 1 for a commune or an organisation. */
  expectedUnits: number;
}

export interface IndicatorSpec {
  code: string;
  formula: Formula;
}

export async function loadIndicators(ctx: AppContext, codes: string[] | null): Promise<IndicatorSpec[]> {
  const rows = await ctx.db.selectFrom('indicator').select(['code', 'formula']).orderBy('code').execute();
  if (codes) {
    const unknown = codes.filter((c) => !rows.some((r) => r.code === c));
    if (unknown.length) throw errors.invalidField('indicator', `"${unknown[0]}" không phải là mã chỉ số đã có`, `"${unknown[0]}" is not a known indicator`);
  }
  return rows
    .filter((r) => !codes || codes.includes(r.code))
    .map((r) => {
      const parsed = parseFormula(r.formula);
      if (!parsed.ok) throw new Error(`indicator ${r.code} has a bad formula: ${parsed.message}`);
      return { code: r.code, formula: parsed.formula };
    });
}

function parsePeriods(codes: string[]): Period[] {
  return codes.map((code) => {
    const parsed = parsePeriod(code);
    if (!parsed.ok) throw errors.invalidField('period', parsed.messageVi, parsed.message);
    return parsed.period;
  });
}

/** Indicators for units and periods, each from the figures of the units below the unit as they stood in the period. */
export async function computeIndicators(ctx: AppContext, indicators: IndicatorSpec[], orgs: string[], periodCodes: string[]): Promise<IndicatorRow[]> {
  const elements = [...new Set(indicators.flatMap((i) => formulaRefs(i.formula).map((r) => r.element)))];
  const periods = parsePeriods(periodCodes);
  // The aggregate is read at once for every unit asked (organisations simply have no rows in it), while finding out which units are organisations.
  const [organisationRows, aggregate] = await Promise.all([
    orgs.length ? ctx.db.selectFrom('organisation').select('code').where('code', 'in', orgs).execute() : Promise.resolve([]),
    readAggregate(ctx, elements, orgs, periods.map((p) => p.code)),
  ]);
  const organisations = new Set(organisationRows.map((o) => o.code));
  const areas = orgs.filter((o) => !organisations.has(o));
  // An area's summed figures are already brought to the period; the elements' time aggregation matters for organisations only.
  const metadata = organisations.size ? await loadDataMetadata(ctx.db) : null;
  const aggregationOf = (element: string) => metadata?.elements.get(element)?.aggregation ?? 'sum';
  const fromAreas = areas.length ? await areaIndicators(ctx, aggregate, indicators, areas, periods, aggregationOf) : new Map<string, IndicatorRow>();
  const rows: IndicatorRow[] = [];
  for (const org of orgs) {
    for (const period of periods) {
      if (!organisations.has(org)) {
        for (const indicator of indicators) rows.push(fromAreas.get(`${indicator.code}|${org}|${period.code}`)!);
        continue;
      }
      const units = await repo.unitsOfOrganisation(ctx.db, org);
      const figures = await repo.figures(ctx.db, elements, units, periodsWithin(period));
      for (const indicator of indicators) {
        const own = new Set(formulaRefs(indicator.formula).map((r) => r.element));
        const reporting = new Set(figures.filter((f) => own.has(f.element)).map((f) => f.unit));
        rows.push({ indicator: indicator.code, org, period: period.code, ...computeIndicator(indicator.formula, figures, period, aggregationOf), reportingUnits: reporting.size, expectedUnits: 1 });
      }
    }
  }
  return rows;
}

/**
 * Indicators of areas from the aggregate: each area's summed figures of a
 * period are its figures for that period, so the formula is applied to them
 * as to one unit's; the reporting units come from the counts of units per
 * set of elements reported.
 */
async function areaIndicators(
  ctx: AppContext,
  { generation, figures, reporting, own }: AggregateRead,
  indicators: IndicatorSpec[],
  areas: string[],
  periods: Period[],
  aggregationOf: (element: string) => 'sum' | 'last',
): Promise<Map<string, IndicatorRow>> {
  const byAreaPeriod = groupBy(figures, (f) => `${f.unit}|${f.period}`);
  const result = new Map<string, IndicatorRow>();
  for (const area of areas) {
    const leaves = await leafAreas(ctx, generation, area, periods);
    for (const [p, period] of periods.entries()) {
      const key = `${area}|${period.code}`;
      const sets = reporting.filter((r) => r.area === area && r.period === period.code);
      const ownSet = new Set(own.filter((o) => o.unit === area && o.period === period.code).map((o) => o.element));
      for (const indicator of indicators) {
        const refs = new Set(formulaRefs(indicator.formula).map((r) => r.element));
        const reportingUnits = sets.filter((s) => s.elements.split(',').some((e) => refs.has(e))).reduce((a, s) => a + Number(s.units), 0);
        // A figure kept for the unit itself (the district's count of institutions) stands for the whole.
        const selfOnly = reportingUnits === 1 && [...refs].some((e) => ownSet.has(e));
        result.set(`${indicator.code}|${key}`, {
          indicator: indicator.code,
          org: area,
          period: period.code,
          ...computeIndicator(indicator.formula, byAreaPeriod.get(key) ?? [], period, aggregationOf),
          reportingUnits,
          expectedUnits: selfOnly ? 1 : leaves[p]!,
        });
      }
    }
  }
  return result;
}

type AggregateRead = Awaited<ReturnType<typeof readAggregate>>;

/** The aggregate's rows for units and periods, read together with its state; rebuilt first (and read again) if it was stale. */
async function readAggregate(ctx: AppContext, elements: string[], units: string[], codes: string[]) {
  const read = () => Promise.all([repo.areaFigures(ctx.db, elements, units, codes), repo.areaReporting(ctx.db, units, codes), repo.ownElements(ctx.db, units, codes)]);
  const [state, [figures, reporting, own]] = await Promise.all([ctx.db.selectFrom('analytics_state').select(['stale', 'generation']).executeTakeFirst(), read()]);
  if (state && !state.stale) return { generation: Number(state.generation), figures, reporting, own };
  const generation = await ensureAggregates(ctx.db);
  const [f, r, o] = await read();
  return { generation, figures: f, reporting: r, own: o };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Lowest-level areas below an area per period; they change only with the hierarchy, so they are kept per aggregate generation. */
const leafCache = new WeakMap<object, Map<string, number>>();
async function leafAreas(ctx: AppContext, generation: number, area: string, periods: Period[]): Promise<number[]> {
  let cache = leafCache.get(ctx.db);
  if (!cache) leafCache.set(ctx.db, (cache = new Map()));
  const key = (p: Period) => `${generation}|${area}|${p.start}|${p.end}`;
  const missing = periods.filter((p) => !cache.has(key(p)));
  if (missing.length) {
    const counts = await repo.leafAreasBelow(ctx.db, area, missing);
    if (cache.size > 10_000) cache.clear();
    missing.forEach((p, i) => cache.set(key(p), counts[i]!));
  }
  return periods.map((p) => cache.get(key(p))!);
}

/** The requested units, each known and in the user's reach; the user's own unit by default. */
export async function readableUnits(ctx: AppContext, auth: AuthContext, codes: string[] | null): Promise<string[]> {
  const units = codes ?? [auth.scope.code];
  await assertReadable(ctx, auth, units);
  return units;
}

/** The last `count` years up to the current one. */
export function recentYears(ctx: AppContext, count = 5): string[] {
  const year = ctx.now().getUTCFullYear();
  return Array.from({ length: count }, (_, i) => String(year - count + 1 + i));
}
