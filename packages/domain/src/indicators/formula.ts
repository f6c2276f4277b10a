/**
 * The indicator formula language: data elements, optionally restricted to
 * dimension values (`DE_THPT_TO_VET[level:CD]`), numbers, + - * / and
 * parentheses. Parsed once into a tree, checked against the catalogue, and
 * evaluated over totals that the caller aggregates (sums over units and
 * dimension values first: a rate is a ratio of sums).
 */
export type Formula =
  | { kind: 'number'; value: number }
  | { kind: 'ref'; element: string; filter: Record<string, string> }
  | { kind: 'neg'; operand: Formula }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Formula; right: Formula };

export type ParseResult = { ok: true; formula: Formula } | { ok: false; message: string; messageVi: string; position: number };

class ParseError extends Error {
  constructor(
    message: string,
    readonly messageVi: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const ELEMENT = /^DE_[A-Z0-9_]+/;
const NUMBER = /^\d+(\.\d+)?/;
const NAME = /^[A-Za-z_][\w-]*/;

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): Formula {
    const formula = this.expression();
    this.space();
    if (this.pos < this.text.length) this.fail(`unexpected "${this.text[this.pos]}"`, `ký tự không hợp lệ "${this.text[this.pos]}"`);
    return formula;
  }

  private fail(en: string, vi: string): never {
    throw new ParseError(`${en} at position ${this.pos + 1}`, `${vi} tại vị trí ${this.pos + 1}`, this.pos);
  }

  private space(): void {
    while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') this.pos++;
  }

  private peek(): string | undefined {
    this.space();
    return this.text[this.pos];
  }

  private expression(): Formula {
    let left = this.term();
    for (let c = this.peek(); c === '+' || c === '-'; c = this.peek()) {
      this.pos++;
      left = { kind: 'binary', op: c, left, right: this.term() };
    }
    return left;
  }

  private term(): Formula {
    let left = this.factor();
    for (let c = this.peek(); c === '*' || c === '/'; c = this.peek()) {
      this.pos++;
      left = { kind: 'binary', op: c, left, right: this.factor() };
    }
    return left;
  }

  private factor(): Formula {
    const c = this.peek();
    if (c === undefined) this.fail('the formula ends too early', 'công thức kết thúc quá sớm');
    if (c === '(') {
      this.pos++;
      const inner = this.expression();
      if (this.peek() !== ')') this.fail('")" expected', 'thiếu dấu ")"');
      this.pos++;
      return inner;
    }
    if (c === '-') {
      this.pos++;
      return { kind: 'neg', operand: this.factor() };
    }
    const rest = this.text.slice(this.pos);
    const number = NUMBER.exec(rest);
    if (number) {
      const value = Number(number[0]);
      if (!Number.isFinite(value))
        this.fail(`the number "${number[0].slice(0, 20)}…" is too large`, `số "${number[0].slice(0, 20)}…" quá lớn`);
      this.pos += number[0].length;
      return { kind: 'number', value };
    }
    const element = ELEMENT.exec(rest);
    if (element) {
      this.pos += element[0].length;
      return { kind: 'ref', element: element[0], filter: this.filter() };
    }
    this.fail(`a data element (DE_…), a number or "(" expected, not "${c}"`, `cần mã chỉ tiêu (DE_…), một số hoặc "(", không phải "${c}"`);
  }

  private filter(): Record<string, string> {
    const filter: Record<string, string> = {};
    if (this.text[this.pos] !== '[') return filter;
    this.pos++;
    for (;;) {
      this.space();
      const dim = NAME.exec(this.text.slice(this.pos));
      if (!dim) this.fail('a dimension name expected', 'cần tên phân tổ');
      this.pos += dim[0].length;
      if (this.text[this.pos] !== ':') this.fail('":" expected after the dimension', 'cần dấu ":" sau tên phân tổ');
      this.pos++;
      const value = NAME.exec(this.text.slice(this.pos)) ?? /^\w+/.exec(this.text.slice(this.pos));
      if (!value) this.fail('a dimension value expected', 'cần giá trị phân tổ');
      this.pos += value[0].length;
      if (dim[0] in filter) this.fail(`dimension "${dim[0]}" is given twice`, `phân tổ "${dim[0]}" được ghi hai lần`);
      filter[dim[0]] = value[0];
      this.space();
      const next = this.text[this.pos];
      this.pos++;
      if (next === ']') return filter;
      if (next !== ';' && next !== ',') this.fail('"]" expected', 'thiếu dấu "]"');
    }
  }
}

export function parseFormula(text: string): ParseResult {
  try {
    return { ok: true, formula: new Parser(text).parse() };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, message: error.message, messageVi: error.messageVi, position: error.position };
    throw error;
  }
}

/** Writes a formula back as text (fully parenthesised where needed). */
export function formatFormula(f: Formula): string {
  switch (f.kind) {
    case 'number':
      return String(f.value);
    case 'ref': {
      const filter = Object.entries(f.filter)
        .map(([d, v]) => `${d}:${v}`)
        .join(';');
      return filter ? `${f.element}[${filter}]` : f.element;
    }
    case 'neg':
      return `-(${formatFormula(f.operand)})`;
    case 'binary':
      return `(${formatFormula(f.left)} ${f.op} ${formatFormula(f.right)})`;
  }
}

