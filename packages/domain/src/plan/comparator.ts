/**
 * How a plan states a numeric target, as written in Vietnamese plans:
 * "trên 40%" (strictly above), "đạt 36%" or a bare "45%" (at least),
 * "khoảng 05" (about, with a tolerance kept as data), "dưới", "không quá",
 * and ranges such as "50-55%".
 */
export const COMPARATORS = ['>', '>=', '~', '<=', '<', 'range'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export function isComparator(value: unknown): value is Comparator {
  return typeof value === 'string' && (COMPARATORS as readonly string[]).includes(value);
}

export interface TargetRule {
  comparator: Comparator;
  value: number;
  /** Upper bound of a `range` target; unused otherwise. */
  valueUpper?: number | null;
  /** Allowed distance from `value` for an `~` (about) target. */
  tolerance?: number | null;
}

/** Problems with a target's own definition, as English sentences; empty when sound. */
export function targetRuleProblems(rule: TargetRule): string[] {
  const problems: string[] = [];
  if (!Number.isFinite(rule.value)) problems.push('value must be a number');
  if (rule.comparator === 'range') {
    if (rule.valueUpper == null || !Number.isFinite(rule.valueUpper)) {
      problems.push('a "range" target needs valueUpper');
    } else if (rule.valueUpper < rule.value) {
      problems.push(`valueUpper (${rule.valueUpper}) is below value (${rule.value})`);
    }
  } else if (rule.valueUpper != null) {
    problems.push(`valueUpper is only for "range" targets, not "${rule.comparator}"`);
  }
  if (rule.comparator === '~') {
    if (rule.tolerance == null || !Number.isFinite(rule.tolerance) || rule.tolerance < 0) {
      problems.push('an "~" (about) target needs a tolerance of 0 or more');
    }
  } else if (rule.tolerance != null) {
    problems.push(`tolerance is only for "~" targets, not "${rule.comparator}"`);
  }
  return problems;
}

/** Whether an observed value satisfies the target. */
export function satisfiesTarget(observed: number, rule: TargetRule): boolean {
  switch (rule.comparator) {
    case '>':
      return observed > rule.value;
    case '>=':
      return observed >= rule.value;
    case '<':
      return observed < rule.value;
    case '<=':
      return observed <= rule.value;
    case '~':
      return Math.abs(observed - rule.value) <= (rule.tolerance ?? 0);
    case 'range':
      return observed >= rule.value && observed <= (rule.valueUpper ?? rule.value);
  }
}
