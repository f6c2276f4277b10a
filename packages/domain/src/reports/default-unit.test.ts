import { describe, expect, it } from 'vitest';
import { defaultReportUnit } from './default-unit.ts';

describe('defaultReportUnit', () => {
  const above = ['24', 'VN'];
  it('gives a user scoped above the plan’s area the plan’s area', () => {
    expect(defaultReportUnit({ type: 'area', code: 'VN' }, '221', above)).toBe('221');
    expect(defaultReportUnit({ type: 'area', code: '24' }, '221', above)).toBe('221');
  });
  it('keeps the user’s own unit otherwise', () => {
    expect(defaultReportUnit({ type: 'area', code: '221' }, '221', above)).toBe('221');
    expect(defaultReportUnit({ type: 'area', code: '07741' }, '221', above)).toBe('07741');
    expect(defaultReportUnit({ type: 'organisation', code: '221-GDDT' }, '221', above)).toBe('221-GDDT');
    expect(defaultReportUnit({ type: 'area', code: 'VN' }, null, [])).toBe('VN');
  });
});
