import { formulaProblems, parseFormula } from '@vetplan/domain';
import { FieldReader, type CatalogProblem } from './reader.ts';
import type { CatalogDimension, CatalogElement, CatalogIndicator } from './types.ts';

const VALUE_TYPES = ['count', 'number', 'percentage', 'boolean'] as const;
const AGGREGATIONS = ['sum', 'last'] as const;
const PERIOD_TYPES = ['yearly', 'six_monthly', 'quarterly', 'monthly'] as const;

export function readDataElements(doc: unknown, problems: CatalogProblem[]): { dimensions: CatalogDimension[]; elements: CatalogElement[] } {
  const r = new FieldReader('data-elements.yaml', problems);
  const root = r.object(doc, '');
  if (!root) return { dimensions: [], elements: [] };
  const dimSeen = new Set<string>();
  const dimensions = r.items(root, 'dimensions', '', (o, path) => {
    const valueSeen = new Set<string>();
    const dim: CatalogDimension = {
      code: r.text(o, 'code', path),
      name: r.text(o, 'name', path),
      nameEn: r.optionalText(o, 'nameEn', path),
      values: r.items(o, 'values', path, (vo, vp) => {
        const value = { code: r.text(vo, 'code', vp), name: r.text(vo, 'name', vp), nameEn: r.optionalText(vo, 'nameEn', vp) };
        r.unique(valueSeen, value.code, `${vp}.code`, 'dimension value');
        return value;
      }),
    };
    r.unique(dimSeen, dim.code, `${path}.code`, 'dimension');
    return dim;
  });
  const dimByCode = new Map(dimensions.map((d) => [d.code, d]));
  const seen = new Set<string>();
  const elements = r.items(root, 'elements', '', (o, path) => {
    const dimsSeen = new Set<string>();
    const element: CatalogElement = {
      code: r.text(o, 'code', path),
      name: r.text(o, 'name', path),
      nameEn: r.optionalText(o, 'nameEn', path),
      description: r.optionalText(o, 'description', path),
      valueType: r.choice(o, 'valueType', path, VALUE_TYPES),
      aggregation: r.choice(o, 'aggregation', path, AGGREGATIONS),
      periodType: r.choice(o, 'periodType', path, PERIOD_TYPES, 'yearly'),
      dimensions: r.items(
        o,
        'dimensions',
        path,
        (dobj, dp) => {
          const code = r.text(dobj, 'dimension', dp);
          r.unique(dimsSeen, code, `${dp}.dimension`, 'dimension');
          const dim = dimByCode.get(code);
          if (code && !dim) r.problem(`${dp}.dimension`, `"${code}" is not a known dimension (${[...dimByCode.keys()].join(', ')})`);
          const values = dobj.values === undefined ? null : r.texts(dobj, 'values', dp, false);
          values?.forEach((v, k) => {
            if (dim && !dim.values.some((x) => x.code === v))
              r.problem(`${dp}.values[${k}]`, `"${v}" is not a value of dimension "${code}"`);
          });
          return { dimension: code, values };
        },
        true,
      ),
    };
    if (element.code && !/^DE_[A-Z0-9_]+$/.test(element.code))
      r.problem(`${path}.code`, `"${element.code}" must start with DE_ and hold only capitals, digits and "_"`);
    r.unique(seen, element.code, `${path}.code`, 'data element');
    return element;
  });
  return { dimensions, elements };
}

export function readIndicators(
  doc: unknown,
  data: { dimensions: CatalogDimension[]; elements: CatalogElement[] },
  problems: CatalogProblem[],
): CatalogIndicator[] {
  const r = new FieldReader('indicators.yaml', problems);
  const root = r.object(doc, '');
  if (!root) return [];
  const allValues = (dim: string) => data.dimensions.find((d) => d.code === dim)?.values.map((v) => v.code) ?? [];
  const catalog = {
    elements: new Map(
      data.elements.map((e) => [e.code, e.dimensions.map((d) => ({ dimension: d.dimension, values: d.values ?? allValues(d.dimension) }))]),
    ),
  };
  const seen = new Set<string>();
  return r.items(root, 'indicators', '', (o, path) => {
    const externalCodes: Record<string, string> = {};
    const ext = o.externalCodes === undefined ? null : r.object(o.externalCodes, `${path}.externalCodes`);
    for (const [k, v] of Object.entries(ext ?? {})) {
      if (typeof v === 'string' || typeof v === 'number') externalCodes[k] = String(v);
      else r.problem(`${path}.externalCodes.${k}`, 'must be a code (text)');
    }
    const indicator: CatalogIndicator = {
      code: r.text(o, 'code', path),
      name: r.text(o, 'name', path),
      nameEn: r.optionalText(o, 'nameEn', path),
      description: r.optionalText(o, 'description', path),
      formula: r.text(o, 'formula', path),
      unit: r.choice(o, 'unit', path, ['percent', 'count'] as const),
      unitLabel: r.optionalText(o, 'unitLabel', path),
      unitLabelEn: r.optionalText(o, 'unitLabelEn', path),
      decimals: o.decimals === undefined ? 1 : r.number(o, 'decimals', path),
      externalCodes,
    };
    r.unique(seen, indicator.code, `${path}.code`, 'indicator');
    if (!Number.isInteger(indicator.decimals) || indicator.decimals < 0 || indicator.decimals > 6)
      r.problem(`${path}.decimals`, 'must be a whole number from 0 to 6');
    if (indicator.formula) {
      const parsed = parseFormula(indicator.formula);
      if (!parsed.ok) r.problem(`${path}.formula`, parsed.message);
      else for (const p of formulaProblems(parsed.formula, catalog)) r.problem(`${path}.formula`, p.en);
    }
    return indicator;
  });
}
