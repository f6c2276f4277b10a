import { parseRuleSide, RULE_OPERATORS } from '@vetplan/domain';
import { FieldReader, type CatalogProblem } from './reader.ts';
import type { CatalogDimension, CatalogElement, CatalogValidationRule } from './types.ts';

export function readValidationRules(
  doc: unknown,
  data: { dimensions: CatalogDimension[]; elements: CatalogElement[] },
  problems: CatalogProblem[],
): CatalogValidationRule[] {
  const r = new FieldReader('validation-rules.yaml', problems);
  const root = r.object(doc, '');
  if (!root) return [];
  const elements = new Map(data.elements.map((e) => [e.code, e]));
  const seen = new Set<string>();
  const checkSide = (text: string, path: string) => {
    if (!text) return;
    const side = parseRuleSide(text);
    if (!side.ok) return r.problem(path, side.problem.en);
    for (const term of side.value) {
      const element = elements.get(term.element);
      if (!element) {
        r.problem(path, `"${term.element}" is not a known data element`);
        continue;
      }
      for (const [dim, value] of term.filter) {
        const spec = element.dimensions.find((d) => d.dimension === dim);
        const allowed = spec ? (spec.values ?? data.dimensions.find((d) => d.code === dim)?.values.map((v) => v.code) ?? []) : [];
        if (!spec || !allowed.includes(value))
          r.problem(path, `"${term.element}[${dim}:${value}]" is not a dimension value of the element`);
      }
    }
  };
  return r.items(root, 'rules', '', (o, path) => {
    const rule: CatalogValidationRule = {
      code: r.text(o, 'code', path),
      name: r.text(o, 'name', path),
      nameEn: r.optionalText(o, 'nameEn', path),
      left: r.text(o, 'left', path),
      operator: r.choice(o, 'operator', path, RULE_OPERATORS),
      right: r.text(o, 'right', path),
      perDimensions: r.texts(o, 'perDimensions', path),
      message: r.text(o, 'message', path),
      messageEn: r.optionalText(o, 'messageEn', path),
    };
    r.unique(seen, rule.code, `${path}.code`, 'rule');
    checkSide(rule.left, `${path}.left`);
    checkSide(rule.right, `${path}.right`);
    rule.perDimensions.forEach((d, i) => {
      if (!data.dimensions.some((x) => x.code === d)) r.problem(`${path}.perDimensions[${i}]`, `"${d}" is not a known dimension`);
    });
    return rule;
  });
}
