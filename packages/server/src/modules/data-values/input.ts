import { CsvError, CsvReader, formatNumber } from '@vetplan/domain';

/** One row of an exchange file, as given (row 1 = the first data row). */
export interface InputRow {
  row: number;
  element: string;
  period: string;
  org: string;
  disagg: string;
  /** null or '' deletes the stored value. */
  value: string | number | null;
  comment: string | null;
}

export interface RowError {
  row: number;
  column: string | null;
  message: string;
  messageEn: string;
}

/** Errors listed in an answer or a job: a file of a million bad rows must not become a million objects. */
export const MAX_LISTED_ERRORS = 1_000;

/** Row errors as an import collects them: every one counted, the first MAX_LISTED_ERRORS kept. */
export class RowErrorList {
  private readonly kept: RowError[] = [];
  total = 0;

  static of(errors: readonly RowError[]): RowErrorList {
    const list = new RowErrorList();
    list.add(errors);
    return list;
  }

  add(errors: readonly RowError[]): void {
    this.total += errors.length;
    for (const e of errors) {
      if (this.kept.length >= MAX_LISTED_ERRORS) return;
      this.kept.push(e);
    }
  }

  /** The errors kept, by row. */
  sorted(): RowError[] {
    return [...this.kept].sort((a, b) => a.row - b.row);
  }

  /** The rows the kept errors name. */
  rows(): number {
    return new Set(this.kept.map((e) => e.row)).size;
  }
}

export const COLUMNS = ['element', 'period', 'org', 'disagg', 'value', 'comment'] as const;
const REQUIRED = ['element', 'period', 'org', 'value'] as const;

export type ParsedInput = { rows: InputRow[]; errors: RowError[] };

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** The longest CSV record read, in characters: a line that never ends (or a quote never closed) stops the reading there. */
export const MAX_CSV_RECORD_LENGTH = 64 * 1024;

/** A CSV file that could not be read, as the row error of its line. */
function csvFailure(error: unknown): ParsedInput {
  if (!(error instanceof CsvError)) throw error;
  const message =
    error.kind === 'too_long'
      ? `Tệp CSV bị lỗi: dòng ${error.line} dài quá ${formatNumber(MAX_CSV_RECORD_LENGTH)} ký tự (thiếu dấu xuống dòng hoặc một dấu ` +
        `ngoặc kép không được đóng)`
      : `Tệp CSV bị lỗi: một ô có dấu ngoặc kép mở ở dòng ${error.line} không được đóng`;
  return { rows: [], errors: [{ row: Math.max(0, error.line - 1), column: null, message, messageEn: error.message }] };
}

type CsvRecord = { fields: string[]; line: number };

/** The column names of a header record, or the problems that make it unusable. */
function readHeader(header: CsvRecord | undefined): { names: string[] } | { errors: RowError[] } {
  if (!header)
    return {
      errors: [
        {
          row: 0,
          column: null,
          message: 'Tệp CSV trống: cần dòng tiêu đề element,period,org,disagg,value,comment',
          messageEn: 'The CSV file is empty: a header row element,period,org,disagg,value,comment is required',
        },
      ],
    };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const errors: RowError[] = [];
  for (const name of names) {
    if (!(COLUMNS as readonly string[]).includes(name)) {
      errors.push({
        row: 0,
        column: name,
        message: `Cột "${name}" không có trong định dạng trao đổi (${COLUMNS.join(', ')})`,
        messageEn: `Column "${name}" is not part of the exchange format (${COLUMNS.join(', ')})`,
      });
    }
  }
  for (const name of REQUIRED) {
    if (!names.includes(name))
      errors.push({
        row: 0,
        column: name,
        message: `Thiếu cột "${name}" trong dòng tiêu đề`,
        messageEn: `The header row lacks the column "${name}"`,
      });
  }
  return errors.length > 0 ? { errors } : { names };
}

/**
 * Reads data records into rows, given the header's column names; `row` numbers the data records from 1. Header problems are reported as
 * row 0.
 */
class RecordReader {
  private readonly index: Record<string, number>;
  constructor(names: string[]) {
    this.index = Object.fromEntries(COLUMNS.map((c) => [c, names.indexOf(c)]));
  }
  private at(fields: string[], name: string): string {
    const i = this.index[name]!;
    return i < 0 ? '' : (fields[i] ?? '');
  }
  /** null for a blank line. */
  read(record: CsvRecord, row: number): InputRow | null {
    if (record.fields.length === 1 && record.fields[0]!.trim() === '') return null;
    return {
      row,
      element: this.at(record.fields, 'element').trim(),
      period: this.at(record.fields, 'period').trim(),
      org: this.at(record.fields, 'org').trim(),
      disagg: this.at(record.fields, 'disagg').trim(),
      value: this.at(record.fields, 'value').trim(),
      comment: this.at(record.fields, 'comment').trim() || null,
    };
  }
}

