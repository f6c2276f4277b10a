import { describe, expect, it } from 'vitest';
import { period } from '../period/period.ts';
import { computeIndicator, figureForPeriod, periodsWithin, type StoredFigure } from './aggregate.ts';
import { parseFormula, type Formula } from './formula.ts';

const f = (text: string): Formula => {
  const r = parseFormula(text);
  if (!r.ok) throw new Error(r.message);
  return r.formula;
};
const LAST = new Set(['DE_LABOUR_FORCE', 'DE_LABOUR_TRAINED_CERT', 'DE_VET_INSTITUTIONS']);
const agg = (e: string) => (LAST.has(e) ? 'last' : 'sum');
const fig = (element: string, periodCode: string, unit: string, disagg: string, value: number): StoredFigure => ({
  element,
  period: periodCode,
  unit,
  disagg,
  value,
});

describe('the contract’s indicators, by hand', () => {
  it('I_THCS_TO_VET is the ratio of sums over communes and sexes, not the mean of rates', () => {
    // Commune A: 30 of 100 (30%); commune B: 90 of 200 (45%); mean of rates 37.5%, ratio of sums 40%.
    const figures = [
      fig('DE_THCS_GRAD', '2024', 'A', 'sex:F', 60),
      fig('DE_THCS_GRAD', '2024', 'A', 'sex:M', 40),
      fig('DE_THCS_TO_VET', '2024', 'A', 'level:SC;sex:F', 10),
      fig('DE_THCS_TO_VET', '2024', 'A', 'level:TC;sex:M', 20),
      fig('DE_THCS_GRAD', '2024', 'B', 'sex:F', 100),
      fig('DE_THCS_GRAD', '2024', 'B', 'sex:M', 100),
      fig('DE_THCS_TO_VET', '2024', 'B', 'level:TC;sex:F', 50),
      fig('DE_THCS_TO_VET', '2024', 'B', 'level:SC;sex:M', 40),
    ];
    expect(computeIndicator(f('DE_THCS_TO_VET / DE_THCS_GRAD * 100'), figures, period('2024'), agg)).toEqual({
      value: 40,
      numerator: 120,
      denominator: 300,
      reason: null,
    });
  });

  it('I_THPT_TO_VET_CD counts only the college level', () => {
    const figures = [
      fig('DE_THPT_GRAD', '2024', 'A', 'sex:F', 80),
      fig('DE_THPT_GRAD', '2024', 'A', 'sex:M', 120),
      fig('DE_THPT_TO_VET', '2024', 'A', 'level:CD;sex:F', 30),
      fig('DE_THPT_TO_VET', '2024', 'A', 'level:CD;sex:M', 40),
      fig('DE_THPT_TO_VET', '2024', 'A', 'level:TC;sex:F', 25),
      fig('DE_THPT_TO_VET', '2024', 'A', 'level:SC;sex:M', 5),
    ];
    expect(computeIndicator(f('DE_THPT_TO_VET[level:CD] / DE_THPT_GRAD * 100'), figures, period('2024'), agg)).toEqual({
      value: 35,
      numerator: 70,
      denominator: 200,
      reason: null,
    });
  });

  it('I_SECONDARY_TO_VET adds intermediate and college over both graduations', () => {
    const figures = [
      fig('DE_THCS_GRAD', '2030', 'A', 'sex:F', 100),
      fig('DE_THPT_GRAD', '2030', 'A', 'sex:F', 100),
      fig('DE_THCS_TO_VET', '2030', 'A', 'level:TC;sex:F', 40),
      fig('DE_THCS_TO_VET', '2030', 'A', 'level:SC;sex:F', 30),
      fig('DE_THPT_TO_VET', '2030', 'A', 'level:TC;sex:F', 20),
      fig('DE_THPT_TO_VET', '2030', 'A', 'level:CD;sex:F', 50),
      fig('DE_THPT_TO_VET', '2030', 'A', 'level:SC;sex:F', 9),
    ];
    const formula = f(
      '(DE_THCS_TO_VET[level:TC] + DE_THPT_TO_VET[level:TC] + DE_THPT_TO_VET[level:CD]) / (DE_THCS_GRAD + DE_THPT_GRAD) * 100',
    );
    expect(computeIndicator(formula, figures, period('2030'), agg)).toEqual({ value: 55, numerator: 110, denominator: 200, reason: null });
  });

  it('I_LABOUR_TRAINED_CERT takes the last half-year of a "last" element, and I_LABOUR_RETRAINED sums half-years', () => {
    const figures = [
      fig('DE_LABOUR_FORCE', '2024S1', 'A', 'sex:F', 1000),
      fig('DE_LABOUR_FORCE', '2024S2', 'A', 'sex:F', 1100),
      fig('DE_LABOUR_TRAINED_CERT', '2024S1', 'A', 'sex:F', 300),
      fig('DE_LABOUR_TRAINED_CERT', '2024S2', 'A', 'sex:F', 385),
      fig('DE_LABOUR_RETRAINED', '2024S1', 'A', 'sex:F', 200),
      fig('DE_LABOUR_RETRAINED', '2024S2', 'A', 'sex:F', 240),
    ];
    expect(computeIndicator(f('DE_LABOUR_TRAINED_CERT / DE_LABOUR_FORCE * 100'), figures, period('2024'), agg)).toEqual({
      value: 35,
      numerator: 385,
      denominator: 1100,
      reason: null,
    });
    expect(computeIndicator(f('DE_LABOUR_RETRAINED / DE_LABOUR_FORCE * 100'), figures, period('2024'), agg)).toEqual({
      value: 40,
      numerator: 440,
      denominator: 1100,
      reason: null,
    });
    // The first half-year alone: S1 figures only.
    expect(computeIndicator(f('DE_LABOUR_TRAINED_CERT / DE_LABOUR_FORCE * 100'), figures, period('2024S1'), agg)).toEqual({
      value: 30,
      numerator: 300,
      denominator: 1000,
      reason: null,
    });
  });

  it('I_VET_INSTITUTIONS is a count with no denominator', () => {
    expect(computeIndicator(f('DE_VET_INSTITUTIONS'), [fig('DE_VET_INSTITUTIONS', '2024', 'D', '', 5)], period('2024'), agg)).toEqual({
      value: 5,
      numerator: 5,
      denominator: null,
      reason: null,
    });
  });

  it('is null on a zero denominator and on missing data', () => {
    const zero = [fig('DE_THCS_GRAD', '2024', 'A', 'sex:F', 0), fig('DE_THCS_TO_VET', '2024', 'A', 'level:TC;sex:F', 0)];
    expect(computeIndicator(f('DE_THCS_TO_VET / DE_THCS_GRAD * 100'), zero, period('2024'), agg)).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: 'zero_denominator',
    });
    const noGraduates = [fig('DE_THCS_TO_VET', '2024', 'A', 'level:TC;sex:F', 3)];
    expect(computeIndicator(f('DE_THCS_TO_VET / DE_THCS_GRAD * 100'), noGraduates, period('2024'), agg)).toMatchObject({
      value: null,
      reason: 'missing_data',
      numerator: 3,
      denominator: null,
    });
  });
});

describe('bringing figures to a period', () => {
  it('prefers the yearly figure over half-years, so nothing counts twice', () => {
    const s = (code: string, value: number) => ({ period: period(code), value });
    expect(figureForPeriod([s('2024', 500), s('2024S1', 200), s('2024S2', 250)], 'sum')).toBe(500);
    expect(figureForPeriod([s('2024S1', 200), s('2024S2', 250)], 'sum')).toBe(450);
    expect(figureForPeriod([s('2024S2', 250), s('2024S1', 200)], 'last')).toBe(250);
    expect(figureForPeriod([], 'sum')).toBeNull();
    expect(periodsWithin(period('2024'))).toHaveLength(19);
  });
});
