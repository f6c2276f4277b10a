import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCountAsWritten, formatNumber, formatPercent } from './number.ts';

/** Reads back a number written in the Vietnamese format. */
function parseVi(text: string): number {
  return Number(text.replace(/\./g, '').replace(',', '.'));
}

describe('formatNumber', () => {
  it('uses Vietnamese grouping and decimal marks', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(37.4)).toBe('37,4');
    expect(formatNumber(37.45, { decimals: 1 })).toBe('37,5');
    expect(formatPercent(37.4)).toBe('37,4%');
    expect(formatNumber(1234.5, { lang: 'en' })).toBe('1,234.5');
  });
  it('round-trips any integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2e9, max: 2e9 }), (n) => {
        expect(parseVi(formatNumber(n))).toBe(n);
      }),
    );
  });
  it('keeps one decimal within rounding', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (x) => {
        expect(Math.abs(parseVi(formatNumber(x, { decimals: 1 })) - x)).toBeLessThanOrEqual(0.05 + 1e-9 * x);
      }),
    );
  });
  it('writes small counts with a leading zero as plans do', () => {
    expect(formatCountAsWritten(5)).toBe('05');
    expect(formatCountAsWritten(12)).toBe('12');
    expect(formatCountAsWritten(5, 'en')).toBe('5');
  });
});
