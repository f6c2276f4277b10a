/**
 * A streaming CSV reader (RFC 4180: quoted fields, doubled quotes, CR LF or
 * LF line ends, a leading BOM). Feed it text chunks; it hands back whole
 * records as they complete, so a large file never sits in memory at once.
 */
const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

export class CsvReader {
  private field = '';
  /** Characters of the current record so far. */
  private length = 0;
  private record: string[] = [];
  private inQuotes = false;
  private quoteClosed = false;
  private started = false;
  private pendingCr = false;
  /** 1-based line where the current record began, for messages. */
  private line = 1;
  private recordLine = 1;

  /** A record longer than `maxRecordLength` characters stops the reading with a CsvError (a line that never ends, a quote never closed). */
  constructor(private readonly maxRecordLength = Infinity) {}

  /** Consumes a chunk and returns the records it completed. */
  push(chunk: string): { fields: string[]; line: number }[] {
    const out: { fields: string[]; line: number }[] = [];
    let text = chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.pendingCr) {
        this.pendingCr = false;
        if (text.charCodeAt(i) === LF) {
          i++;
          continue;
        }
      }
      if (this.inQuotes) {
        // Up to the next quote in one slice; a quote last in the chunk may be doubled by the next chunk: decide then.
        const quote = text.indexOf('"', i);
        const stop = quote < 0 ? n : quote;
        if (stop > i) this.append(text.slice(i, stop), true);
        if (quote < 0) break;
        this.grow(1);
        if (quote + 1 < n && text.charCodeAt(quote + 1) === QUOTE) {
          this.field += '"';
          this.grow(1);
          i = quote + 2;
        } else {
          this.inQuotes = false;
          this.quoteClosed = true;
          i = quote + 1;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        this.grow(1);
        if (this.quoteClosed) {
          // `""` split across chunks: an escaped quote inside the field.
          this.field += '"';
          this.inQuotes = true;
          this.quoteClosed = false;
        } else if (this.field === '') {
          this.inQuotes = true;
        } else {
          this.field += '"';
        }
        i++;
      } else if (c === COMMA) {
        this.grow(1);
        this.endField();
        i++;
      } else if (c === LF || c === CR) {
        this.endField();
        out.push({ fields: this.record, line: this.recordLine });
        this.record = [];
        this.length = 0;
        this.line++;
        this.recordLine = this.line;
        if (c === CR) this.pendingCr = true;
        i++;
      } else {
        // A run of plain characters, taken as one slice.
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === COMMA || d === QUOTE || d === LF || d === CR) break;
          j++;
        }
        this.append(text.slice(i, j), false);
        i = j;
      }
    }
    return out;
  }

  private append(part: string, quoted: boolean): void {
    this.grow(part.length);
    this.field += part;
    if (quoted) for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) this.line++;
  }

  private grow(characters: number): void {
    this.length += characters;
    if (this.length > this.maxRecordLength) {
      throw new CsvError(
        `the record starting on line ${this.recordLine} is longer than ${this.maxRecordLength} characters`,
        this.recordLine,
        'too_long',
      );
    }
  }

  /** Ends the input; returns the last record if the file did not end with a line break. */
  end(): { fields: string[]; line: number }[] {
    if (this.inQuotes)
      throw new CsvError(`a quoted field opened on line ${this.recordLine} is never closed`, this.recordLine, 'unclosed_quote');
    if (this.field === '' && this.record.length === 0 && !this.quoteClosed) return [];
    this.endField();
    const last = { fields: this.record, line: this.recordLine };
    this.record = [];
    return [last];
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = '';
    this.quoteClosed = false;
  }
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly kind: 'unclosed_quote' | 'too_long',
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/** Parses a whole CSV text (tests, small files). */
export function parseCsv(text: string): string[][] {
  const reader = new CsvReader();
  return [...reader.push(text), ...reader.end()].map((r) => r.fields);
}

/**
 * Text a spreadsheet would run as a formula when the file is opened (=, +,
 * -, @, tab, carriage return first), unless it is a plain number such as
 * -5 or -5,3. OWASP's CSV injection advice: such a cell is prefixed with a
 * single quote, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)*$/;

/** Writes one CSV record, quoting where needed and defusing cells a spreadsheet would take for formulas. */
export function csvRecord(fields: readonly (string | number | null | undefined)[]): string {
  return fields
    .map((f) => {
      let s = f === null || f === undefined ? '' : String(f);
      if (typeof f === 'string' && FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
      return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}
