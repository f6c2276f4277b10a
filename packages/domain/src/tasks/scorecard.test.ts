import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EVALUATION_RULES as R,
  flattenRules,
  rank,
  ratingOf,
  rulesFrom,
  scorecard,
  type IndicatorItem,
  type ReportItem,
  type TaskItem,
} from './scorecard.ts';

const task = (status: TaskItem['status'], role: TaskItem['role'] = 'lead', key = `T-${status}-${role}`): TaskItem => ({
  key,
  label: key,
  role,
  status,
  dueOn: '2025-06-20',
});
const ind = (status: IndicatorItem['status']): IndicatorItem => ({ key: `I-${status}`, label: status, status, value: 1, target: 2 });
const rep = (timeliness: ReportItem['timeliness']): ReportItem => ({
  key: `R-${timeliness}`,
  label: timeliness,
  timeliness,
  dueOn: '2025-06-20',
});
const only = (over: Partial<Parameters<typeof scorecard>[0]>) =>
  scorecard({ tasks: [], indicators: [], reports: [], adjustments: [], ...over });

describe('scorecard rules and weights (defaults)', () => {
  it('gives tasks 100 done on time, 50 done late, 0 overdue, and does not judge tasks not yet due', () => {
    expect(only({ tasks: [task('done_on_time')] }).total).toBe(R.task.done_on_time);
    expect(R.task.done_on_time).toBe(100);
    expect(only({ tasks: [task('done_late')] }).total).toBe(50);
    expect(only({ tasks: [task('overdue')] }).total).toBe(0);
    const notDue = only({ tasks: [task('in_progress'), task('not_started')] });
    expect(notDue.total).toBeNull();
    expect(notDue.parts[0]!.items.map((i) => i.points)).toEqual([null, null]);
  });
  it('counts a lead assignment 1 and a coordinating one 0.5', () => {
    // (100×1 + 0×0.5) / 1.5 = 66.7
    expect(only({ tasks: [task('done_on_time', 'lead'), task('overdue', 'coordinating')] }).total).toBe(66.7);
    expect(R.role).toEqual({ lead: 1, coordinating: 0.5 });
  });
  it('gives indicators 100 met or on track, 50 at risk, 0 off track or not met, and skips no data', () => {
    expect(only({ indicators: [ind('met')] }).total).toBe(100);
    expect(only({ indicators: [ind('on_track')] }).total).toBe(100);
    expect(only({ indicators: [ind('at_risk')] }).total).toBe(50);
    expect(only({ indicators: [ind('off_track')] }).total).toBe(0);
    expect(only({ indicators: [ind('not_met')] }).total).toBe(0);
    expect(only({ indicators: [ind('no_data')] }).total).toBeNull();
  });
  it('gives data reports 100 on time, 50 late, 0 overdue, and skips those not yet due', () => {
    expect(only({ reports: [rep('on_time')] }).total).toBe(100);
    expect(only({ reports: [rep('late')] }).total).toBe(50);
    expect(only({ reports: [rep('overdue')] }).total).toBe(0);
    expect(only({ reports: [rep('not_due')] }).total).toBeNull();
  });
  it('weighs tasks 50, indicators 30, reports 20', () => {
    expect(R.weight).toEqual({ tasks: 50, indicators: 30, reports: 20 });
    const s = only({ tasks: [task('done_on_time')], indicators: [ind('off_track')], reports: [rep('overdue')] });
    expect(s.total).toBe(50);
    expect(only({ tasks: [task('overdue')], indicators: [ind('met')], reports: [rep('overdue')] }).total).toBe(30);
    expect(only({ tasks: [task('overdue')], indicators: [ind('off_track')], reports: [rep('on_time')] }).total).toBe(20);
  });
  it('shares the weight of a part with nothing judged among the others', () => {
    const s = only({ tasks: [task('done_on_time')], reports: [rep('overdue')] });
    // 100 × 50/70 + 0 × 20/70
    expect(s.total).toBe(71.4);
    expect(s.parts.map((p) => p.share)).toEqual([50 / 70, 0, 20 / 70]);
  });
  it('rates 90+ excellent, 70+ good, 50+ pass, below fail', () => {
    expect(R.rating).toEqual({ excellent: 90, good: 70, pass: 50 });
    expect([90, 89.9, 70, 69.9, 50, 49.9].map((x) => ratingOf(x, R.rating))).toEqual(['excellent', 'good', 'good', 'pass', 'pass', 'fail']);
  });
  it('adds the plan manager’s adjustments and keeps the total within 0..100', () => {
    const adj = (delta: number) => ({ delta, reason: 'r', by: 'lan', at: '2025-12-01' });
    const s = only({ tasks: [task('done_late')], adjustments: [adj(5), adj(-2)] });
    expect(s.computed).toBe(50);
    expect(s.total).toBe(53);
    expect(only({ tasks: [task('done_on_time')], adjustments: [adj(10)] }).total).toBe(100);
    expect(only({ tasks: [task('overdue')], adjustments: [adj(-10)] }).total).toBe(0);
    expect(only({ adjustments: [adj(12)] }).total).toBe(12);
  });
  it('reads stored rules over the defaults and ignores unknown keys', () => {
    const r = rulesFrom([
      { key: 'weight.tasks', value: 70 },
      { key: 'task.done_late', value: 30 },
      { key: 'nonsense.x', value: 1 },
    ]);
    expect(r.weight).toEqual({ tasks: 70, indicators: 30, reports: 20 });
    expect(only({ tasks: [task('done_late')] }).total).toBe(50);
    expect(scorecard({ tasks: [task('done_late')], indicators: [], reports: [], adjustments: [] }, r).total).toBe(30);
    expect(rulesFrom(Object.entries(flattenRules(R)).map(([key, value]) => ({ key, value })))).toEqual(R);
  });
  it('stays within 0..100 for any items (property)', () => {
    const status = fc.constantFrom('done_on_time', 'done_late', 'overdue', 'in_progress', 'not_started') as fc.Arbitrary<
      TaskItem['status']
    >;
    fc.assert(
      fc.property(
        fc.array(status),
        fc.array(fc.constantFrom('on_time', 'late', 'overdue', 'not_due') as fc.Arbitrary<ReportItem['timeliness']>),
        (ts, rs) => {
          const s = only({ tasks: ts.map((x, i) => task(x, i % 2 ? 'lead' : 'coordinating', String(i))), reports: rs.map(rep) });
          if (s.total !== null) expect(s.total).toBeGreaterThanOrEqual(0);
          if (s.total !== null) expect(s.total).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

describe('ranking', () => {
  it('ranks best first, shares ranks on equal totals, and leaves unscored last', () => {
    expect(
      rank([
        { id: 'a', total: 70 },
        { id: 'b', total: null },
        { id: 'c', total: 90 },
        { id: 'd', total: 70 },
      ]).map((r) => [r.id, r.rank]),
    ).toEqual([
      ['c', 1],
      ['a', 2],
      ['d', 2],
      ['b', null],
    ]);
  });
});

describe('a scorecard that adds up by hand (issue 14, item 7)', () => {
  const shown = (s: ReturnType<typeof scorecard>) => s.parts.map((p) => [p.sharePercent, p.score, p.contribution]);

  it('shows three equal weights as 33.34 + 33.33 + 33.33 = 100 and parts whose products add up to the sum, rounded once', () => {
    const equal = rulesFrom([
      { key: 'weight.tasks', value: 1 },
      { key: 'weight.indicators', value: 1 },
      { key: 'weight.reports', value: 1 },
    ]);
    // Tasks: (100 × 1 + 50 × 0.5) / 1.5 = 83.33… shown 83.3; indicators 50; reports (100 + 50 + 0) / 3 = 50.
    const s = scorecard(
      {
        tasks: [task('done_on_time'), task('done_late', 'coordinating')],
        indicators: [ind('at_risk')],
        reports: [rep('on_time'), rep('late'), rep('overdue')],
        adjustments: [],
      },
      equal,
    );
    expect(shown(s)).toEqual([
      [33.34, 83.3, 27.77222],
      [33.33, 50, 16.665],
      [33.33, 50, 16.665],
    ]);
    expect(s.sum).toBe(61.10222);
    expect(s.computed).toBe(61.1);
  });

  it('rounds half up at the end only', () => {
    // 50 % × 83.3 + 50 % × 50 = 41.65 + 25 = 66.65 → 66.7 (a rounding of each part first would give 41.7 + 25 = 66.7 by luck; 0.05 steps are exact here).
    const halves = rulesFrom([
      { key: 'weight.tasks', value: 1 },
      { key: 'weight.indicators', value: 1 },
      { key: 'weight.reports', value: 0 },
    ]);
    const s = scorecard(
      { tasks: [task('done_on_time'), task('done_late', 'coordinating')], indicators: [ind('at_risk')], reports: [], adjustments: [] },
      halves,
    );
    expect(shown(s).slice(0, 2)).toEqual([
      [50, 83.3, 41.65],
      [50, 50, 25],
    ]);
    expect([s.sum, s.computed]).toEqual([66.65, 66.7]);
  });

  it('always: shown weights of the counted parts add up to 100, each part is weight × score, the parts add up to the sum, the score is the sum rounded', () => {
    const statuses = fc.constantFrom<TaskItem['status']>('done_on_time', 'done_late', 'overdue', 'in_progress');
    const arb = fc.record({
      weights: fc.tuple(fc.integer({ min: 0, max: 97 }), fc.integer({ min: 0, max: 97 }), fc.integer({ min: 0, max: 97 })),
      tasks: fc.array(fc.tuple(statuses, fc.boolean()), { maxLength: 7 }),
      reports: fc.array(fc.constantFrom<ReportItem['timeliness']>('on_time', 'late', 'overdue'), { maxLength: 7 }),
      indicators: fc.array(fc.constantFrom<IndicatorItem['status']>('met', 'at_risk', 'off_track'), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(arb, ({ weights, tasks, reports, indicators }) => {
        const r = rulesFrom([
          { key: 'weight.tasks', value: weights[0] },
          { key: 'weight.indicators', value: weights[1] },
          { key: 'weight.reports', value: weights[2] },
        ]);
        const s = scorecard(
          {
            tasks: tasks.map(([st, lead], i) => task(st, lead ? 'lead' : 'coordinating', `T${i}`)),
            indicators: indicators.map(ind),
            reports: reports.map(rep),
            adjustments: [],
          },
          r,
        );
        const counted = s.parts.filter((p) => p.share > 0);
        expect(s.computed === null).toBe(s.sum === null);
        if (s.sum === null) return;
        const cents = (x: number) => Math.round(x * 100_000);
        expect(counted.reduce((a, p) => a + Math.round(p.sharePercent * 100), 0)).toBe(10_000);
        for (const p of counted) expect(cents(p.contribution)).toBe(Math.round(p.sharePercent * 100) * Math.round(p.score! * 10));
        expect(s.parts.reduce((a, p) => a + cents(p.contribution), 0)).toBe(cents(s.sum));
        expect(s.computed).toBe(Math.floor((cents(s.sum) + 5_000) / 10_000) / 10);
      }),
    );
  });
});
