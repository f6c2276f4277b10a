import { disaggKey } from '@vetplan/domain';
import type { DimensionValue, EntryDimension, EntryElement } from './types.ts';
import type { Cell } from '../../shared/report-forms/types.ts';

/** One cell position of an element: a combination of one value of each of its dimensions. */
export interface GridColumn {
  disagg: string;
  /** The combination, outer dimension first (e.g. Trung cấp, Nữ). */
  values: DimensionValue[];
}

export interface GridRow {
  /** Position among all rows of the form (keyboard navigation and pasting use it). */
  index: number;
  element: EntryElement;
  columns: GridColumn[];
}

/** Consecutive elements broken down the same way share one table and header. */
export interface GridGroup {
  key: string;
  signature: string;
  dimensions: EntryDimension[];
  rows: GridRow[];
}

/** Sex is the innermost breakdown (Nam / Nữ under each level), as officials lay out their tables. */
function ordered(dimensions: readonly EntryDimension[]): EntryDimension[] {
  return [...dimensions].sort((a, b) => Number(a.dimension === 'sex') - Number(b.dimension === 'sex'));
}

function combinations(dimensions: readonly EntryDimension[]): DimensionValue[][] {
  let out: DimensionValue[][] = [[]];
  for (const d of dimensions) out = out.flatMap((prefix) => d.values.map((v) => [...prefix, v]));
  return out;
}

function columnsOf(dimensions: readonly EntryDimension[]): GridColumn[] {
  return combinations(dimensions).map((values) => ({
    values,
    disagg: disaggKey(new Map(values.map((v, i) => [dimensions[i]!.dimension, v.code]))),
  }));
}

function signature(dimensions: readonly EntryDimension[]): string {
  return dimensions.map((d) => `${d.dimension}:${d.values.map((v) => v.code).join(',')}`).join('|');
}

export function buildGrid(elements: readonly EntryElement[]): GridGroup[] {
  const groups: GridGroup[] = [];
  elements.forEach((element, index) => {
    const dimensions = ordered(element.dimensions);
    const sig = signature(dimensions);
    const row: GridRow = { index, element, columns: columnsOf(dimensions) };
    const last = groups[groups.length - 1];
    if (last && last.signature === sig) last.rows.push(row);
    else groups.push({ key: `${groups.length}:${sig}`, signature: sig, dimensions, rows: [row] });
  });
  return groups;
}

/** The header rows of a group's table: for each dimension, its values repeated under the outer ones. */
export function headerRows(dimensions: readonly EntryDimension[]): { value: DimensionValue; span: number; key: string }[][] {
  return dimensions.map((d, level) => {
    const span = dimensions.slice(level + 1).reduce((n, inner) => n * inner.values.length, 1);
    const repeat = dimensions.slice(0, level).reduce((n, outer) => n * outer.values.length, 1);
    return Array.from({ length: repeat }, (_, r) => d.values.map((value) => ({ value, span, key: `${r}-${value.code}` }))).flat();
  });
}

export const cellKey = (element: string, disagg: string) => `${element}|${disagg}`;

export function indexCells(cells: readonly Cell[]): Map<string, Cell> {
  return new Map(cells.map((c) => [cellKey(c.element, c.disagg), c]));
}

/** The row's total over its cells, or null when it has none or adding up makes no sense (percentages, yes/no). */
export function rowTotal(row: GridRow, cells: ReadonlyMap<string, Cell>): number | null {
  if (row.element.valueType === 'percentage' || row.element.valueType === 'boolean') return null;
  let total = 0;
  let any = false;
  for (const column of row.columns) {
    const cell = cells.get(cellKey(row.element.code, column.disagg));
    if (cell) {
      total += cell.value;
      any = true;
    }
  }
  return any ? total : null;
}
