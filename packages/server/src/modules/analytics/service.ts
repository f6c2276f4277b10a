import {
  completenessParts,
  computeIndicator,
  formulaRefs,
  parseFormula,
  parsePeriod,
  periodsWithin,
  provisionalReason,
  type CompletenessRule,
  type Formula,
  type NullReason,
  type Period,
  type ProvisionalReason,
} from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { ensureAggregates } from './aggregate.ts';
import { readAnswer, type AnswerRead, type AnswerRequest, type UnitCheck } from './answer-read.ts';
import type { CachedIndicator, CatalogueSnapshot } from '../../db/catalogue-cache.ts';
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
  /** Not complete enough to be final (tạm tính): shown marked, never as a headline. */
  provisional: boolean;
  provisionalReason: ProvisionalReason | null;
}

export interface IndicatorSpec {
  code: string;
  formula: Formula;
}

export async function loadIndicators(ctx: AppContext, codes: string[] | null): Promise<IndicatorSpec[]> {
  const rows = await ctx.db.selectFrom('indicator').select(['code', 'formula']).orderBy('code').execute();
  if (codes) {
    const unknown = codes.filter((c) => !rows.some((r) => r.code === c));
    if (unknown.length)
      throw errors.invalidField('indicator', `"${unknown[0]}" không phải là mã chỉ số đã có`, `"${unknown[0]}" is not a known indicator`);
  }
  return rows
    .filter((r) => !codes || codes.includes(r.code))
    .map((r) => {
      const parsed = parseFormula(r.formula);
      if (!parsed.ok) throw new Error(`indicator ${r.code} has a bad formula: ${parsed.message}`);
      return { code: r.code, formula: parsed.formula };
    });
}

export function parsePeriods(codes: string[]): Period[] {
  return codes.map((code) => {
    const parsed = parsePeriod(code);
    if (!parsed.ok) throw errors.invalidField('period', parsed.messageVi, parsed.message);
    return parsed.period;
  });
}

/** Indicators for units and periods, each from the figures of the units below the unit as they stood in the period. */
export async function computeIndicators(
  ctx: AppContext,
  indicators: IndicatorSpec[],
  orgs: string[],
  periodCodes: string[],
): Promise<IndicatorRow[]> {
  const periods = parsePeriods(periodCodes);
  const { cat, read } = await answerRead(ctx, () => ({ units: orgs, scope: null, elements: elementsOf(indicators), periods: periodCodes }));
  return indicatorsFromRead(ctx, cat, read, indicators, orgs, periods);
}

/**
 * The indicators route's answer: indicators from the catalogue (all by
 * default), units checked against the user's scope (the user's own unit by
 * default), in one statement with the aggregate's rows.
 */
export async function indicatorAnswer(
  ctx: AppContext,
  auth: AuthContext,
  codes: string[] | null,
  orgs: string[] | null,
  periodCodes: string[],
): Promise<IndicatorRow[]> {
  const units = orgs ?? [auth.scope.code];
  let indicators: IndicatorSpec[] = [];
  const { cat, read } = await answerRead(ctx, (c) => {
    indicators = indicatorsOf(c, codes);
    return { units, scope: auth.scope, elements: elementsOf(indicators), periods: periodCodes };
  });
  assertChecked(read.units);
  return indicatorsFromRead(ctx, cat, read, indicators, units, parsePeriods(periodCodes));
}

/** The indicators of a catalogue snapshot by code (all, in code order, for null); 400 for an unknown code. */
export function indicatorsOf(cat: CatalogueSnapshot, codes: string[] | null): CachedIndicator[] {
  if (!codes) return [...cat.indicators.values()];
  const unknown = codes.filter((c) => !cat.indicators.has(c));
  if (unknown.length)
    throw errors.invalidField('indicator', `"${unknown[0]}" không phải là mã chỉ số đã có`, `"${unknown[0]}" is not a known indicator`);
  return [...cat.indicators.values()].filter((i) => codes.includes(i.code));
}

function elementsOf(indicators: IndicatorSpec[]): string[] {
  return [...new Set(indicators.flatMap((i) => formulaRefs(i.formula).map((r) => r.element)))];
}

/** The units' checks in order, as assertReadable makes them: 400 for an unknown unit, 403 for one out of reach. */
export function assertChecked(units: UnitCheck[]): void {
  for (const u of units) {
    if (!u.kind) throw errors.unknownUnit(u.code);
    if (!u.allowed) throw errors.outOfScope(u.code);
  }
}

/**
 * Runs an answer's statement (readAnswer) with the cached catalogue, and
 * again with the catalogue read anew when the statement shows it changed or
 * the aggregate stale (which is rebuilt first). `request` may throw for what
 * the cached catalogue lacks (an unknown plan or indicator): it is then asked
 * again with the catalogue read anew, and its error stands.
 */
export async function answerRead(
  ctx: AppContext,
  request: (cat: CatalogueSnapshot) => AnswerRequest,
): Promise<{ cat: CatalogueSnapshot; read: AnswerRead }> {
  let cat = await ctx.catalogue.current(ctx.db);
  let q: AnswerRequest;
  try {
    q = request(cat);
  } catch {
    cat = await ctx.catalogue.reload(ctx.db);
    q = request(cat);
  }
  let read = await readAnswer(ctx.db, q);
  // A catalogue load racing the reload may need one more turn; a stale aggregate is rebuilt once.
  for (let turn = 0; turn < 3 && (read.stale || read.version !== cat.version); turn++) {
    if (read.stale && turn === 0) await ensureAggregates(ctx.db);
    cat = await ctx.catalogue.reload(ctx.db);
    read = await readAnswer(ctx.db, request(cat));
  }
  return { cat, read };
}

