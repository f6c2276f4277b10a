import { describe, expect, it } from 'vitest';
import { leastSquares, targetProgress, type YearValue } from './progress.ts';

const s = (...pairs: [number, number][]): YearValue[] => pairs.map(([year, value]) => ({ year, value }));

describe('leastSquares', () => {
  it('fits a straight line', () => {
    expect(leastSquares(s([2021, 30], [2022, 32], [2023, 34]))).toEqual({ slope: 2, intercept: 30 - 2 * 2021 });
    expect(leastSquares(s([2021, 30]))).toBeNull();
  });
});

describe('targetProgress — "trên 40%" (>)', () => {
  const rule = { comparator: '>' as const, value: 40 };
  it('is on track when the trend passes the target by the horizon', () => {
    const p = targetProgress({ rule, horizon: 2025, series: s([2021, 30], [2022, 33], [2023, 36]), asOfYear: 2023 });
    expect(p).toMatchObject({
      status: 'on_track',
      current: { year: 2023, value: 36 },
      baseline: { year: 2021, value: 30 },
      trajectory: 35,
      gap: 1,
    });
    expect(p.projection).toBeCloseTo(42);
    expect(p.neededPerYear).toBe(2);
  });
  it('is at risk when the trend only just misses ("trên 40%" needs more than the 40 it reaches)', () => {
    // Line 30 → 40 over 4 years: 35 in 2023, where the value is; the trend reaches exactly 40 in 2025.
    const p = targetProgress({ rule, horizon: 2025, series: s([2021, 30], [2022, 32.5], [2023, 35]), asOfYear: 2023 });
    expect(p).toMatchObject({ status: 'at_risk', trajectory: 35, gap: 0 });
    expect(p.projection).toBeCloseTo(40);
  });
  it('is off track when the trend falls well short and the value lags the line', () => {
    expect(targetProgress({ rule, horizon: 2025, series: s([2021, 30], [2022, 30.5], [2023, 31]), asOfYear: 2023 }).status).toBe(
      'off_track',
    );
  });
  it('is met or not met once the horizon year has data, "trên" being strict', () => {
    expect(targetProgress({ rule, horizon: 2025, series: s([2024, 39], [2025, 40.2]), asOfYear: 2025 }).status).toBe('met');
    expect(targetProgress({ rule, horizon: 2025, series: s([2024, 39], [2025, 40]), asOfYear: 2026 }).status).toBe('not_met');
  });
  it('has no data without values', () => {
    expect(targetProgress({ rule, horizon: 2030, series: [], asOfYear: 2026 })).toMatchObject({
      status: 'no_data',
      current: null,
      projection: null,
    });
  });
});

