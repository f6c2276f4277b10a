import { describe, expect, it } from 'vitest';
import { period } from '../period/period.ts';
import { completenessParts, provisionalReason, unitsNeeded } from './completeness.ts';

describe('when a period’s figure is final', () => {
  it('a year that has not ended is provisional, however many units reported', () => {
    expect(provisionalReason(period('2026'), '2026-12-03', { reportingUnits: 9, expectedUnits: 9, parts: [9, 9] })).toBe('period_open');
    expect(provisionalReason(period('2026'), '2027-01-01', { reportingUnits: 9, expectedUnits: 9, parts: [9, 9] })).toBeNull();
  });

  it('one commune of nine is not the district: units missing', () => {
    expect(provisionalReason(period('2025'), '2026-12-03', { reportingUnits: 1, expectedUnits: 9, parts: [1, 0] })).toBe('units_missing');
  });

  it('a year whose second half is missing is provisional even when every unit sent its first half', () => {
    expect(provisionalReason(period('2025'), '2026-02-01', { reportingUnits: 9, expectedUnits: 9, parts: [9, 0] })).toBe('parts_missing');
    expect(provisionalReason(period('2025'), '2026-02-01', { reportingUnits: 9, expectedUnits: 9, parts: [9, 8] })).toBe('parts_missing');
  });

  it('a year reported as a whole (no half-year figures) is judged on its units alone', () => {
    expect(provisionalReason(period('2025'), '2026-02-01', { reportingUnits: 9, expectedUnits: 9, parts: [0, 0] })).toBeNull();
  });

  it('the share is configurable, and rounds up to whole units', () => {
    expect(unitsNeeded(9, { minShare: 0.9 })).toBe(9);
    expect(unitsNeeded(10, { minShare: 0.9 })).toBe(9);
    expect(unitsNeeded(0, { minShare: 1 })).toBe(1);
    expect(
      provisionalReason(period('2025'), '2026-02-01', { reportingUnits: 9, expectedUnits: 10, parts: [9, 9] }, { minShare: 0.9 }),
    ).toBeNull();
    expect(provisionalReason(period('2025'), '2026-02-01', { reportingUnits: 9, expectedUnits: 10, parts: [9, 9] })).toBe('units_missing');
  });

  it('a half-year is judged on its units; its parts are not asked for', () => {
    expect(completenessParts(period('2026S1'))).toEqual([]);
    expect(completenessParts(period('2025')).map((p) => p.code)).toEqual(['2025S1', '2025S2']);
    expect(provisionalReason(period('2026S1'), '2026-12-03', { reportingUnits: 1, expectedUnits: 9 })).toBe('units_missing');
    expect(provisionalReason(period('2026S1'), '2026-06-30', { reportingUnits: 9, expectedUnits: 9 })).toBe('period_open');
  });
});
