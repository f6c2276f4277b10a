import { loadExcel } from '../../document-libraries.ts';
import { formatDate, formatNumber } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { AppError, errors, formatBytes } from '../../http/errors.ts';
import { Semaphore } from '../../http/semaphore.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { importDataValues, type ImportResult } from '../data-values/import.ts';
import type { InputRow, RowError } from '../data-values/input.ts';
import { importSlots } from '../data-values/import-slots.ts';
import { loadDataMetadata } from '../data-elements/metadata.ts';
import { entry } from '../forms/entry.ts';
import { loadForms } from '../forms/repository.ts';
import { readSheets, XLSX_MAX_DEPTH, XlsxRefused, type SheetRow } from './xlsx-reader.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DATA_SHEET = 'Nhập số liệu';
const META_SHEET = 'vetplan';
/** The first row of figures; rows above hold the heading. */
const FIRST_ROW = 7;
const COLUMN_OF: Record<string, string> = { element: 'A', disagg: 'C', value: 'E', comment: 'F' };

function disaggLabel(key: string, names: Map<string, string>): string {
  return key === ''
    ? 'Tổng số'
    : key
        .split(';')
        .map((pair) => names.get(pair) ?? pair)
        .join(', ');
}

/**
 * An Excel template of a form for one unit and period, filled with the stored
 * figures: headings and codes are protected, value cells are open and carry
 * data validation for the element's type.
 */