describe('targetProgress — other comparators', () => {
  it('"đạt 36%" (>=) counts exactly 36 as met', () => {
    expect(targetProgress({ rule: { comparator: '>=', value: 36 }, horizon: 2025, series: s([2025, 36]), asOfYear: 2025 }).status).toBe(
      'met',
    );
  });
  it('"khoảng 05" (~ with tolerance 1): on track within the tolerance, at risk just outside, off track far away', () => {
    const rule = { comparator: '~' as const, value: 5, tolerance: 1 };
    expect(targetProgress({ rule, horizon: 2030, series: s([2023, 5], [2024, 5], [2025, 5]), asOfYear: 2025 }).status).toBe('on_track');
    // 4, 5, 5 trends upward to about 7.7 by 2030, outside 5 ± 1; but the count already holds inside the band: a plateau, on track.
    expect(targetProgress({ rule, horizon: 2030, series: s([2023, 4], [2024, 5], [2025, 5]), asOfYear: 2025 }).status).toBe('on_track');
    expect(targetProgress({ rule, horizon: 2030, series: s([2024, 6], [2025, 6]), asOfYear: 2025 }).status).toBe('on_track');
    expect(targetProgress({ rule, horizon: 2030, series: s([2025, 6.2]), asOfYear: 2025 }).status).toBe('at_risk');
    expect(targetProgress({ rule, horizon: 2030, series: s([2023, 2], [2024, 2], [2025, 2]), asOfYear: 2025 }).status).toBe('off_track');
    expect(targetProgress({ rule, horizon: 2025, series: s([2025, 4]), asOfYear: 2025 }).status).toBe('met');
    expect(targetProgress({ rule, horizon: 2025, series: s([2025, 7]), asOfYear: 2025 }).status).toBe('not_met');
  });
  it('"khoảng 05" held at 4, 4, 5, 5, 5: the trend runs to 6.7 by 2030 and 11.2 by 2045, yet a plateau inside the band is on track', () => {
    const rule = { comparator: '~' as const, value: 5, tolerance: 1 };
    const series = s([2021, 4], [2022, 4], [2023, 5], [2024, 5], [2025, 5]);
    const by2030 = targetProgress({ rule, horizon: 2030, series, asOfYear: 2025 });
    expect(by2030.projection).toBeCloseTo(6.7);
    expect(by2030.status).toBe('on_track');
    const by2045 = targetProgress({ rule, horizon: 2045, series, asOfYear: 2025 });
    expect(by2045.projection).toBeCloseTo(11.2);
    expect(by2045.status).toBe('on_track');
    // Just arrived in the band on a steep climb (1, 3, 5 runs to 15): at risk of overshooting, not yet held.
    expect(targetProgress({ rule, horizon: 2030, series: s([2023, 1], [2024, 3], [2025, 5]), asOfYear: 2025 }).status).toBe('at_risk');
    // Left the band again (5, 5, 7): judged by the trend as before.
    expect(targetProgress({ rule, horizon: 2030, series: s([2023, 5], [2024, 5], [2025, 7]), asOfYear: 2025 }).status).toBe('off_track');
    // The horizon year itself is still judged on its value alone.
    expect(targetProgress({ rule, horizon: 2025, series, asOfYear: 2025 }).status).toBe('met');
  });
  it('a range (50–55%) is on track when the trend lands inside it', () => {
    const rule = { comparator: 'range' as const, value: 50, valueUpper: 55 };
    expect(targetProgress({ rule, horizon: 2030, series: s([2024, 44], [2025, 45]), asOfYear: 2025 }).status).toBe('on_track');
    // 44, 46 trends to 56 in 2030: just past the upper bound.
    expect(targetProgress({ rule, horizon: 2030, series: s([2024, 44], [2025, 46]), asOfYear: 2025 }).status).toBe('at_risk');
    expect(targetProgress({ rule, horizon: 2030, series: s([2024, 50], [2025, 53]), asOfYear: 2025 }).status).toBe('off_track');
    expect(targetProgress({ rule, horizon: 2030, series: s([2030, 56]), asOfYear: 2030 }).status).toBe('not_met');
    expect(targetProgress({ rule, horizon: 2030, series: s([2030, 52]), asOfYear: 2030 }).status).toBe('met');
  });
  it('"<" and "<=" targets ask for less', () => {
    const rule = { comparator: '<=' as const, value: 10 };
    expect(targetProgress({ rule, horizon: 2030, series: s([2024, 20], [2025, 18]), asOfYear: 2025 }).status).toBe('on_track');
    expect(targetProgress({ rule, horizon: 2030, series: s([2024, 20], [2025, 21]), asOfYear: 2025 }).status).toBe('off_track');
    expect(targetProgress({ rule: { comparator: '<', value: 10 }, horizon: 2030, series: s([2030, 10]), asOfYear: 2030 }).status).toBe(
      'not_met',
    );
  });
  it('uses a configured baseline year', () => {
    const p = targetProgress({
      rule: { comparator: '>', value: 40 },
      horizon: 2025,
      series: s([2019, 10], [2021, 30], [2023, 36]),
      asOfYear: 2023,
      baselineYear: 2021,
    });
    expect(p.baseline).toEqual({ year: 2021, value: 30 });
    expect(p.trajectory).toBe(35);
  });
});
