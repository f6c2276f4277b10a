import { describe, expect, it } from 'vitest';
import { boardStatus, currentReportingPeriod, isLate } from './board.ts';

const sixMonthly = { opens: { month: 6, day: 1 }, cutoff: { month: 6, day: 14 }, due: { month: 6, day: 20 } };
const annualLabour = { opens: { month: 12, day: 1 }, cutoff: { month: 12, day: 14 }, due: { month: 13, day: 15 } };

describe('board status', () => {
  it('says Chưa nộp for a unit with no figures and no submission, Đang nhập once it has figures', () => {
    expect(boardStatus(null, false)).toBe('not_started');
    expect(boardStatus('draft', false)).toBe('not_started');
    expect(boardStatus(null, true)).toBe('draft');
    expect(boardStatus('returned', false)).toBe('returned');
    expect(boardStatus('submitted', true)).toBe('submitted');
  });

  it('counts a unit late past the due day until it sends its report', () => {
    expect(isLate('not_started', '2026-06-20', '2026-06-21')).toBe(true);
    expect(isLate('returned', '2026-06-20', '2026-06-21')).toBe(true);
    expect(isLate('draft', '2026-06-20', '2026-06-20')).toBe(false);
    expect(isLate('submitted', '2026-06-20', '2026-07-01')).toBe(false);
    expect(isLate('approved', '2026-06-20', '2026-07-01')).toBe(false);
  });
});

describe('current reporting period', () => {
  it('is the latest period whose report has opened', () => {
    expect(currentReportingPeriod('six_monthly', sixMonthly, '2026-06-25').code).toBe('2026S1');
    expect(currentReportingPeriod('six_monthly', sixMonthly, '2026-05-31').code).toBe('2025S2');
    expect(currentReportingPeriod('six_monthly', sixMonthly, '2026-12-03').code).toBe('2026S2');
    expect(currentReportingPeriod('yearly', annualLabour, '2026-12-03').code).toBe('2026');
    expect(currentReportingPeriod('yearly', annualLabour, '2026-11-30').code).toBe('2025');
  });
});
