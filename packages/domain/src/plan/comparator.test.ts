import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isComparator, satisfiesTarget, targetRuleProblems } from './comparator.ts';

describe('satisfiesTarget', () => {
  it('reads "trên 40%" as strictly above', () => {
    expect(satisfiesTarget(40, { comparator: '>', value: 40 })).toBe(false);
    expect(satisfiesTarget(40.1, { comparator: '>', value: 40 })).toBe(true);
  });
  it('reads "đạt 36%" as at least', () => {
    expect(satisfiesTarget(36, { comparator: '>=', value: 36 })).toBe(true);
    expect(satisfiesTarget(35.9, { comparator: '>=', value: 36 })).toBe(false);
  });
  it('reads "khoảng 05" with its tolerance', () => {
    const about5 = { comparator: '~', value: 5, tolerance: 1 } as const;
    expect([3, 4, 5, 6, 7].map((v) => satisfiesTarget(v, about5))).toEqual([false, true, true, true, false]);
  });
  it('reads a range inclusively', () => {
    const range = { comparator: 'range', value: 50, valueUpper: 55 } as const;
    expect([49.9, 50, 52, 55, 55.1].map((v) => satisfiesTarget(v, range))).toEqual([false, true, true, true, false]);
  });
  it('reads "<" and "<=" as upper limits', () => {
    expect(satisfiesTarget(5, { comparator: '<', value: 5 })).toBe(false);
    expect(satisfiesTarget(5, { comparator: '<=', value: 5 })).toBe(true);
  });
  it('a range [a, b] holds exactly when both ">= a" and "<= b" hold', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (a, b, x) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const inRange = satisfiesTarget(x, { comparator: 'range', value: lo, valueUpper: hi });
          expect(inRange).toBe(satisfiesTarget(x, { comparator: '>=', value: lo }) && satisfiesTarget(x, { comparator: '<=', value: hi }));
        },
      ),
    );
  });
});

describe('targetRuleProblems', () => {
  it('accepts sound targets', () => {
    expect(targetRuleProblems({ comparator: '>', value: 40 })).toEqual([]);
    expect(targetRuleProblems({ comparator: '~', value: 5, tolerance: 1 })).toEqual([]);
    expect(targetRuleProblems({ comparator: 'range', value: 50, valueUpper: 55 })).toEqual([]);
  });
  it('names what a target lacks or has too much of', () => {
    expect(targetRuleProblems({ comparator: 'range', value: 50 })).toEqual(['a "range" target needs valueUpper']);
    expect(targetRuleProblems({ comparator: 'range', value: 55, valueUpper: 50 })).toEqual(['valueUpper (50) is below value (55)']);
    expect(targetRuleProblems({ comparator: '~', value: 5 })).toEqual(['an "~" (about) target needs a tolerance of 0 or more']);
    expect(targetRuleProblems({ comparator: '>', value: 5, tolerance: 1 })).toEqual(['tolerance is only for "~" targets, not ">"']);
    expect(targetRuleProblems({ comparator: '>=', value: 5, valueUpper: 6 })).toEqual(['valueUpper is only for "range" targets, not ">="']);
  });
  it('knows the comparators', () => {
    expect(['>', '>=', '~', '<=', '<', 'range'].every(isComparator)).toBe(true);
    expect(isComparator('=>')).toBe(false);
    expect(isComparator(5)).toBe(false);
  });
});