/** The indicators of each unit (areas from the read aggregate, organisations from their figures) and period, units first. */
export async function indicatorsFromRead(
  ctx: AppContext,
  cat: CatalogueSnapshot,
  read: AnswerRead,
  indicators: IndicatorSpec[],
  orgs: string[],
  periods: Period[],
): Promise<IndicatorRow[]> {
  const organisations = new Set(read.units.filter((u) => u.kind === 'organisation').map((u) => u.code));
  const areas = orgs.filter((o) => !organisations.has(o));
  const aggregationOf = (element: string) => cat.aggregation.get(element) ?? 'sum';
  const fromAreas = areas.length
    ? await areaIndicators(ctx, read, indicators, areas, periods, aggregationOf)
    : new Map<string, IndicatorRow>();
  const elements = elementsOf(indicators);
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
        const mine = figures.filter((f) => own.has(f.element));
        const unitsIn = (codes: Set<string>) => new Set(mine.filter((f) => codes.has(f.period)).map((f) => f.unit)).size;
        const reportingUnits = new Set(mine.map((f) => f.unit)).size;
        const parts = completenessParts(period).map((part) => unitsIn(new Set(periodsWithin(part))));
        const value = computeIndicator(indicator.formula, figures, period, aggregationOf);
        rows.push({
          indicator: indicator.code,
          org,
          period: period.code,
          ...value,
          reportingUnits,
          expectedUnits: 1,
          ...completeness(ctx, period, { reportingUnits, expectedUnits: 1, parts }),
        });
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
  { generation, figures, reporting, own }: AnswerRead,
  indicators: IndicatorSpec[],
  areas: string[],
  periods: Period[],
  aggregationOf: (element: string) => 'sum' | 'last',
): Promise<Map<string, IndicatorRow>> {
  const byAreaPeriod = groupBy(figures, (f) => `${f.unit}|${f.period}`);
  const setsByAreaPeriod = groupBy(reporting, (r) => `${r.area}|${r.period}`);
  const ownByAreaPeriod = groupBy(own, (o) => `${o.unit}|${o.period}`);
  const refsOf = new Map(indicators.map((i) => [i.code, new Set(formulaRefs(i.formula).map((r) => r.element))]));
  const leaves = await leafAreas(ctx, generation, areas, periods);
  const result = new Map<string, IndicatorRow>();
  for (const area of areas) {
    for (const period of periods) {
      const key = `${area}|${period.code}`;
      const sets = (setsByAreaPeriod.get(key) ?? []).map((s) => ({ elements: s.elements.split(','), units: s.units }));
      const ownSet = new Set((ownByAreaPeriod.get(key) ?? []).map((o) => o.element));
      for (const indicator of indicators) {
        const refs = refsOf.get(indicator.code)!;
        const unitsIn = (periodCode: string) =>
          (setsByAreaPeriod.get(`${area}|${periodCode}`) ?? [])
            .filter((s) => s.elements.split(',').some((e) => refs.has(e)))
            .reduce((a, s) => a + s.units, 0);
        const reportingUnits = sets.filter((s) => s.elements.some((e) => refs.has(e))).reduce((a, s) => a + s.units, 0);
        // A figure kept for the unit itself (the district's count of institutions) stands for the whole.
        const selfOnly = reportingUnits === 1 && [...refs].some((e) => ownSet.has(e));
        const expectedUnits = selfOnly ? 1 : leaves.get(`${area}|${period.code}`)!;
        const parts = completenessParts(period).map((part) => unitsIn(part.code));
        result.set(`${indicator.code}|${key}`, {
          indicator: indicator.code,
          org: area,
          period: period.code,
          ...computeIndicator(indicator.formula, byAreaPeriod.get(key) ?? [], period, aggregationOf),
          reportingUnits,
          expectedUnits,
          ...completeness(ctx, period, { reportingUnits, expectedUnits, parts }),
        });
      }
    }
  }
  return result;
}

/** The configured completeness rule (COMPLETENESS_PERCENT). */
export function completenessRule(ctx: AppContext): CompletenessRule {
  return { minShare: ctx.config.completenessPercent / 100 };
}

function completeness(ctx: AppContext, period: Period, reporting: { reportingUnits: number; expectedUnits: number; parts: number[] }) {
  const reason = provisionalReason(period, ctx.now().toISOString().slice(0, 10), reporting, completenessRule(ctx));
  return { provisional: reason !== null, provisionalReason: reason };
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

/**
 * Lowest-level areas below areas per period (keyed area|period); they change only with the hierarchy, so they are kept per aggregate
 * generation.
 */
const leafCache = new WeakMap<object, Map<string, number>>();
async function leafAreas(ctx: AppContext, generation: number, areas: string[], periods: Period[]): Promise<Map<string, number>> {
  let cache = leafCache.get(ctx.db);
  if (!cache) leafCache.set(ctx.db, (cache = new Map()));
  const key = (area: string, p: Period) => `${generation}|${area}|${p.start}|${p.end}`;
  const result = new Map<string, number>();
  for (const area of areas) {
    const missing = periods.filter((p) => !cache.has(key(area, p)));
    if (missing.length) {
      const counts = await repo.leafAreasBelow(ctx.db, area, missing);
      if (cache.size > 10_000) cache.clear();
      missing.forEach((p, i) => cache.set(key(area, p), counts[i]!));
    }
    for (const p of periods) result.set(`${area}|${p.code}`, cache.get(key(area, p))!);
  }
  return result;
}

/** The last `count` years up to the current one. */
export function recentYears(ctx: AppContext, count = 5): string[] {
  const year = ctx.now().getUTCFullYear();
  return Array.from({ length: count }, (_, i) => String(year - count + 1 + i));
}
