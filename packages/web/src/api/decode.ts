/**
 * Small readers for JSON answers. Each mapper in a feature's `api.ts` turns
 * `unknown` into a typed object with these, so a changed server shape fails
 * loudly at the edge instead of deep inside a component.
 */
export class DecodeError extends Error {
  constructor(path: string, expected: string) {
    super(`Unexpected response: ${path} should be ${expected}`);
    this.name = 'DecodeError';
  }
}

export type Json = Record<string, unknown>;

export function asObject(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new DecodeError(path, 'an object');
  return value as Json;
}

export function str(o: Json, key: string, path = ''): string {
  const v = o[key];
  if (typeof v !== 'string') throw new DecodeError(`${path}.${key}`, 'a string');
  return v;
}

export function strOrNull(o: Json, key: string, path = ''): string | null {
  const v = o[key];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw new DecodeError(`${path}.${key}`, 'a string or null');
  return v;
}

export function num(o: Json, key: string, path = ''): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new DecodeError(`${path}.${key}`, 'a number');
  return v;
}

export function numOrNull(o: Json, key: string, path = ''): number | null {
  const v = o[key];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new DecodeError(`${path}.${key}`, 'a number or null');
  return v;
}

export function bool(o: Json, key: string, path = ''): boolean {
  const v = o[key];
  if (typeof v !== 'boolean') throw new DecodeError(`${path}.${key}`, 'true or false');
  return v;
}

export function oneOf<T extends string>(o: Json, key: string, allowed: readonly T[], path = ''): T {
  const v = o[key];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new DecodeError(`${path}.${key}`, `one of ${allowed.join(', ')}`);
  }
  return v as T;
}

/** An array under `key`, each item mapped; a missing key reads as an empty list. */
export function list<T>(o: Json, key: string, item: (value: unknown, path: string) => T, path = ''): T[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new DecodeError(`${path}.${key}`, 'a list');
  return v.map((x, i) => item(x, `${path}.${key}[${i}]`));
}

export function strings(o: Json, key: string, path = ''): string[] {
  return list(
    o,
    key,
    (v, p) => {
      if (typeof v !== 'string') throw new DecodeError(p, 'a string');
      return v;
    },
    path,
  );
}

export function stringMap(o: Json, key: string, path = ''): Record<string, string> {
  const v = o[key];
  if (v === undefined || v === null) return {};
  const obj = asObject(v, `${path}.${key}`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(obj)) {
    if (typeof x === 'string') out[k] = x;
  }
  return out;
}

export function numbers(o: Json, key: string, path = ''): number[] {
  return list(
    o,
    key,
    (v, p) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new DecodeError(p, 'a number');
      return v;
    },
    path,
  );
}

/** A list of numbers where a missing figure is null. */
export function numbersOrNull(o: Json, key: string, path = ''): (number | null)[] {
  return list(
    o,
    key,
    (v, p) => {
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) throw new DecodeError(p, 'a number or null');
      return v;
    },
    path,
  );
}
