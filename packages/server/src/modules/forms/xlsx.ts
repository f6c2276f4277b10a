import type ExcelJS from 'exceljs';
import { loadExcel } from '../../document-libraries.ts';
import { formatDate } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../auth/service.ts';
import { importDataValues, type ImportResult } from '../data-values/import.ts';
import type { InputRow, RowError } from '../data-values/input.ts';
import { entry } from './entry.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DATA_SHEET = 'Nhập số liệu';
const META_SHEET = 'vetplan';
/** The first row of figures; rows above hold the heading. */
const FIRST_ROW = 7;
const COLUMN_OF: Record<string, string> = { element: 'A', disagg: 'C', value: 'E', comment: 'F' };

function disaggLabel(key: string, names: Map<string, string>): string {
  return key === '' ? 'Tổng số' : key.split(';').map((pair) => names.get(pair) ?? pair).join(', ');
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
        row.getCell('E').dataValidation = { type: 'decimal', operator: 'between', formulae: [0, 100], allowBlank: true, showErrorMessage: true, error: 'Tỷ lệ phải từ 0 đến 100.' };
      }
    }
  }
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRows([['form', code], ['org', org], ['period', period]]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return '';
  }
  return String(value).trim();
}

/** Errors located on the sheet: sheet name and cell address, as people find them in Excel. */
function locate(errors: RowError[]) {
  return errors.map((e) => ({ ...e, sheet: DATA_SHEET, cell: `${COLUMN_OF[e.column ?? 'value'] ?? 'E'}${e.row}` }));
}

function unreadable(vi: string, en: string): AppError {
  return new AppError('invalid_xlsx', 400, vi, en);
}

/** Reads a filled template back through the same checks as any import; any bad cell stores nothing. */
export async function uploadTemplate(ctx: AppContext, auth: AuthContext, code: string, body: Buffer): Promise<ImportResult> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw unreadable('Tệp tải lên không phải là tệp Excel (.xlsx) đọc được.', 'The upload is not a readable Excel (.xlsx) file.');
  }
  const sheet = workbook.getWorksheet(DATA_SHEET);
  const meta = workbook.getWorksheet(META_SHEET);
  if (!sheet || !meta) {
    throw unreadable(`Tệp không phải là biểu mẫu tải từ vetplan (thiếu trang "${DATA_SHEET}").`, `The file is not a template downloaded from vetplan (no "${DATA_SHEET}" sheet).`);
  }
  const info = new Map<string, string>();
  meta.eachRow((row) => info.set(cellText(row.getCell(1).value), cellText(row.getCell(2).value)));
  if (info.get('form') !== code) {
    throw unreadable(`Tệp này là biểu mẫu "${info.get('form') ?? '?'}", không phải "${code}".`, `This file is the template of form "${info.get('form') ?? '?'}", not "${code}".`);
  }
  const org = info.get('org') ?? '';
  const period = info.get('period') ?? '';
  const rows: InputRow[] = [];
  sheet.eachRow((row, number) => {
    if (number < FIRST_ROW) return;
    const element = cellText(row.getCell('A').value);
    if (!element) return;
    const raw = row.getCell('E').value;
    rows.push({
      row: number,
      element,
      period,
      org,
      disagg: cellText(row.getCell('C').value),
      value: typeof raw === 'number' ? raw : cellText(raw),
      comment: cellText(row.getCell('F').value) || null,
    });
  });
  try {
    return await importDataValues(ctx, auth, { rows, errors: [] }, 'atomic', 'import');
  } catch (error) {
    if (error instanceof AppError && Array.isArray(error.extra.errors)) {
      throw new AppError(error.id, error.status, error.messageVi, error.messageEn, error.details, error.headers, { errors: locate(error.extra.errors as RowError[]) });
    }
    throw error;
  }
}
