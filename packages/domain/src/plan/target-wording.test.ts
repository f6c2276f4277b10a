import { describe, expect, it } from 'vitest';
import { describeTarget } from './target-wording.ts';

describe('describeTarget', () => {
  it('writes targets as the plan does', () => {
    expect(describeTarget({ comparator: '>', value: 40, unit: 'percent' })).toBe('trên 40%');
    expect(describeTarget({ comparator: '>=', value: 36, unit: 'percent' })).toBe('đạt 36%');
    expect(describeTarget({ comparator: '~', value: 5, tolerance: 1, unit: 'count', unitLabel: 'cơ sở' })).toBe('khoảng 05 cơ sở');
    expect(describeTarget({ comparator: 'range', value: 50, valueUpper: 55, unit: 'percent' })).toBe('từ 50% đến 55%');
    expect(describeTarget({ comparator: '>', value: 37.4, unit: 'percent' })).toBe('trên 37,4%');
  });
  it('has an English form', () => {
    expect(describeTarget({ comparator: '>', value: 40, unit: 'percent' }, 'en')).toBe('above 40%');
    expect(describeTarget({ comparator: '~', value: 5, tolerance: 1, unit: 'count', unitLabel: 'institutions' }, 'en')).toBe(
      'about 5 institutions',
    );
    expect(describeTarget({ comparator: 'range', value: 50, valueUpper: 55, unit: 'percent' }, 'en')).toBe('50% to 55%');
  });
});
