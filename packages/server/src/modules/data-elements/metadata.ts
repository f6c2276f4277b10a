import { parseRuleSide, type ElementDimension, type RuleOperator, type ValidationRule, type ValueType } from '@vetplan/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface ElementSpec {
  code: string;
  name: string;
  valueType: ValueType;
  aggregation: 'sum' | 'last';
  dimensions: ElementDimension[];
}

export interface DataMetadata {
  elements: Map<string, ElementSpec>;
  rules: ValidationRule[];
}

/** The data elements with the dimension values each allows, and the validation rules. */
export async function loadDataMetadata(db: Kysely<Database>): Promise<DataMetadata> {
  const [elements, links, values, rules] = await Promise.all([
    db.selectFrom('data_element').selectAll().execute(),
    db.selectFrom('data_element_dimension').selectAll().orderBy('position').execute(),
    db.selectFrom('dimension_value').select(['dimension_code', 'code']).orderBy('position').execute(),
    db.selectFrom('validation_rule').selectAll().orderBy('code').execute(),
  ]);
  const allValues = (dim: string) => values.filter((v) => v.dimension_code === dim).map((v) => v.code);
  const specs = new Map<string, ElementSpec>();
  for (const e of elements) {
    specs.set(e.code, {
      code: e.code,
      name: e.name,
      valueType: e.value_type as ValueType,
      aggregation: e.aggregation as 'sum' | 'last',
      dimensions: links
        .filter((l) => l.element_code === e.code)
        .map((l) => ({ dimension: l.dimension_code, values: l.value_codes ?? allValues(l.dimension_code) })),
    });
  }
  const parsedRules = rules.flatMap((r): ValidationRule[] => {
    const left = parseRuleSide(r.left_side);
    const right = parseRuleSide(r.right_side);
    if (!left.ok || !right.ok) return []; // checked when the catalogue was loaded
    return [
      {
        code: r.code,
        left: left.value,
        operator: r.operator as RuleOperator,
        right: right.value,
        perDimensions: r.per_dimensions,
        message: r.message,
        messageEn: r.message_en,
      },
    ];
  });
  return { elements: specs, rules: parsedRules };
}