/** Rows per batch when a file is read in batches: parse, check and stage one batch at a time. */
export const BATCH_ROWS = 5_000;

/** A file read batch by batch; header and CSV syntax problems come as the errors of a batch. */
export type RowBatches = AsyncIterable<ParsedInput>;

/**
 * Reads a CSV file in batches of rows as its text arrives (a stream of
 * chunks, or the whole text): only the current batch is held as rows.
 */
export async function* csvBatches(source: AsyncIterable<string | Uint8Array> | string, size = BATCH_ROWS): RowBatches {
  const csv = new CsvReader(MAX_CSV_RECORD_LENGTH);
  const decoder = new TextDecoder('utf-8');
  let reader: RecordReader | null = null;
  let dataIndex = 0;
  const rows: InputRow[] = [];
  const take = (records: CsvRecord[]): ParsedInput | null => {
    for (const record of records) {
      if (!reader) {
        const head = readHeader(record);
        if ('errors' in head) return { rows: [], errors: head.errors };
        reader = new RecordReader(head.names);
        continue;
      }
      const row = reader.read(record, ++dataIndex);
      if (row) rows.push(row);
    }
    return null;
  };
  const chunks: AsyncIterable<string | Uint8Array> | Iterable<string> = typeof source === 'string' ? textSlices(source) : source;
  try {
    for await (const chunk of chunks) {
      const failed = take(csv.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })));
      if (failed) {
        yield failed;
        return;
      }
      while (rows.length >= size) yield { rows: rows.splice(0, size), errors: [] };
    }
    const failed = take([...csv.push(decoder.decode()), ...csv.end()]);
    if (failed) {
      yield failed;
      return;
    }
  } catch (error) {
    yield csvFailure(error);
    return;
  }
  if (!reader) {
    yield { rows: [], errors: (readHeader(undefined) as { errors: RowError[] }).errors };
    return;
  }
  while (rows.length > 0) yield { rows: rows.splice(0, size), errors: [] };
}

/** A long text in slices of 1 MB, so that a batch is parsed before the next slice is read. */
function* textSlices(text: string, slice = 1 << 20): Iterable<string> {
  for (let i = 0; i < text.length; i += slice) yield text.slice(i, i + slice);
}

/** Rows read already (JSON, a workbook, the demo history), in batches. */
export async function* batchesOf(input: ParsedInput, size = BATCH_ROWS): RowBatches {
  if (input.rows.length === 0) yield input;
  for (let i = 0; i < input.rows.length; i += size) yield { rows: input.rows.slice(i, i + size), errors: i === 0 ? input.errors : [] };
}

/** About how many data rows a CSV text holds (its line breaks less the header), for a progress bar before it is read. */
export function estimateCsvRows(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  if (text.length > 0 && !text.endsWith('\n')) lines++;
  return Math.max(0, lines - 1);
}

/** Reads the same rows given as a JSON array of objects. */
export function rowsFromJson(body: unknown): ParsedInput {
  if (!Array.isArray(body)) {
    return {
      rows: [],
      errors: [
        {
          row: 0,
          column: null,
          message: 'Nội dung JSON phải là một danh sách (mảng) các dòng số liệu',
          messageEn: 'The JSON body must be an array of data value rows',
        },
      ],
    };
  }
  const rows: InputRow[] = [];
  const errors: RowError[] = [];
  body.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({
        row: i + 1,
        column: null,
        message: 'Mỗi dòng phải là một đối tượng JSON',
        messageEn: 'Each row must be a JSON object',
      });
      return;
    }
    const o = item as Record<string, unknown>;
    const unknown = Object.keys(o).filter((k) => !(COLUMNS as readonly string[]).includes(k));
    for (const k of unknown)
      errors.push({
        row: i + 1,
        column: k,
        message: `Trường "${k}" không có trong định dạng trao đổi`,
        messageEn: `Field "${k}" is not part of the exchange format`,
      });
    const value = o.value;
    if (value !== undefined && value !== null && typeof value !== 'string' && typeof value !== 'number') {
      errors.push({
        row: i + 1,
        column: 'value',
        message: 'value phải là số, chuỗi số hoặc rỗng',
        messageEn: 'value must be a number, a numeric string or empty',
      });
      return;
    }
    rows.push({
      row: i + 1,
      element: text(o.element),
      period: text(o.period),
      org: text(o.org),
      disagg: text(o.disagg),
      value: value === undefined ? null : (value as string | number | null),
      comment: text(o.comment) || null,
    });
  });
  return { rows, errors };
}
