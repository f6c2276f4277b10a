import { period as periodOf, periodContains, periodParts, PERIOD_TYPES, type Period } from '../period/period.ts';
import { evaluateFormula, formulaRefs, ratioParts, refKey, type Formula, type NullReason } from './formula.ts';

/** A stored figure, as the aggregation reads it. */
export interface StoredFigure {
  element: string;
  period: string;
  unit: string;
  disagg: string;
  value: number;
}

/** Every period code whose figures may make up `p`: itself and all its shorter parts (a year: 1 + 2 + 4 + 12 codes). */
export function periodsWithin(p: Period): string[] {
  const index = PERIOD_TYPES.indexOf(p.type);
  return PERIOD_TYPES.slice(0, index + 1).flatMap((type) => periodParts(p, type).map((x) => x.code));
}

const LENGTH_RANK: Record<Period['type'], number> = { yearly: 0, six_monthly: 1, quarterly: 2, monthly: 3 };

/**
 * One unit's figure of one cell for a period, from what it stored within it:
 * figures of the longest period type present are used (a yearly figure before
 * half-years, so nothing is counted twice); of those, `sum` elements add up and
 * `last` elements take the latest.
 */
export function figureForPeriod(stored: readonly { period: Period; value: number }[], aggregation: 'sum' | 'last'): number | null {
  if (stored.length === 0) return null;
  const best = Math.min(...stored.map((s) => LENGTH_RANK[s.period.type]));
  const used = stored.filter((s) => LENGTH_RANK[s.period.type] === best);
  if (aggregation === 'sum') return used.reduce((a, s) => a + s.value, 0);
  return used.reduce((latest, s) => (s.period.start > latest.period.start ? s : latest)).value;
}

function disaggMatches(disagg: string, filter: Record<string, string>): boolean {
  const pairs = disagg === '' ? [] : disagg.split(';');
  return Object.entries(filter).every(([d, v]) => pairs.includes(`${d}:${v}`));
}

export interface IndicatorValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reason: NullReason | null;
}

/**
 * An indicator for a set of units and a period: each reference is summed over
 * the units and the dimension values it selects (after each unit's figures are
 * brought to the period), then the formula is applied — a rate is a ratio of
 * sums, never an average of rates. A reference whose element has no figure in
 * any of the units is missing data; an element with figures but none in the
 * selected dimension values counts 0.
 */
export function computeIndicator(
  formula: Formula,
  figures: readonly StoredFigure[],
  period: Period,
  aggregationOf: (element: string) => 'sum' | 'last',
): IndicatorValue {
  const byCell = new Map<string, { element: string; disagg: string; stored: { period: Period; value: number }[] }>();
  for (const f of figures) {
    const p = periodOf(f.period);
    if (!periodContains(period, p)) continue;
    const key = `${f.element}|${f.unit}|${f.disagg}`;
    const cell = byCell.get(key) ?? { element: f.element, disagg: f.disagg, stored: [] };
    cell.stored.push({ period: p, value: f.value });
    byCell.set(key, cell);
  }
  const totals = new Map<string, number | null>();
  for (const ref of formulaRefs(formula)) {
    let total = 0;
    let any = false;
    for (const cell of byCell.values()) {
      if (cell.element !== ref.element) continue;
      const v = figureForPeriod(cell.stored, aggregationOf(ref.element));
      if (v === null) continue;
      any = true;
      if (disaggMatches(cell.disagg, ref.filter)) total += v;
    }
    totals.set(refKey(ref), any ? total : null);
  }
  const lookup = (ref: { element: string; filter: Record<string, string> }) => totals.get(refKey(ref)) ?? null;
  const result = evaluateFormula(formula, lookup);
  const parts = ratioParts(formula);
  const numerator = evaluateFormula(parts.numerator, lookup).value;
  const denominator = parts.denominator ? evaluateFormula(parts.denominator, lookup).value : null;
  // N × k / D rather than N / D × k: the same number, without 55.00000000000001.
  const value = result.value !== null && numerator !== null && denominator ? (numerator * parts.scale) / denominator : result.value;
  return { value, numerator, denominator, reason: result.reason };
}
