import type { ProgressStatus } from '../plan/progress.ts';
import type { Timeliness } from '../period/schedule.ts';
import type { TaskStatus } from './status.ts';

/**
 * The weights and points of the annual scorecard of an organisation (data:
 * kept in the `evaluation_rule` table, defaults below and in
 * docs/evaluation-rules.md).
 */
export interface EvaluationRules {
  /** Weight of each part of the score; a part with nothing to judge is left out and the others share its weight. */
  weight: { tasks: number; indicators: number; reports: number };
  /** Points of an assignment by status; statuses not listed here (in progress, not started: not yet due) are not judged. */
  task: { done_on_time: number; done_late: number; overdue: number };
  /** How much an assignment counts by the organisation's role in the task. */
  role: { lead: number; coordinating: number };
  /** Points of an indicator target by its progress status; `no_data` is not judged. */
  indicator: { met: number; on_track: number; at_risk: number; off_track: number; not_met: number };
  /** Points of a data report by its timeliness; `not_due` is not judged. */
  report: { on_time: number; late: number; overdue: number };
  /** Lowest total of each rating (xếp loại), best first. */
  rating: { excellent: number; good: number; pass: number };
}

export const DEFAULT_EVALUATION_RULES: EvaluationRules = {
  weight: { tasks: 50, indicators: 30, reports: 20 },
  task: { done_on_time: 100, done_late: 50, overdue: 0 },
  role: { lead: 1, coordinating: 0.5 },
  indicator: { met: 100, on_track: 100, at_risk: 50, off_track: 0, not_met: 0 },
  report: { on_time: 100, late: 50, overdue: 0 },
  rating: { excellent: 90, good: 70, pass: 50 },
};

/** The rules as flat keys (`weight.tasks`), the shape they are stored in. */
export function flattenRules(r: EvaluationRules): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [group, values] of Object.entries(r))
    for (const [k, v] of Object.entries(values as Record<string, number>)) out[`${group}.${k}`] = v;
  return out;
}

/** Rules from stored flat keys; a key not stored keeps its default, unknown keys are ignored. */
export function rulesFrom(rows: { key: string; value: number }[], base: EvaluationRules = DEFAULT_EVALUATION_RULES): EvaluationRules {
  const r = structuredClone(base) as unknown as Record<string, Record<string, number>>;
  for (const { key, value } of rows) {
    const [group, name] = key.split('.');
    if (group && name && r[group] && name in r[group]!) r[group]![name] = Number(value);
  }
  return r as unknown as EvaluationRules;
}

export const RATINGS = ['excellent', 'good', 'pass', 'fail'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, { vi: string; en: string }> = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
  pass: { vi: 'Hoàn thành nhiệm vụ', en: 'Satisfactory' },
  fail: { vi: 'Không hoàn thành nhiệm vụ', en: 'Not satisfactory' },
};

export interface TaskItem {
  key: string;
  label: string;
  role: 'lead' | 'coordinating';
  status: TaskStatus;
  dueOn: string;
}
export interface IndicatorItem {
  key: string;
  label: string;
  status: ProgressStatus;
  value: number | null;
  target: number;
}
export interface ReportItem {
  key: string;
  label: string;
  timeliness: Timeliness;
  dueOn: string;
}
export interface Adjustment {
  delta: number;
  reason: string;
  by: string;
  at: string;
}

export interface ScoredItem {
  key: string;
  label: string;
  /** The status that earned the points. */
  status: string;
  /** Points 0..100, or null when not judged (not yet due, no data). */
  points: number | null;
  /** How much the item counts within its part. */
  weight: number;
}

export interface ScorePart {
  part: 'tasks' | 'indicators' | 'reports';
  /** The weight the rules give the part, and the share it got once empty parts were left out (0..1). */
  weight: number;
  share: number;
  /**
   * The share as the scorecard shows it: a percentage with two decimals, the
   * parts' adding up to exactly 100 (largest remainder); 0 for a part left out.
   */
  sharePercent: number;
  /** Weighted mean of the judged items' points, one decimal; null when none was judged. */
  score: number | null;
  /** sharePercent × score / 100, exactly (at most five decimals); 0 for a part left out. The contributions add up to `sum`. */
  contribution: number;
  items: ScoredItem[];
}