export async function formTemplate(ctx: AppContext, auth: AuthContext, code: string, org: string, period: string): Promise<Buffer> {
  const e = await entry(ctx, auth, code, org, period);
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'vetplan';
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: FIRST_ROW - 1 }] });
  sheet.columns = [
    { key: 'element', width: 24 },
    { key: 'name', width: 60 },
    { key: 'disagg', width: 20 },
    { key: 'label', width: 24 },
    { key: 'value', width: 16 },
    { key: 'comment', width: 40 },
  ];
  sheet.getCell('A1').value = e.form.name;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = `Đơn vị: ${e.org.name} (${e.org.code})`;
  sheet.getCell('A3').value = `Kỳ báo cáo: ${e.period} · Chốt số liệu: ${formatDate(e.dates.cutoff)} · Hạn nộp: ${formatDate(e.dates.due)}`;
  sheet.getCell('A4').value = 'Chỉ nhập vào cột "Giá trị" và "Ghi chú"; để trống ô giá trị để xóa số liệu đã có.';
  sheet.getCell('A4').font = { italic: true };
  const header = sheet.getRow(FIRST_ROW - 1);
  header.values = ['Mã chỉ tiêu', 'Chỉ tiêu', 'Mã phân tổ', 'Phân tổ', 'Giá trị', 'Ghi chú'];
  header.font = { bold: true };
  const names = new Map<string, string>();
  for (const el of e.elements) for (const d of el.dimensions) for (const v of d.values) names.set(`${d.dimension}:${v.code}`, v.name);
  const stored = new Map(e.values.map((v) => [`${v.element}|${v.disagg}`, v]));
  let rowNumber = FIRST_ROW;
  for (const el of e.elements) {
    let combos: string[][] = [[]];
    for (const d of [...el.dimensions].sort((a, b) => a.dimension.localeCompare(b.dimension))) {
      combos = combos.flatMap((c) => d.values.map((v) => [...c, `${d.dimension}:${v.code}`]));
    }
    for (const combo of combos) {
      const key = combo.join(';');
      const cell = stored.get(`${el.code}|${key}`);
      const row = sheet.getRow(rowNumber++);
      row.values = [el.code, el.name, key, disaggLabel(key, names), cell?.value ?? null, cell?.comment ?? null];
      for (const col of ['E', 'F']) row.getCell(col).protection = { locked: false };
      if (el.valueType === 'count') {
        row.getCell('E').dataValidation = {
          type: 'whole',
          operator: 'greaterThanOrEqual',
          formulae: [0],
          allowBlank: true,
          showErrorMessage: true,
          errorTitle: 'Giá trị không hợp lệ',
          error: 'Số lượng phải là số nguyên từ 0 trở lên.',
        };
      } else if (el.valueType === 'percentage') {
        row.getCell('E').dataValidation = {
          type: 'decimal',
          operator: 'between',
          formulae: [0, 100],
          allowBlank: true,
          showErrorMessage: true,
          error: 'Tỷ lệ phải từ 0 đến 100.',
        };
      }
    }
  }
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRows([
    ['form', code],
    ['org', org],
    ['period', period],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Errors located on the sheet: sheet name and cell address, as people find them in Excel. */
function locate(errors: RowError[]) {
  return errors.map((e) => ({ ...e, sheet: DATA_SHEET, cell: `${COLUMN_OF[e.column ?? 'value'] ?? 'E'}${e.row}` }));
}

function unreadable(vi: string, en: string): AppError {
  return new AppError('invalid_xlsx', 400, vi, en);
}

/** Rows a filled template may hold beyond the form's own: notes people add below the table. */
const SLACK_ROWS = 200;
/** Fixed limits of an uploaded workbook (the sizes come from the configuration): README, "Limits". */
const XLSX_MAX_ENTRIES = 1_000;
const XLSX_MAX_SHEETS = 100;
const XLSX_MAX_SHARED_STRINGS = 100_000;
/** Workbooks read at once: each may inflate up to XLSX_MAX_UNZIPPED_BYTES, so memory stays bounded under a burst. */
const readers = new Semaphore(2);

/** The rows of a form's template: headings, then one row per element and combination of its dimensions' values. */
async function templateRows(ctx: AppContext, code: string): Promise<number> {
  const [form] = await loadForms(ctx.db, [code]);
  if (!form) throw errors.notFound(`biểu mẫu "${code}"`, `Form "${code}"`);
  const metadata = await loadDataMetadata(ctx.db);
  let rows = FIRST_ROW - 1;
  for (const element of form.elements) rows += (metadata.elements.get(element)?.dimensions ?? []).reduce((n, d) => n * d.values.length, 1);
  return rows;
}

/** A workbook refused before it was read, with the limit it broke. */
function refused(error: XlsxRefused, ctx: AppContext, maxRows: number): AppError {
  const unzipped = formatBytes(ctx.config.xlsxMaxUnzippedBytes);
  const limits: Partial<Record<XlsxRefused['reason'], { vi: string; en: string }>> = {
    too_large_unzipped: { vi: `khi giải nén vượt quá ${unzipped.vi}`, en: `inflates to more than ${unzipped.en}` },
    too_many_entries: { vi: `chứa hơn ${formatNumber(XLSX_MAX_ENTRIES)} tệp thành phần`, en: `holds more than ${XLSX_MAX_ENTRIES} parts` },
    too_many_sheets: { vi: `có hơn ${formatNumber(XLSX_MAX_SHEETS)} trang tính`, en: `has more than ${XLSX_MAX_SHEETS} sheets` },
    too_many_rows: {
      vi: `có hơn ${formatNumber(maxRows)} dòng trong một trang (biểu mẫu này có ${formatNumber(maxRows - SLACK_ROWS)} dòng)`,
      en: `has more than ${maxRows} rows in a sheet (this form's template has ${maxRows - SLACK_ROWS})`,
    },
    too_deep: { vi: `có cấu trúc XML lồng nhau quá ${XLSX_MAX_DEPTH} cấp`, en: `nests its XML more than ${XLSX_MAX_DEPTH} levels deep` },
    too_many_strings: {
      vi: `chứa hơn ${formatNumber(XLSX_MAX_SHARED_STRINGS)} chuỗi văn bản`,
      en: `holds more than ${XLSX_MAX_SHARED_STRINGS} text strings`,
    },
  };
  const limit = limits[error.reason];
  if (limit) {
    return new AppError(
      'payload_too_large',
      413,
      `Tệp Excel quá lớn: tệp ${limit.vi}. Hãy tải lại biểu mẫu từ vetplan và chỉ nhập số liệu vào đó.`,
      `The Excel file is too large: it ${limit.en}. Download the template from vetplan again and enter only the figures in it.`,
    );
  }
  return unreadable(
    'Tệp tải lên không phải là tệp Excel (.xlsx) đọc được.',
    `The upload is not a readable Excel (.xlsx) file (${error.message}).`,
  );
}

/** Reads a filled template back through the same checks as any import; any bad cell stores nothing. */
export async function uploadTemplate(ctx: AppContext, auth: AuthContext, code: string, body: Buffer): Promise<ImportResult> {
  if (body.length > ctx.config.xlsxLimitBytes) throw errors.payloadTooLarge(ctx.config.xlsxLimitBytes);
  const maxRows = (await templateRows(ctx, code)) + SLACK_ROWS;
  const limits = {
    maxEntries: XLSX_MAX_ENTRIES,
    maxUnzippedBytes: ctx.config.xlsxMaxUnzippedBytes,
    maxSheets: XLSX_MAX_SHEETS,
    maxRows,
    maxSharedStrings: XLSX_MAX_SHARED_STRINGS,
  };
  let sheets: Map<string, SheetRow[]>;
  try {
    sheets = await readers.run(() => readSheets(body, limits, { sheets: [DATA_SHEET, META_SHEET], columns: ['A', 'B', 'C', 'E', 'F'] }));
  } catch (error) {
    if (error instanceof XlsxRefused) throw refused(error, ctx, maxRows);
    throw error;
  }
  const sheet = sheets.get(DATA_SHEET);
  const meta = sheets.get(META_SHEET);
  if (!sheet || !meta) {
    throw unreadable(
      `Tệp không phải là biểu mẫu tải từ vetplan (thiếu trang "${DATA_SHEET}").`,
      `The file is not a template downloaded from vetplan (no "${DATA_SHEET}" sheet).`,
    );
  }
  const text = (value: string | number | undefined) => (value === undefined ? '' : String(value).trim());
  const info = new Map(meta.map((row) => [text(row.cells.get('A')), text(row.cells.get('B'))]));
  if (info.get('form') !== code) {
    throw unreadable(
      `Tệp này là biểu mẫu "${info.get('form') ?? '?'}", không phải "${code}".`,
      `This file is the template of form "${info.get('form') ?? '?'}", not "${code}".`,
    );
  }
  const org = info.get('org') ?? '';
  const period = info.get('period') ?? '';
  const rows: InputRow[] = [];
  for (const { number, cells } of sheet) {
    if (number < FIRST_ROW) continue;
    const element = text(cells.get('A'));
    if (!element) continue;
    const raw = cells.get('E');
    rows.push({
      row: number,
      element,
      period,
      org,
      disagg: text(cells.get('C')),
      value: typeof raw === 'number' ? raw : text(raw),
      comment: text(cells.get('F')) || null,
    });
  }
  try {
    return await importSlots.run(() => importDataValues(ctx, auth, { rows, errors: [] }, 'atomic', 'import'));
  } catch (error) {
    if (error instanceof AppError && Array.isArray(error.extra.errors)) {
      throw new AppError(error.id, error.status, error.messageVi, error.messageEn, error.details, error.headers, {
        ...error.extra,
        errors: locate(error.extra.errors as RowError[]),
      });
    }
    throw error;
  }
}
