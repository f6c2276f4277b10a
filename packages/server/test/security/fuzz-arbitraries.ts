import fc from 'fast-check';

/** Strings that break naive code: empty, control characters, lone surrogates, injections, huge numbers, prototype keys, near-valid codes. */
export const NASTY = [
  '',
  ' ',
  '\u0000',
  '\t\r\n',
  '\uFEFF',
  '\uD800',
  '\u202E',
  '../../etc/passwd',
  "'; drop table data_value; --",
  '<script>alert(1)</script>',
  '${7*7}',
  '%00',
  '%',
  '\\',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  '1_000',
  '1.234,5',
  '37,4',
  '9'.repeat(400),
  '-5',
  '2.5',
  'true',
  'null',
  '__proto__',
  'constructor',
  'prototype',
  '2025',
  '2025S1',
  '2025S3',
  '2025Q5',
  '202513',
  '202500',
  '0000',
  '9999S2',
  '2025W01',
  '20251',
  'DE_LABOUR_FORCE',
  'DE_',
  '07741',
  '07747',
  '221',
  'VN',
  'sex:M',
  'sex:X',
  'sex:M;sex:F',
  'sex',
  ':',
  'a'.repeat(70),
  'Ư'.repeat(300),
  '"',
  '""',
  ',',
  '\n',
  '=cmd|/C calc!A0',
  'SUM(',
  '(',
  ')',
  '/',
  '*',
  '[',
  ']',
  'x'.repeat(5000),
] as const;

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...NASTY), { maxLength: 4 }).map((parts) => parts.join('')) },
);

export const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 0.1 + 0.2),
);
/** Any JSON value, leaning to the hostile strings and numbers above. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/**
 * An object with the given fields (each a value, or an arbitrary of near-valid
 * ones): either every field valid-looking or hostile, some left out, or — so that
 * the checks behind validation are reached too — all valid but one field
 * hostile or left out; maybe with a stray key.
 */
export function hostileRecord(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const validOf = (v: unknown) => (v instanceof fc.Arbitrary ? v : fc.constant(v));
  const keys = Object.keys(valid);
  const scattered = fc.record(
    Object.fromEntries(keys.map((k) => [k, fc.oneof({ weight: 2, arbitrary: validOf(valid[k]) }, { weight: 2, arbitrary: hostileValue })])),
    { requiredKeys: [] },
  );
  const oneOff = fc
    .tuple(
      fc.record(Object.fromEntries(keys.map((k) => [k, validOf(valid[k])]))),
      fc.nat({ max: keys.length }),
      fc.option(hostileValue, { freq: 3 }),
    )
    .map(([record, at, hostile]) => {
      const key = keys[at];
      if (key === undefined) return record;
      const copy: Record<string, unknown> = { ...record };
      if (hostile === null) delete copy[key];
      else copy[key] = hostile;
      return copy;
    });
  return fc
    .tuple(
      fc.oneof(scattered, oneOff),
      fc.option(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'source', 'updated_by', 'id', 'x'), hostileValue), { freq: 4 }),
    )
    .map(([record, extra]) => (extra ? { ...record, [extra[0]]: extra[1] } : record));
}

/** A path segment; lone surrogates become U+FFFD first, as a browser would send them. */
export const segment = (s: string) => encodeURIComponent(wellFormed(s)) || '_';
export const wellFormed = (s: string) => (s as unknown as { toWellFormed(): string }).toWellFormed();
