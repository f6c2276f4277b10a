import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnName, sheetName, tableWorkbook, type SheetCell } from './workbook.ts';
import { crc32 } from './zip.ts';

async function read(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe('tableWorkbook', () => {
  it('writes a sheet Excel reads back: header, Vietnamese text, numbers as numbers with their decimals', async () => {
    const rows: SheetCell[][] = [
      ['Chỉ tiêu', 'Năm', 'Giá trị', 'Trạng thái'],
      ['Tỷ lệ lao động qua đào tạo có văn bằng, chứng chỉ', 2024, 39.9, 'Đúng tiến độ'],
      ['Số cơ sở GDNN', 2024, 1234, null],
      ['<b>&"dấu"</b>', 2025, 0.125, ' khoảng trắng '],
    ];
    const sheet = await read(tableWorkbook('Chỉ tiêu 2030', rows));
    expect(sheet.name).toBe('Chỉ tiêu 2030');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Chỉ tiêu', 'Năm', 'Giá trị', 'Trạng thái']);
    expect(sheet.getCell('A2').value).toBe('Tỷ lệ lao động qua đào tạo có văn bằng, chứng chỉ');
    expect(sheet.getCell('C2').value).toBe(39.9);
    expect(sheet.getCell('C2').numFmt).toBe('#,##0.0');
    expect(sheet.getCell('C3').value).toBe(1234);
    expect(sheet.getCell('C3').numFmt).toBe('#,##0');
    expect(sheet.getCell('D3').value).toBeNull();
    expect(sheet.getCell('A4').value).toBe('<b>&"dấu"</b>');
    expect(sheet.getCell('C4').numFmt).toBe('#,##0.000');
    expect(sheet.getCell('D4').value).toBe(' khoảng trắng ');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:D4');
  });

  it('keeps any text and any finite number intact', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => s.trim() !== '' && s === s.trim());
    const number = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, number), { minLength: 1, maxLength: 8 }), async (pairs) => {
        const sheet = await read(tableWorkbook('t', [['a', 'b'], ...pairs]));
        pairs.forEach(([s, n], i) => {
          expect(sheet.getCell(`A${i + 2}`).value).toBe(s);
          expect(sheet.getCell(`B${i + 2}`).value).toBe(Object.is(n, -0) ? 0 : n);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('drops characters XML cannot carry instead of writing a file Excel refuses', async () => {
    const sheet = await read(tableWorkbook('x', [['a'], ['nul\u0000 and lone \ud800 surrogate']]));
    expect(sheet.getCell('A2').value).toBe('nul and lone  surrogate');
  });
});

describe('helpers', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('makes a sheet name Excel accepts', () => {
    expect(sheetName('Xã Tân An: 2025/2030 [bản nháp]?')).toBe('Xã Tân An  2025 2030  bản nháp');
    expect(sheetName('a'.repeat(40))).toHaveLength(31);
    expect(sheetName(' / ')).toBe('Sheet1');
  });

  it('computes the CRC-32 of the ZIP format', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });
});
