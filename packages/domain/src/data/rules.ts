import { formatNumber } from '../format/number.ts';
import { fail, ok, type Checked } from './messages.ts';

export const RULE_OPERATORS = ['<=', '<', '>=', '>', '=', '!='] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** One element on a side of a rule, optionally restricted to dimension values: DE_THPT_TO_VET[level:CD]. */
export interface RuleTerm {
  element: string;
  filter: ReadonlyMap<string, string>;
}

export interface ValidationRule {
  code: string;
  left: RuleTerm[];
  operator: RuleOperator;
  right: RuleTerm[];
  /** Checked for each value of these dimensions separately (women and men apart). */
  perDimensions: string[];
  message: string;
  messageEn: string | null;
}

/** A stored value of one unit and period: its element, disaggregation key ('level:TC;sex:F') and number. */
export interface RuleCell {
  element: string;
  disagg: string;
  value: number;
}

export interface RuleViolation {
  rule: string;
  /** The elements the rule compares, the left side's first. */
  elements: string[];
  /** The left side's elements: the part that exceeds, whose cells to mark. */
  leftElements: string[];
  /** The per-dimension values the violation holds for, e.g. { sex: 'F' }. */
  where: Record<string, string>;
  left: number;
  right: number;
  message: string;
  messageEn: string;
}

const TERM = /^(DE_[A-Z0-9_]+)(?:\[([^\]]*)\])?$/;

/** Reads a rule side: element terms joined with "+", e.g. "DE_THPT_TO_VET[level:TC] + DE_THPT_TO_VET[level:CD]". */
export function parseRuleSide(text: string): Checked<RuleTerm[]> {
  const terms: RuleTerm[] = [];
  for (const part of text.split('+').map((p) => p.trim())) {
    const m = TERM.exec(part);
    if (!m)
      return fail(
        `"${part}" không phải là chỉ tiêu dạng DE_MA hoặc DE_MA[phân tổ:giá trị]`,
        `"${part}" is not an element term like DE_CODE or DE_CODE[dimension:value]`,
      );
    const filter = new Map<string, string>();
    for (const f of m[2] ? m[2].split(/[;,]/) : []) {
      const [dim, value] = f.split(':').map((s) => s.trim());
      if (!dim || !value) return fail(`"[${f}]" phải có dạng [phân tổ:giá trị]`, `"[${f}]" must be [dimension:value]`);
      filter.set(dim, value);
    }
    terms.push({ element: m[1]!, filter });
  }
  return ok(terms);
}

const parsedKeys = new Map<string, Map<string, string>>();

/** 'level:TC;sex:F' as a map; memoised, as a few keys recur across many cells. */
function parseKey(key: string): Map<string, string> {
  const known = parsedKeys.get(key);
  if (known) return known;
  const map = new Map<string, string>();
  for (const pair of key === '' ? [] : key.split(';')) {
    const i = pair.indexOf(':');
    map.set(pair.slice(0, i), pair.slice(i + 1));
  }
  if (parsedKeys.size < 10_000) parsedKeys.set(key, map);
  return map;
}

function compare(left: number, op: RuleOperator, right: number): boolean {
  switch (op) {
    case '<=':
      return left <= right;
    case '<':
      return left < right;
    case '>=':
      return left >= right;
    case '>':
      return left > right;
    case '=':
      return left === right;
    case '!=':
      return left !== right;
  }
}

/** Sums the cells that a side's terms select, within one per-dimension slice; null when none is stored. */
function sideTotal(
  terms: readonly RuleTerm[],
  cells: readonly { cell: RuleCell; dims: Map<string, string> }[],
  where: Record<string, string>,
): number | null {
  let total = 0;
  let found = false;
  for (const term of terms) {
    for (const { cell, dims } of cells) {
      if (cell.element !== term.element) continue;
      let match = true;
      for (const [d, v] of term.filter) if (dims.get(d) !== v) match = false;
      for (const [d, v] of Object.entries(where)) if (dims.has(d) && dims.get(d) !== v) match = false;
      if (!match) continue;
      total += cell.value;
      found = true;
    }
  }
  return found ? total : null;
}

function slices(cells: readonly { dims: Map<string, string> }[], perDimensions: readonly string[]): Record<string, string>[] {
  let result: Record<string, string>[] = [{}];
  for (const dim of perDimensions) {
    const values = [...new Set(cells.flatMap(({ dims }) => (dims.has(dim) ? [dims.get(dim)!] : [])))].sort();
    result = result.flatMap((w) => values.map((v) => ({ ...w, [dim]: v })));
  }
  return result;
}

/**
 * Checks a rule against the values of one unit and period. A side without
 * any stored value is not checked: a rule speaks only of figures that exist.
 */
export function checkRule(rule: ValidationRule, cells: readonly RuleCell[]): RuleViolation[] {
  const parsed = cells.map((cell) => ({ cell, dims: parseKey(cell.disagg) }));
  const violations: RuleViolation[] = [];
  for (const where of slices(parsed, rule.perDimensions)) {
    const left = sideTotal(rule.left, parsed, where);
    const right = sideTotal(rule.right, parsed, where);
    if (left === null || right === null || compare(left, rule.operator, right)) continue;
    const suffix = Object.keys(where).length
      ? ` (${Object.entries(where)
          .map(([d, v]) => `${d}:${v}`)
          .join(', ')})`
      : '';
    const fill = (text: string, lang: 'vi' | 'en') =>
      text.replace('{left}', formatNumber(left, { lang })).replace('{right}', formatNumber(right, { lang })) + suffix;
    violations.push({
      rule: rule.code,
      elements: ruleElements(rule),
      leftElements: [...new Set(rule.left.map((t) => t.element))],
      where,
      left,
      right,
      message: fill(rule.message, 'vi'),
      messageEn: fill(rule.messageEn ?? rule.message, 'en'),
    });
  }
  return violations;
}

/** The elements a rule reads. */
export function ruleElements(rule: ValidationRule): string[] {
  return [...new Set([...rule.left, ...rule.right].map((t) => t.element))];
}
