import type ExcelJS from 'exceljs';
import { loadExcel } from '../../document-libraries.ts';
import type { ReportModel } from './model.ts';

const BOLD = { bold: true } as const;
const THIN = { style: 'thin' } as const;

function titleRows(sheet: ExcelJS.Worksheet, title: string, m: ReportModel, columns: number): void {
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow([`Kèm theo Báo cáo kết quả ${m.period.label} thực hiện ${m.plan.reference} của ${m.org.name}`]).font = { italic: true };
  sheet.mergeCells(1, 1, 1, columns);
  sheet.mergeCells(2, 1, 2, columns);
  sheet.addRow([]);
}

function table(sheet: ExcelJS.Worksheet, header: readonly string[], rows: (string | number | null)[][], widths: number[]): void {
  const head = sheet.addRow([...header]);
  head.font = BOLD;
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (const r of rows) sheet.addRow(r).alignment = { vertical: 'top', wrapText: true };
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  for (let r = head.number; r <= sheet.rowCount; r++)
    for (let c = 1; c <= header.length; c++) sheet.getCell(r, c).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  sheet.views = [{ state: 'frozen', ySplit: head.number }];
}

/**
 * The report's annex: the targets, indicators by commune and period (rates
 * kept as numbers with one decimal shown), and the tasks by agency with status.
 */
export async function renderXlsx(m: ReportModel): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'vetplan';

  const targets = workbook.addWorksheet('Chỉ tiêu');
  titleRows(targets, 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', m, m.results.tableHeader.length);
  table(targets, m.results.tableHeader, m.results.tableRows, [6, 50, 28, 22, 18]);

  const communes = workbook.addWorksheet('Chỉ số theo xã');
  const header = [
    'Mã chỉ số',
    'Chỉ số',
    'Mã đơn vị',
    'Đơn vị',
    ...m.communeTable.periods.map((p, i) =>
      m.communeTable.rows.some((r) => r.provisional[i] && r.values[i] !== null) ? `Năm ${p} (tạm tính)` : `Năm ${p}`,
    ),
  ];
  titleRows(communes, 'CHỈ SỐ THEO XÃ, THỊ TRẤN VÀ THEO KỲ', m, header.length);
  table(
    communes,
    header,
    m.communeTable.rows.map((r) => [r.indicator, r.indicatorName, r.org, r.total ? `${r.orgName} (toàn địa bàn)` : r.orgName, ...r.values]),
    [20, 48, 10, 26, ...m.communeTable.periods.map(() => 11)],
  );
  for (let c = 5; c <= header.length; c++) communes.getColumn(c).numFmt = '0.0';
  communes.eachRow((row, n) => {
    if (n > 4 && String(row.getCell(4).value).endsWith('(toàn địa bàn)')) row.font = BOLD;
  });

  const tasks = workbook.addWorksheet('Nhiệm vụ');
  const taskHeader = ['Nhóm', 'Mã', 'Nhiệm vụ', 'Đơn vị', 'Vai trò', 'Kỳ', 'Hạn', 'Tình trạng', 'Tiến độ (%)', 'Kết quả'];
  titleRows(tasks, 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO CƠ QUAN, ĐƠN VỊ', m, taskHeader.length);
  const rows = m.taskGroups.flatMap((g) =>
    g.tasks.flatMap((t) =>
      t.instances.map((i) => [
        g.code,
        t.code,
        t.title,
        i.orgName,
        i.role === 'lead' ? 'Chủ trì' : 'Phối hợp',
        i.period,
        i.dueOn.split('-').reverse().join('/'),
        i.statusText,
        i.percent,
        [i.done, i.results].filter(Boolean).join(' '),
      ]),
    ),
  );
  table(tasks, taskHeader, rows, [7, 7, 44, 26, 10, 9, 12, 20, 11, 50]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