export interface Scorecard {
  parts: ScorePart[];
  /** The parts' contributions added up, unrounded; null when nothing could be judged. */
  sum: number | null;
  /** `sum` rounded to one decimal (the only rounding after the part scores), before adjustments; null when nothing could be judged. */
  computed: number | null;
  adjustments: Adjustment[];
  /** computed + adjustments, kept within 0..100. */
  total: number | null;
  rating: Rating | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Percentages with two decimals, as whole hundredths, that add up to exactly
 * 100.00: each weight's exact share rounded down, the hundredths left over
 * given to the largest remainders (the earlier part on a tie).
 */
export function hundredthsOf(weights: readonly number[]): number[] {
  const total = weights.reduce((a, w) => a + w, 0);
  if (total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * 10_000) / total);
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let left = 10_000 - floors.reduce((a, x) => a + x, 0);
  const order = exact.map((x, i) => ({ i, rest: x - floors[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors;
}

function part(name: ScorePart['part'], weight: number, items: ScoredItem[]): Omit<ScorePart, 'share' | 'sharePercent' | 'contribution'> {
  const judged = items.filter((i) => i.points !== null && i.weight > 0);
  const w = judged.reduce((s, i) => s + i.weight, 0);
  const score = w === 0 ? null : round1(judged.reduce((s, i) => s + i.points! * i.weight, 0) / w);
  return { part: name, weight, score, items };
}

const pointsOf = <K extends string>(table: Record<K, number>, status: string): number | null =>
  status in table ? table[status as K] : null;

/** The rating of a total by the rules' thresholds. */
export function ratingOf(total: number, r: EvaluationRules['rating']): Rating {
  if (total >= r.excellent) return 'excellent';
  if (total >= r.good) return 'good';
  if (total >= r.pass) return 'pass';
  return 'fail';
}

/**
 * The scorecard of one organisation for one year: three parts (task
 * timeliness, results of the indicators it leads, timeliness of its data
 * reports), each the weighted mean of its judged items' points; the total is
 * the parts' weighted mean (parts with nothing judged left out), plus the
 * plan manager's adjustments, kept within 0..100, and rated by thresholds.
 */
export function scorecard(
  input: { tasks: TaskItem[]; indicators: IndicatorItem[]; reports: ReportItem[]; adjustments: Adjustment[] },
  rules: EvaluationRules = DEFAULT_EVALUATION_RULES,
): Scorecard {
  const raw = [
    part(
      'tasks',
      rules.weight.tasks,
      input.tasks.map((t) => ({
        key: t.key,
        label: t.label,
        status: t.status,
        points: pointsOf(rules.task, t.status),
        weight: rules.role[t.role],
      })),
    ),
    part(
      'indicators',
      rules.weight.indicators,
      input.indicators.map((i) => ({
        key: i.key,
        label: i.label,
        status: i.status,
        points: pointsOf(rules.indicator, i.status),
        weight: 1,
      })),
    ),
    part(
      'reports',
      rules.weight.reports,
      input.reports.map((r) => ({
        key: r.key,
        label: r.label,
        status: r.timeliness,
        points: pointsOf(rules.report, r.timeliness),
        weight: 1,
      })),
    ),
  ];
  const counts = (p: (typeof raw)[number]) => p.score !== null && p.weight > 0;
  const totalWeight = raw.filter(counts).reduce((s, p) => s + p.weight, 0);
  // In whole units (hundredths of a percent × tenths of a point) so that what is shown multiplies and adds up exactly.
  const hundredths = hundredthsOf(raw.map((p) => (counts(p) ? p.weight : 0)));
  const units = raw.map((p, i) => (counts(p) ? hundredths[i]! * Math.round(p.score! * 10) : 0));
  const parts: ScorePart[] = raw.map((p, i) => ({
    ...p,
    share: counts(p) && totalWeight > 0 ? p.weight / totalWeight : 0,
    sharePercent: hundredths[i]! / 100,
    contribution: units[i]! / 100_000,
  }));
  const sumUnits = units.reduce((a, u) => a + u, 0);
  const sum = totalWeight === 0 ? null : sumUnits / 100_000;
  // Rounded once, half up, from the exact whole units: 86.65 gives 86.7.
  const computed = totalWeight === 0 ? null : Math.floor((sumUnits + 5_000) / 10_000) / 10;
  const delta = input.adjustments.reduce((s, a) => s + a.delta, 0);
  const base = computed ?? (input.adjustments.length > 0 ? 0 : null);
  const total = base === null ? null : round1(Math.min(100, Math.max(0, base + delta)));
  return { parts, sum, computed, adjustments: input.adjustments, total, rating: total === null ? null : ratingOf(total, rules.rating) };
}

/** Ranks scorecards by total, best first; equal totals share a rank; those without a total come last, unranked. */
export function rank<T extends { total: number | null }>(rows: T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => (b.total ?? -1) - (a.total ?? -1));
  let prev: number | null = null;
  let rankNo = 0;
  return sorted.map((r, i) => {
    if (r.total === null) return { ...r, rank: null };
    if (r.total !== prev) rankNo = i + 1;
    prev = r.total;
    return { ...r, rank: rankNo };
  });
}
