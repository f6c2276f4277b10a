/** One problem in a catalogue: the file, the path inside it, and what is wrong. */
export interface CatalogProblem {
  file: string;
  path: string;
  message: string;
}

export function formatProblem(p: CatalogProblem): string {
  return `${p.file}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

export class CatalogError extends Error {
  constructor(readonly problems: CatalogProblem[]) {
    super(`The catalogue has ${problems.length} problem(s):\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'CatalogError';
  }
}

type Obj = Record<string, unknown>;

const describe = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : JSON.stringify(v);

/**
 * Reads fields of parsed YAML with their paths, collecting every problem
 * instead of stopping at the first, so one run lists all that needs fixing.
 */
export class FieldReader {
  constructor(
    readonly file: string,
    readonly problems: CatalogProblem[],
  ) {}

  problem(path: string, message: string): void {
    this.problems.push({ file: this.file, path, message });
  }

  object(value: unknown, path: string): Obj | null {
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Obj;
    this.problem(path, `must be a mapping of keys to values, not ${describe(value)}`);
    return null;
  }

  list(obj: Obj, key: string, path: string, optional = false): unknown[] {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (!optional) this.problem(join(path, key), 'is missing (a list is expected)');
      return [];
    }
    if (!Array.isArray(value)) {
      this.problem(join(path, key), `must be a list, not ${describe(value)}`);
      return [];
    }
    return value;
  }

  /** Reads each mapping of a list with `read`, skipping (and reporting) items that are not mappings. */
  items<T>(obj: Obj, key: string, path: string, read: (item: Obj, itemPath: string) => T, optional = false): T[] {
    return this.list(obj, key, path, optional).flatMap((item, i) => {
      const itemPath = `${join(path, key)}[${i}]`;
      const o = this.object(item, itemPath);
      return o ? [read(o, itemPath)] : [];
    });
  }

  text(obj: Obj, key: string, path: string): string {
    const value = obj[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number') {
      this.problem(join(path, key), `must be text; write it in quotes ("${String(value)}") so that leading zeros are kept`);
    } else {
      this.problem(join(path, key), value === undefined ? 'is missing' : `must be non-empty text, not ${describe(value)}`);
    }
    return '';
  }

  optionalText(obj: Obj, key: string, path: string): string | null {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    return this.text(obj, key, path) || null;
  }

  texts(obj: Obj, key: string, path: string, optional = true): string[] {
    const value = obj[key];
    // A single code may stand without brackets: `to: 221-UBND`.
    if (typeof value === 'string' && value.trim() !== '') return [value.trim()];
    return this.list(obj, key, path, optional).flatMap((item, i) => {
      if (typeof item === 'string' && item.trim() !== '') return [item.trim()];
      this.problem(`${join(path, key)}[${i}]`, `must be text; write codes in quotes, not ${describe(item)}`);
      return [];
    });
  }

  number(obj: Obj, key: string, path: string): number {
    const value = obj[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.problem(join(path, key), value === undefined ? 'is missing (a number is expected)' : `must be a number, not ${describe(value)}`);
    return Number.NaN;
  }

  optionalNumber(obj: Obj, key: string, path: string): number | null {
    return obj[key] === undefined || obj[key] === null ? null : this.number(obj, key, path);
  }

  choice<T extends string>(obj: Obj, key: string, path: string, choices: readonly T[], fallback?: T): T {
    const value = obj[key];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
    this.problem(
      join(path, key),
      `${value === undefined ? 'is missing' : `${describe(value)} is not allowed`}; use one of: ${choices.join(', ')}`,
    );
    return choices[0]!;
  }

  date(obj: Obj, key: string, path: string): string | null {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
    this.problem(join(path, key), `${describe(value)} is not a date; write "YYYY-MM-DD" in quotes`);
    return null;
  }

  boolean(obj: Obj, key: string, path: string, fallback: boolean): boolean {
    const value = obj[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    this.problem(join(path, key), `must be true or false, not ${describe(value)}`);
    return fallback;
  }

  /** Reports a code seen before in the same list. */
  unique(seen: Set<string>, code: string, path: string, what: string): void {
    if (!code) return;
    if (seen.has(code)) this.problem(path, `duplicate ${what} code "${code}"`);
    seen.add(code);
  }
}

export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
