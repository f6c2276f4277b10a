import { describe, expect, it } from 'vitest';
import { period } from './period.ts';
import { dateInPeriod, inWindow, periodDates, timeliness, writeWindow } from './schedule.ts';

describe('form schedules', () => {
  it('places days within a period, and after it', () => {
    const sixMonths = { opens: { month: 6, day: 1 }, cutoff: { month: 6, day: 14 }, due: { month: 6, day: 20 } };
    expect(periodDates(period('2025S1'), sixMonths)).toEqual({ opens: '2025-06-01', cutoff: '2025-06-14', due: '2025-06-20' });
    expect(periodDates(period('2025S2'), sixMonths)).toEqual({ opens: '2025-12-01', cutoff: '2025-12-14', due: '2025-12-20' });
    expect(dateInPeriod(period('2025'), { month: 13, day: 15 })).toBe('2026-01-15');
    expect(dateInPeriod(period('2024Q1'), { month: 2, day: 31 })).toBe('2024-02-29');
  });
  it('tells on time, late, overdue and not yet due', () => {
    expect(timeliness('2025-06-20', '2025-06-20', '2025-07-01')).toBe('on_time');
    expect(timeliness('2025-06-20', '2025-06-21', '2025-07-01')).toBe('late');
    expect(timeliness('2025-06-20', null, '2025-06-21')).toBe('overdue');
    expect(timeliness('2025-06-20', null, '2025-06-20')).toBe('not_due');
  });
  it('keeps a period open from its opening day until the next period is due', () => {
    const sixMonths = { opens: { month: 6, day: 1 }, due: { month: 6, day: 20 } };
    expect(writeWindow(period('2025S1'), sixMonths)).toEqual({ opens: '2025-06-01', closes: '2025-12-20' });
    expect(writeWindow(period('2025S2'), sixMonths)).toEqual({ opens: '2025-12-01', closes: '2026-06-20' });
    expect(writeWindow(period('2024'), { opens: { month: 9, day: 1 }, due: { month: 12, day: 20 } })).toEqual({
      opens: '2024-09-01',
      closes: '2025-12-20',
    });
    expect(writeWindow(period('2024'), { opens: { month: 12, day: 1 }, due: { month: 13, day: 15 } }).closes).toBe('2026-01-15');
    const window = writeWindow(period('2021S1'), sixMonths);
    expect([
      inWindow(window, '2021-05-31'),
      inWindow(window, '2021-06-01'),
      inWindow(window, '2021-12-20'),
      inWindow(window, '2021-12-21'),
      inWindow(window, '2025-06-16'),
    ]).toEqual([false, true, true, false, false]);
  });
});
