import { CsvError, CsvReader } from '@vetplan/domain';

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

export const COLUMNS = ['element', 'period', 'org', 'disagg', 'value', 'comment'] as const;
const REQUIRED = ['element', 'period', 'org', 'value'] as const;

export type ParsedInput = { rows: InputRow[]; errors: RowError[] };

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** A CSV file that could not be read, as the row error of its line. */
export function csvFailure(error: unknown): ParsedInput {
  const line = error instanceof CsvError ? error.line : 0;
  return { rows: [], errors: [{ row: Math.max(0, line - 1), column: null, message: `Tệp CSV bị lỗi: một ô có dấu ngoặc kép mở ở dòng ${line} không được đóng`, messageEn: (error as Error).message }] };
}

/** Reads the CSV exchange format; header problems are reported as row 0. */
export function rowsFromCsv(body: string): ParsedInput {
  const reader = new CsvReader();
  try {
    return rowsFromCsvRecords([...reader.push(body), ...reader.end()]);
  } catch (error) {
    return csvFailure(error);
  }
}

/** The rows of CSV records read already (the first is the header). */
export function rowsFromCsvRecords(records: { fields: string[]; line: number }[]): ParsedInput {
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [{ row: 0, column: null, message: 'Tệp CSV trống: cần dòng tiêu đề element,period,org,disagg,value,comment', messageEn: 'The CSV file is empty: a header row element,period,org,disagg,value,comment is required' }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const errors: RowError[] = [];
  for (const name of names) {
    if (!(COLUMNS as readonly string[]).includes(name)) {
      errors.push({ row: 0, column: name, message: `Cột "${name}" không có trong định dạng trao đổi (${COLUMNS.join(', ')})`, messageEn: `Column "${name}" is not part of the exchange format (${COLUMNS.join(', ')})` });
    }
  }
  for (const name of REQUIRED) {
    if (!names.includes(name)) errors.push({ row: 0, column: name, message: `Thiếu cột "${name}" trong dòng tiêu đề`, messageEn: `The header row lacks the column "${name}"` });
  }
  if (errors.length > 0) return { rows: [], errors };
  const at = (fields: string[], name: string) => {
    const i = names.indexOf(name);
    return i < 0 ? '' : (fields[i] ?? '');
  };
  const rows: InputRow[] = [];
  data.forEach((record, i) => {
    if (record.fields.length === 1 && record.fields[0]!.trim() === '') return; // a blank line
    rows.push({
      row: i + 1,
      element: at(record.fields, 'element').trim(),
      period: at(record.fields, 'period').trim(),
      org: at(record.fields, 'org').trim(),
      disagg: at(record.fields, 'disagg').trim(),
      value: at(record.fields, 'value').trim(),
      comment: at(record.fields, 'comment').trim() || null,
    });
  });
  return { rows, errors: [] };
}

/** Reads the same rows given as a JSON array of objects. */
export function rowsFromJson(body: unknown): ParsedInput {
  if (!Array.isArray(body)) {
    return { rows: [], errors: [{ row: 0, column: null, message: 'Nội dung JSON phải là một danh sách (mảng) các dòng số liệu', messageEn: 'The JSON body must be an array of data value rows' }] };
  }
  const rows: InputRow[] = [];
  const errors: RowError[] = [];
  body.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({ row: i + 1, column: null, message: 'Mỗi dòng phải là một đối tượng JSON', messageEn: 'Each row must be a JSON object' });
      return;
    }
    const o = item as Record<string, unknown>;
    const unknown = Object.keys(o).filter((k) => !(COLUMNS as readonly string[]).includes(k));
    for (const k of unknown) errors.push({ row: i + 1, column: k, message: `Trường "${k}" không có trong định dạng trao đổi`, messageEn: `Field "${k}" is not part of the exchange format` });
    const value = o.value;
    if (value !== undefined && value !== null && typeof value !== 'string' && typeof value !== 'number') {
      errors.push({ row: i + 1, column: 'value', message: 'value phải là số, chuỗi số hoặc rỗng', messageEn: 'value must be a number, a numeric string or empty' });
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
