import ExcelJS from 'exceljs';
import { csvRecord, formatNumber, parsePeriod, type Period } from '@vetplan/domain';
import { errors } from '../../http/errors.ts';
import type { AppContext } from '../../context.ts';
import type { AuthContext } from '../auth/service.ts';
import type { CachedIndicator } from './catalogue-cache.ts';
import { answerRead, assertChecked, indicatorsFromRead, indicatorsOf, type IndicatorRow } from './service.ts';

export interface PivotTable {
  periods: string[];
  rows: { indicator: string; indicatorName: string; org: string; orgName: string; total: boolean; values: (number | null)[] }[];
}

/**
 * Indicators × units × periods as a table: one row per indicator and unit,
 * one column per period. With `children`, the units are the areas directly
 * below the given one and the given one closes each indicator as its total
 * (computed from the sums, not added up from the rows' rates).
 */
export async function pivot(ctx: AppContext, auth: AuthContext, q: { indicators: string[] | null; org: string | null; children: boolean; periods: string[] }): Promise<PivotTable> {
  // `period=` (empty) names no period: the table needs at least one (it once answered 500).
  if (q.periods.length === 0) throw errors.invalidField('period', 'cần ít nhất một kỳ báo cáo (ví dụ 2025)', 'at least one period is needed (e.g. 2025)');
  for (const p of q.periods) {
    const parsed = parsePeriod(p);
    if (!parsed.ok) throw errors.invalidField('period', parsed.messageVi, parsed.message);
  }
  // The areas below that existed during the periods asked for (a commune merged away before them is left out).
  const spans = q.periods.map((p) => period(p));
  const from = spans.reduce((a, p) => (p.start < a ? p.start : a), spans[0]!.start);
  const to = spans.reduce((a, p) => (p.end > a ? p.end : a), spans[0]!.end);
  let indicators: CachedIndicator[] = [];
  const root = q.org ? q.org : auth.scope.code;
  // One statement: the unit's check, the areas below it, their names and the aggregate's rows.
  const { cat, read } = await answerRead(ctx, (c) => {
    indicators = indicatorsOf(c, q.indicators);
    return { units: [root], scope: auth.scope, children: q.children ? { from, to } : undefined, names: true, elements: [...new Set(indicators.flatMap((i) => i.elements))], periods: q.periods };
  });
  assertChecked(read.units);
  const orgs = [...new Set(read.children), root];
  const values = await indicatorsFromRead(ctx, cat, read, indicators, orgs, spans);
  const names = read.names;
  const indicatorNames = new Map(indicators.map((i) => [i.code, i.name]));
  const index = new Map<string, IndicatorRow>(values.map((v) => [`${v.indicator}|${v.org}|${v.period}`, v]));
  return {
    periods: q.periods,
    rows: indicators.flatMap((i) =>
      orgs.map((org) => ({
        indicator: i.code,
        indicatorName: indicatorNames.get(i.code) ?? i.code,
        org,
        orgName: names.get(org) ?? org,
        total: q.children && org === root,
        values: q.periods.map((p) => index.get(`${i.code}|${org}|${p}`)?.value ?? null),
      })),
    ),
  };
}

function period(code: string): Period {
  const parsed = parsePeriod(code);
  if (!parsed.ok) throw errors.invalidField('period', parsed.messageVi, parsed.message);
  return parsed.period;
}

const HEADER = ['Mã chỉ số', 'Chỉ số', 'Mã đơn vị', 'Đơn vị'];

export function pivotCsv(table: PivotTable): string {
  const lines = [csvRecord([...HEADER, ...table.periods])];
  for (const r of table.rows) lines.push(csvRecord([r.indicator, r.indicatorName, r.org, r.total ? `${r.orgName} (tổng)` : r.orgName, ...r.values.map((v) => (v === null ? '' : formatNumber(v, { decimals: 1 })))]));
  // A BOM lets Excel read the Vietnamese text as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function pivotXlsx(table: PivotTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Chỉ số');
  sheet.addRow([...HEADER, ...table.periods]).font = { bold: true };
  for (const r of table.rows) {
    const row = sheet.addRow([r.indicator, r.indicatorName, r.org, r.total ? `${r.orgName} (tổng)` : r.orgName, ...r.values]);
    if (r.total) row.font = { bold: true };
  }
  sheet.columns.forEach((c, i) => (c.width = i === 1 ? 50 : i === 3 ? 28 : 12));
  for (let c = HEADER.length + 1; c <= HEADER.length + table.periods.length; c++) sheet.getColumn(c).numFmt = '0.0';
  sheet.views = [{ state: 'frozen', xSplit: HEADER.length, ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
