import { describe, expect, it } from 'vitest';
import { formatDate, formatLongDate, formatMoment, isIsoDate } from './date.ts';
import { compareVietnamese, foldVietnamese } from './fold.ts';

describe('dates', () => {
  it('formats as officials write', () => {
    expect(formatDate('2025-06-15')).toBe('15/06/2025');
    expect(formatDate('2023-10-01', 'month')).toBe('10/2023');
    expect(formatLongDate('2025-06-15')).toBe('ngày 15 tháng 6 năm 2025');
    expect(formatLongDate('2023-10-01', 'month')).toBe('tháng 10 năm 2023');
    expect(formatLongDate('2025-06-15', 'day', 'en')).toBe('15 June 2025');
  });
  it('checks calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-1')).toBe(false);
    expect(() => formatDate('15/06/2025')).toThrow('"15/06/2025" is not a date in the form YYYY-MM-DD');
  });
});

describe('Vietnamese folding', () => {
  it('lets "tu mai" find "Tư Mại" and "dong viet" find "Đồng Việt"', () => {
    expect(foldVietnamese('Xã Tư Mại')).toContain('tu mai');
    expect(foldVietnamese('Đồng Việt')).toBe('dong viet');
  });
  it('sorts in Vietnamese order', () => {
    expect(['Đức Giang', 'Cảnh Thụy', 'Yên Lư', 'Lão Hộ'].sort(compareVietnamese)).toEqual(['Cảnh Thụy', 'Đức Giang', 'Lão Hộ', 'Yên Lư']);
  });
});

describe('formatMoment', () => {
  it('writes the hour first, then the day in full: 09:52, 03/12/2026', () => {
    const local = new Date(2026, 11, 3, 9, 52).toISOString();
    expect(formatMoment(local)).toBe('09:52, 03/12/2026');
    expect(formatMoment(null)).toBe('—');
    expect(formatMoment('not a date')).toBe('—');
  });
});
