import { csvRecord } from '@vetplan/domain';

export type CsvCell = string | number | null;

function save(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * A table as a CSV file Excel opens with its Vietnamese intact: UTF-8 with a
 * byte-order mark, CR LF line ends, numbers in plain digits ("35.9").
 */
export function downloadCsv(fileName: string, rows: readonly (readonly CsvCell[])[]): void {
  const text = `\uFEFF${rows.map((row) => csvRecord(row)).join('\r\n')}\r\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  save(url, fileName);
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A table as an Excel workbook (header row first); the writer is loaded on first use. */
export async function downloadXlsx(fileName: string, sheet: string, rows: readonly (readonly CsvCell[])[]): Promise<void> {
  const { tableWorkbook, XLSX_TYPE } = await import('./xlsx/workbook.ts');
  const url = URL.createObjectURL(new Blob([tableWorkbook(sheet, rows)], { type: XLSX_TYPE }));
  save(url, fileName);
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A chart image (a data: URL from ECharts) saved as a file. */
export function downloadDataUrl(fileName: string, dataUrl: string): void {
  save(dataUrl, fileName);
}

/** A number for a CSV cell, rounded as the screen shows it; empty when there is none. */
export function csvNumber(value: number | null | undefined, decimals: number): number | null {
  if (value === null || value === undefined) return null;
  return Number(value.toFixed(decimals));
}
