import { fail, ok, type Checked } from './messages.ts';

/** The dimensions an element is broken down by, with the values it allows (null: every value). */
export interface ElementDimension {
  dimension: string;
  values: readonly string[];
}

/** "sex:F;level:TC" as a map, in the canonical order of dimension codes. */
export type Disagg = ReadonlyMap<string, string>;

/** The stored form: dimensions sorted by code, "level:TC;sex:F"; empty for none. */
export function disaggKey(disagg: Disagg): string {
  return [...disagg.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([d, v]) => `${d}:${v}`)
    .join(';');
}

/**
 * Reads a `disagg` field: one `dimension:value` for every dimension of the
 * element, joined with ";" in any order; empty for an element without any.
 */
export function parseDisagg(text: string, dimensions: readonly ElementDimension[]): Checked<string> {
  const given = new Map<string, string>();
  const trimmed = text.trim();
  for (const part of trimmed === '' ? [] : trimmed.split(';')) {
    const pair = part.trim();
    const m = /^([A-Za-z_][\w-]*):([\w-]+)$/.exec(pair);
    if (!m) return fail(`"${pair}" phải có dạng phân tổ:giá trị, ví dụ sex:F`, `"${pair}" must be dimension:value, e.g. sex:F`);
    const [, dim, value] = m as unknown as [string, string, string];
    if (given.has(dim)) return fail(`phân tổ "${dim}" được ghi hai lần`, `dimension "${dim}" is given twice`);
    given.set(dim, value);
  }
  for (const [dim, value] of given) {
    const spec = dimensions.find((d) => d.dimension === dim);
    if (!spec) {
      const known = dimensions.map((d) => d.dimension).join(', ');
      return fail(
        known ? `chỉ tiêu này không có phân tổ "${dim}" (chỉ có: ${known})` : `chỉ tiêu này không có phân tổ nào, nhưng có "${dim}"`,
        known ? `the element has no dimension "${dim}" (only ${known})` : `the element has no dimensions, but "${dim}" is given`,
      );
    }
    if (!spec.values.includes(value)) {
      return fail(
        `"${dim}:${value}" không phải là giá trị hợp lệ (${spec.values.map((v) => `${dim}:${v}`).join(', ')})`,
        `"${dim}:${value}" is not a valid value (${spec.values.map((v) => `${dim}:${v}`).join(', ')})`,
      );
    }
  }
  const missing = dimensions.filter((d) => !given.has(d.dimension)).map((d) => d.dimension);
  if (missing.length > 0) return fail(`thiếu phân tổ ${missing.join(', ')}`, `missing dimension ${missing.join(', ')}`);
  return ok(disaggKey(given));
}