/** The element references of a formula, each once, in order of appearance. */
export function formulaRefs(f: Formula): Array<Extract<Formula, { kind: 'ref' }>> {
  const seen = new Map<string, Extract<Formula, { kind: 'ref' }>>();
  const walk = (x: Formula): void => {
    if (x.kind === 'ref') seen.set(refKey(x), x);
    else if (x.kind === 'neg') walk(x.operand);
    else if (x.kind === 'binary') {
      walk(x.left);
      walk(x.right);
    }
  };
  walk(f);
  return [...seen.values()];
}

/** A stable key of a reference: 'DE_X' or 'DE_X[level:CD;sex:F]' with dimensions sorted. */
export function refKey(ref: { element: string; filter: Record<string, string> }): string {
  const filter = Object.keys(ref.filter)
    .sort()
    .map((d) => `${d}:${ref.filter[d]}`)
    .join(';');
  return filter ? `${ref.element}[${filter}]` : ref.element;
}

/** The value of a constant subformula (no references), or null. */
function constant(f: Formula): number | null {
  switch (f.kind) {
    case 'number':
      return f.value;
    case 'ref':
      return null;
    case 'neg': {
      const v = constant(f.operand);
      return v === null ? null : -v;
    }
    case 'binary': {
      const l = constant(f.left);
      const r = constant(f.right);
      if (l === null || r === null) return null;
      return applyOp(f.op, l, r);
    }
  }
}

function applyOp(op: '+' | '-' | '*' | '/', l: number, r: number): number {
  return op === '+' ? l + r : op === '-' ? l - r : op === '*' ? l * r : l / r;
}

export interface FormulaCatalog {
  /** Each element's dimensions and the values it allows. */
  elements: ReadonlyMap<string, readonly { dimension: string; values: readonly string[] }[]>;
}

/** Checks a formula against the catalogue: known elements, their dimension values, no division by a constant zero. */
export function formulaProblems(f: Formula, catalog: FormulaCatalog): { en: string; vi: string }[] {
  const problems: { en: string; vi: string }[] = [];
  const walk = (x: Formula): void => {
    if (x.kind === 'ref') {
      const dims = catalog.elements.get(x.element);
      if (!dims) {
        problems.push({ en: `"${x.element}" is not a known data element`, vi: `"${x.element}" không phải là chỉ tiêu đã có` });
        return;
      }
      for (const [dim, value] of Object.entries(x.filter)) {
        const spec = dims.find((d) => d.dimension === dim);
        if (!spec) problems.push({ en: `"${x.element}" has no dimension "${dim}"`, vi: `"${x.element}" không có phân tổ "${dim}"` });
        else if (!spec.values.includes(value))
          problems.push({
            en: `"${dim}:${value}" is not a value of "${x.element}"`,
            vi: `"${dim}:${value}" không phải là giá trị phân tổ của "${x.element}"`,
          });
      }
    } else if (x.kind === 'neg') walk(x.operand);
    else if (x.kind === 'binary') {
      walk(x.left);
      walk(x.right);
      if (x.op === '/' && constant(x.right) === 0)
        problems.push({ en: `division by zero: "${formatFormula(x)}"`, vi: `chia cho số 0: "${formatFormula(x)}"` });
    }
  };
  walk(f);
  return problems;
}

export type NullReason = 'missing_data' | 'zero_denominator';
export type Evaluation = { value: number; reason: null } | { value: null; reason: NullReason };

/**
 * Evaluates a formula over the totals of its references. A reference with no
 * data gives null ("missing_data"); a division by zero gives null
 * ("zero_denominator") — never Infinity or NaN.
 */
export function evaluateFormula(f: Formula, total: (ref: Extract<Formula, { kind: 'ref' }>) => number | null): Evaluation {
  switch (f.kind) {
    case 'number':
      return { value: f.value, reason: null };
    case 'ref': {
      const v = total(f);
      return v === null ? { value: null, reason: 'missing_data' } : { value: v, reason: null };
    }
    case 'neg': {
      const v = evaluateFormula(f.operand, total);
      return v.value === null ? v : { value: -v.value, reason: null };
    }
    case 'binary': {
      const l = evaluateFormula(f.left, total);
      if (l.value === null) return l;
      const r = evaluateFormula(f.right, total);
      if (r.value === null) return r;
      if (f.op === '/' && r.value === 0) return { value: null, reason: 'zero_denominator' };
      return { value: applyOp(f.op, l.value, r.value), reason: null };
    }
  }
}

/**
 * Splits a rate into numerator and denominator: `N / D * k` (or `N * k / D`,
 * `(N / D) * k`) gives N, D and k; a formula without a division is its own
 * numerator with no denominator.
 */
export function ratioParts(f: Formula): { numerator: Formula; denominator: Formula | null; scale: number } {
  if (f.kind === 'binary' && f.op === '/') return { numerator: f.left, denominator: f.right, scale: 1 };
  if (f.kind === 'binary' && f.op === '*') {
    const k = constant(f.right);
    if (k !== null && f.left.kind === 'binary' && f.left.op === '/') return { numerator: f.left.left, denominator: f.left.right, scale: k };
  }
  return { numerator: f, denominator: null, scale: 1 };
}
