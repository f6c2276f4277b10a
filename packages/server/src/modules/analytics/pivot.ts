import { loadExcel } from '../../document-libraries.ts';
import { csvRecord, formatFormula, formatNumber, formulaProblems, parseFormula, parsePeriod, type Period } from '@vetplan/domain';
import { errors } from '../../http/errors.ts';
import type { AppContext } from '../../context.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { loadDataMetadata } from '../data-elements/metadata.ts';
import type { CachedIndicator } from '../../db/catalogue-cache.ts';
import { answerRead, assertChecked, indicatorsFromRead, indicatorsOf, type IndicatorRow, type IndicatorSpec } from './service.ts';

export interface PivotTable {
  periods: string[];
  /** `indicator` is an indicator's code, or a data element with its dimension filter (`DE_X[sex:F]`) when `kind` is "element". */
  rows: {
    kind: 'indicator' | 'element';
    indicator: string;
    indicatorName: string;
    org: string;
    orgName: string;
    total: boolean;
    values: (number | null)[];
    provisional: boolean[];
  }[];
}

interface PivotSeries {
  kind: 'indicator' | 'element';
  spec: IndicatorSpec;
  name: string;
}

type ElementSeries = PivotSeries & { kind: 'element'; element: string };

/**
 * Data elements asked for by code, each optionally narrowed by dimension
 * values (`DE_THPT_TO_VET[level:CD]`): the element's figures summed over its
 * disaggregations (or the ones named), through the same aggregation as an
 * indicator's — over the units below and over periods by the element's own
 * time aggregation.
 */
async function elementSeries(ctx: AppContext, texts: string[]): Promise<ElementSeries[]> {
  const metadata = await loadDataMetadata(ctx.db);
  const catalog = { elements: new Map([...metadata.elements].map(([code, e]) => [code, e.dimensions])) };
  return texts.map((text) => {
    const parsed = parseFormula(text);
    if (!parsed.ok || parsed.formula.kind !== 'ref') {
      throw errors.invalidField(
        'element',
        `"${text}" không phải là mã chỉ tiêu (ví dụ DE_LABOUR_FORCE hoặc DE_LABOUR_FORCE[sex:F])`,
        `"${text}" is not a data element code (e.g. DE_LABOUR_FORCE or DE_LABOUR_FORCE[sex:F])`,
      );
    }
    const [problem] = formulaProblems(parsed.formula, catalog);
    if (problem) throw errors.invalidField('element', problem.vi, problem.en);
    const code = formatFormula(parsed.formula);
    const filter = Object.entries(parsed.formula.filter)
      .map(([d, v]) => `${d}: ${v}`)
      .join(', ');
    const name = metadata.elements.get(parsed.formula.element)!.name;
    return {
      kind: 'element',
      element: parsed.formula.element,
      spec: { code, formula: parsed.formula },
      name: filter ? `${name} (${filter})` : name,
    };
  });
}

/**
 * Indicators × units × periods as a table: one row per indicator and unit,
 * one column per period. With `children`, the units are the areas directly
 * below the given one and the given one closes each indicator as its total
 * (computed from the sums, not added up from the rows' rates).
 */
