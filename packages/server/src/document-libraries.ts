import type ExcelJS from 'exceljs';
import type PDFDocument from 'pdfkit';

/*
 * ExcelJS and PDFKit, loaded the first time a workbook or a PDF is made
 * instead of when the server starts: together they add about 24 MB of memory
 * and half a second to every start, and most starts never make either
 * (docs/performance.md, "Start-up"). docx, about 4 MB, still loads at start.
 */

export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

export async function loadPdfKit(): Promise<typeof PDFDocument> {
  return (await import('pdfkit')).default;
}
