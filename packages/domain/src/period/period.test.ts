import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  nextPeriod,
  previousPeriod,
  parsePeriod,
  period,
  periodCode,
  periodContains,
  periodOfDate,
  periodParts,
  PERIOD_TYPES,
  rollUp,
  type PeriodType,
} from './period.ts';

const COUNT: Record<PeriodType, number> = { monthly: 12, quarterly: 4, six_monthly: 2, yearly: 1 };
const arbPeriod = fc
  .record({ type: fc.constantFrom(...PERIOD_TYPES), year: fc.integer({ min: 1990, max: 2100 }), n: fc.nat() })
  .map(({ type, year, n }) => period(periodCode(type, year, (n % COUNT[type]) + 1)));

describe('parsePeriod', () => {
  it('reads the four period types', () => {
    expect(period('2025')).toEqual({ code: '2025', type: 'yearly', year: 2025, index: 1, start: '2025-01-01', end: '2026-01-01' });
    expect(period('2025S2')).toMatchObject({ type: 'six_monthly', start: '2025-07-01', end: '2026-01-01' });
    expect(period('2025Q1')).toMatchObject({ type: 'quarterly', start: '2025-01-01', end: '2025-04-01' });
    expect(period('202503')).toMatchObject({ type: 'monthly', index: 3, start: '2025-03-01', end: '2025-04-01' });
  });

  it('says what is wrong with a bad code', () => {
    expect(parsePeriod('2025Q5')).toEqual({
      ok: false,
      message: '"2025Q5" is not a valid quarterly period',
      messageVi: '"2025Q5" không phải là kỳ quý hợp lệ',
    });
    expect(parsePeriod('2025S3')).toMatchObject({ message: '"2025S3" is not a valid six-monthly period' });
    expect(parsePeriod('202513')).toMatchObject({ message: '"202513" is not a valid monthly period' });
    expect(parsePeriod('25')).toMatchObject({ message: '"25" is not a period code (2025, 2025S1, 2025Q1 or 202503)' });
    expect(parsePeriod('2025-01')).toMatchObject({ ok: false });
    expect(parsePeriod('0999')).toMatchObject({ message: '"0999": the year must be from 1900 to 2200' });
  });
});

describe('period arithmetic', () => {
  it('rolls up and splits', () => {
    expect(rollUp(period('202508'), 'quarterly').code).toBe('2025Q3');
    expect(rollUp(period('202508'), 'six_monthly').code).toBe('2025S2');
    expect(rollUp(period('2025Q2'), 'yearly').code).toBe('2025');
    expect(periodParts(period('2025S1'), 'quarterly').map((p) => p.code)).toEqual(['2025Q1', '2025Q2']);
    expect(periodParts(period('2025'), 'six_monthly').map((p) => p.code)).toEqual(['2025S1', '2025S2']);
    expect(() => rollUp(period('2025'), 'monthly')).toThrow();
    expect(periodOfDate('six_monthly', '2025-06-14').code).toBe('2025S1');
    expect(nextPeriod(period('2025S2')).code).toBe('2026S1');
  });

  it('round-trips every code', () => {
    fc.assert(
      fc.property(arbPeriod, (p) => {
        expect(period(p.code)).toEqual(p);
      }),
    );
  });

  it('a period lies within each period it rolls up to, and its parts tile it', () => {
    fc.assert(
      fc.property(arbPeriod, fc.constantFrom(...PERIOD_TYPES), (p, type) => {
        if (COUNT[type] <= COUNT[p.type]) {
          const up = rollUp(p, type);
          expect(periodContains(up, p)).toBe(true);
          expect(up.year).toBe(p.year);
        }
        if (COUNT[type] >= COUNT[p.type]) {
          const parts = periodParts(p, type);
          expect(parts[0]!.start).toBe(p.start);
          expect(parts[parts.length - 1]!.end).toBe(p.end);
          for (let i = 1; i < parts.length; i++) expect(parts[i]!.start).toBe(parts[i - 1]!.end);
        }
      }),
    );
  });

  it('orders periods by start, longer first', () => {
    const codes = ['2025Q2', '2025', '202501', '2024S2', '2025S1'];
    expect(
      codes
        .map(period)
        .sort(comparePeriods)
        .map((p) => p.code),
    ).toEqual(['2024S2', '2025', '2025S1', '202501', '2025Q2']);
    fc.assert(
      fc.property(arbPeriod, (p) => {
        expect(comparePeriods(p, nextPeriod(p))).toBeLessThan(0);
      }),
    );
    fc.assert(
      fc.property(arbPeriod, (p) => {
        expect(previousPeriod(nextPeriod(p))).toEqual(p);
      }),
    );
    expect(previousPeriod(period('2025S1')).code).toBe('2024S2');
  });
});
