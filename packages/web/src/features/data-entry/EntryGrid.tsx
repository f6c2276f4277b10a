import { useMediaQuery } from '@mantine/hooks';
import type { Lang } from '@vetplan/domain';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../i18n/useLang.ts';
import { CellDetailsDrawer } from './CellDetailsDrawer.tsx';
import { CellInput } from './CellInput.tsx';
import { EntryCards } from './EntryCards.tsx';
import { EntryTable } from './EntryTable.tsx';
import { GridController, type GridMode } from './gridController.ts';
import { buildGrid, cellKey, indexCells, type GridColumn, type GridGroup, type GridRow } from './layout.ts';
import type { Entry } from './types.ts';
import { leftNames, marksByCell, violationText } from './violations.ts';
import type { Cell, EntryTarget } from '../../shared/report-forms/types.ts';

export function columnLabel(column: GridColumn, lang: Lang, fallback: string): string {
  return column.values.length === 0 ? fallback : column.values.map((v) => pick(lang, v.name, v.nameEn)).join(' · ');
}

/** What both layouts need to draw a row's cells. */
export interface GridView {
  groups: GridGroup[];
  cells: ReadonlyMap<string, Cell>;
  previous: ReadonlyMap<string, Cell>;
  renderCell: (row: GridRow, col: number) => React.ReactNode;
}

interface EntryGridProps {
  entry: Entry;
  target: EntryTarget;
  readOnly: boolean;
  author: string;
  valueLabel: string;
}

/**
 * The grid of a form's figures: a table per group of elements on a wide
 * screen, a vertical list of cards (one per element) on a phone. Both share
 * the cells, the keyboard moves and pasting.
 */
export function EntryGrid({ entry, target, readOnly, author, valueLabel }: EntryGridProps) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const mode: GridMode = wide ? 'table' : 'cards';
  const groups = useMemo(() => buildGrid(entry.elements), [entry.elements]);
  const rows = useMemo(() => groups.flatMap((g) => g.rows), [groups]);
  const cells = useMemo(() => indexCells(entry.values), [entry.values]);
  const previous = useMemo(() => indexCells(entry.previous.values), [entry.previous.values]);
  // One string per cell and kind (not arrays), so that unchanged cells keep equal props and skip rendering.
  const marks = useMemo(() => {
    const joined = (lines: string[]) => (lines.length > 0 ? [...new Set(lines)].join('\n') : null);
    return new Map(
      [...marksByCell(entry.violations, rows)].map(([key, m]) => [
        key,
        {
          violations: joined(m.left.map((v) => violationText(v, lang, entry.elements))),
          related: joined(m.related.map((v) => t('entry.comparedWith', { elements: leftNames(v, lang, entry.elements) }))),
        },
      ]),
    );
  }, [entry.violations, entry.elements, rows, lang, t]);

  const [controller] = useState(() => new GridController());
  controller.setShape(
    rows.map((r) => r.columns.length),
    mode,
  );

  const [details, setDetails] = useState<{ row: number; col: number } | null>(null);
  const openDetails = useCallback((row: number, col: number) => setDetails({ row, col }), []);

  const renderCell = (row: GridRow, col: number) => {
    const column = row.columns[col]!;
    const key = cellKey(row.element.code, column.disagg);
    return (
      <CellInput
        key={`${mode}-${key}`}
        target={target}
        element={row.element}
        disagg={column.disagg}
        row={row.index}
        col={col}
        cell={cells.get(key)}
        previous={previous.get(key)?.value}
        violations={marks.get(key)?.violations ?? null}
        related={marks.get(key)?.related ?? null}
        readOnly={readOnly}
        controller={controller}
        author={author}
        mode={mode}
        columnLabel={columnLabel(column, lang, valueLabel)}
        elementName={pick(lang, row.element.name, row.element.nameEn)}
        onOpenDetails={openDetails}
      />
    );
  };

  const view: GridView = { groups, cells, previous, renderCell };
  const detailRow = details ? rows[details.row] : undefined;
  const detailColumn = details ? detailRow?.columns[details.col] : undefined;

  return (
    <>
      {mode === 'table' ? <EntryTable view={view} /> : <EntryCards view={view} />}
      {detailRow && detailColumn && (
        <CellDetailsDrawer
          target={target}
          element={detailRow.element}
          disagg={detailColumn.disagg}
          title={`${pick(lang, detailRow.element.name, detailRow.element.nameEn)} – ${columnLabel(detailColumn, lang, valueLabel)}`}
          cell={cells.get(cellKey(detailRow.element.code, detailColumn.disagg))}
          readOnly={readOnly}
          author={author}
          onClose={() => setDetails(null)}
        />
      )}
    </>
  );
}