export async function pivot(
  ctx: AppContext,
  auth: AuthContext,
  q: { indicators: string[] | null; elements?: string[] | null; org: string | null; children: boolean; periods: string[] },
): Promise<PivotTable> {
  // `period=` (empty) names no period: the table needs at least one (it once answered 500).
  if (q.periods.length === 0)
    throw errors.invalidField('period', 'cần ít nhất một kỳ báo cáo (ví dụ 2025)', 'at least one period is needed (e.g. 2025)');
  for (const p of q.periods) {
    const parsed = parsePeriod(p);
    if (!parsed.ok) throw errors.invalidField('period', parsed.messageVi, parsed.message);
  }
  // Data elements are checked against the catalogue first; indicators (all of them when neither is named) come before them.
  const elementRows = q.elements?.length ? await elementSeries(ctx, [...new Set(q.elements)]) : [];
  // The areas below that existed during the periods asked for (a commune merged away before them is left out).
  const spans = q.periods.map((p) => period(p));
  const from = spans.reduce((a, p) => (p.start < a ? p.start : a), spans[0]!.start);
  const to = spans.reduce((a, p) => (p.end > a ? p.end : a), spans[0]!.end);
  let indicators: CachedIndicator[] = [];
  const root = q.org ? q.org : auth.scope.code;
  // One statement: the unit's check, the areas below it, their names and the aggregate's rows.
  const { cat, read } = await answerRead(ctx, (c) => {
    indicators = q.indicators || elementRows.length === 0 ? indicatorsOf(c, q.indicators) : [];
    const elements = [...indicators.flatMap((i) => i.elements), ...elementRows.map((e) => e.element)];
    return {
      units: [root],
      scope: auth.scope,
      children: q.children ? { from, to } : undefined,
      names: true,
      elements: [...new Set(elements)],
      periods: q.periods,
    };
  });
  assertChecked(read.units);
  const orgs = [...new Set(read.children), root];
  const series: PivotSeries[] = [...indicators.map((spec) => ({ kind: 'indicator' as const, spec, name: spec.name })), ...elementRows];
  const values = await indicatorsFromRead(
    ctx,
    cat,
    read,
    series.map((s) => s.spec),
    orgs,
    spans,
  );
  const names = read.names;
  const index = new Map<string, IndicatorRow>(values.map((v) => [`${v.indicator}|${v.org}|${v.period}`, v]));
  return {
    periods: q.periods,
    rows: series.flatMap(({ kind, spec: i, name }) =>
      orgs.map((org) => ({
        kind,
        indicator: i.code,
        indicatorName: name,
        org,
        orgName: names.get(org) ?? org,
        total: q.children && org === root,
        values: q.periods.map((p) => index.get(`${i.code}|${org}|${p}`)?.value ?? null),
        provisional: q.periods.map((p) => index.get(`${i.code}|${org}|${p}`)?.provisional ?? false),
      })),
    ),
  };
}

function period(code: string): Period {
  const parsed = parsePeriod(code);
  if (!parsed.ok) throw errors.invalidField('period', parsed.messageVi, parsed.message);
  return parsed.period;
}

/** The first four columns; "chỉ tiêu" (data element) joins the words when the table has element rows. */
function header(table: PivotTable): string[] {
  return table.rows.some((r) => r.kind === 'element')
    ? ['Mã chỉ số, chỉ tiêu', 'Chỉ số, chỉ tiêu', 'Mã đơn vị', 'Đơn vị']
    : ['Mã chỉ số', 'Chỉ số', 'Mã đơn vị', 'Đơn vị'];
}
const LEAD_COLUMNS = 4;

/**
 * A period's column heading for people (XLSX); "(tạm tính)" when a figure in it is not final, so a copied table keeps the mark. CSV keeps
 * the bare codes for scripts.
 */
function periodHeadings(table: PivotTable): string[] {
  return table.periods.map((p, i) => (table.rows.some((r) => r.provisional[i] && r.values[i] !== null) ? `${p} (tạm tính)` : p));
}

export function pivotCsv(table: PivotTable): string {
  const lines = [csvRecord([...header(table), ...table.periods])];
  for (const r of table.rows)
    lines.push(
      csvRecord([
        r.indicator,
        r.indicatorName,
        r.org,
        r.total ? `${r.orgName} (tổng)` : r.orgName,
        ...r.values.map((v) => (v === null ? '' : formatNumber(v, { decimals: r.kind === 'element' && Number.isInteger(v) ? 0 : 1 }))),
      ]),
    );
  // A BOM lets Excel read the Vietnamese text as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function pivotXlsx(table: PivotTable): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet('Chỉ số');
  sheet.addRow([...header(table), ...periodHeadings(table)]).font = { bold: true };
  for (const r of table.rows) {
    const row = sheet.addRow([r.indicator, r.indicatorName, r.org, r.total ? `${r.orgName} (tổng)` : r.orgName, ...r.values]);
    if (r.total) row.font = { bold: true };
    // Rates with one decimal; an element's counts in whole numbers with thousands grouped.
    for (let c = LEAD_COLUMNS + 1; c <= LEAD_COLUMNS + table.periods.length; c++)
      row.getCell(c).numFmt = r.kind === 'element' ? '#,##0.##' : '0.0';
  }
  sheet.columns.forEach((c, i) => (c.width = i === 1 ? 50 : i === 3 ? 28 : 12));
  sheet.views = [{ state: 'frozen', xSplit: LEAD_COLUMNS, ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
