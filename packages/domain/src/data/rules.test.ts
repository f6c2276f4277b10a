import { describe, expect, it } from 'vitest';
import { checkRule, parseRuleSide, type ValidationRule } from './rules.ts';

function rule(left: string, op: ValidationRule['operator'], right: string, per: string[] = ['sex']): ValidationRule {
  const l = parseRuleSide(left);
  const r = parseRuleSide(right);
  if (!l.ok || !r.ok) throw new Error('bad test rule');
  return {
    code: 'R',
    left: l.value,
    operator: op,
    right: r.value,
    perDimensions: per,
    message: 'Trái ({left}) lớn hơn phải ({right})',
    messageEn: 'Left ({left}) exceeds right ({right})',
  };
}

describe('checkRule', () => {
  const r = rule('DE_THCS_TO_VET', '<=', 'DE_THCS_GRAD');

  it('checks each sex separately, summing the other dimensions', () => {
    const cells = [
      { element: 'DE_THCS_GRAD', disagg: 'sex:F', value: 100 },
      { element: 'DE_THCS_GRAD', disagg: 'sex:M', value: 100 },
      { element: 'DE_THCS_TO_VET', disagg: 'level:SC;sex:F', value: 60 },
      { element: 'DE_THCS_TO_VET', disagg: 'level:TC;sex:F', value: 50 },
      { element: 'DE_THCS_TO_VET', disagg: 'level:TC;sex:M', value: 90 },
    ];
    expect(checkRule(r, cells)).toEqual([
      {
        rule: 'R',
        elements: ['DE_THCS_TO_VET', 'DE_THCS_GRAD'],
        leftElements: ['DE_THCS_TO_VET'],
        where: { sex: 'F' },
        left: 110,
        right: 100,
        message: 'Trái (110) lớn hơn phải (100) (sex:F)',
        messageEn: 'Left (110) exceeds right (100) (sex:F)',
      },
    ]);
  });

  it('does not check a side that has no figure yet', () => {
    expect(checkRule(r, [{ element: 'DE_THCS_TO_VET', disagg: 'level:SC;sex:F', value: 60 }])).toEqual([]);
  });

  it('reads filtered terms and formats numbers the Vietnamese way', () => {
    const cd = rule('DE_THPT_TO_VET[level:CD]', '<=', 'DE_THPT_GRAD', []);
    const cells = [
      { element: 'DE_THPT_GRAD', disagg: 'sex:F', value: 1000 },
      { element: 'DE_THPT_TO_VET', disagg: 'level:CD;sex:F', value: 1200 },
      { element: 'DE_THPT_TO_VET', disagg: 'level:TC;sex:F', value: 5000 },
    ];
    expect(checkRule(cd, cells).map((v) => v.message)).toEqual(['Trái (1.200) lớn hơn phải (1.000)']);
  });

  it('refuses a malformed side', () => {
    expect(parseRuleSide('DE_A + 5')).toMatchObject({ ok: false });
    expect(parseRuleSide('DE_A[level]')).toMatchObject({ ok: false });
  });
});
