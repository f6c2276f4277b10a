import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../i18n/useLang.ts';
import type { GridView } from './EntryGrid.tsx';
import { headerRows, rowTotal, type GridGroup } from './layout.ts';
import { showNumber } from './validators.ts';
import classes from './entry.module.css';

function GroupTable({ group, view }: { group: GridGroup; view: GridView }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const headers = headerRows(group.dimensions);
  const depth = Math.max(headers.length, 1);
  const width = group.rows[0]?.columns.length ?? 1;
  const hasTotal = group.dimensions.length > 0;
  return (
    <Table.ScrollContainer minWidth={240 + width * 140 + (hasTotal ? 100 : 0)} type="native" pos="relative">
      <Table withTableBorder withColumnBorders verticalSpacing="xs" className={classes.table}>
        <Table.Thead>
          {headers.length === 0 ? (
            <Table.Tr>
              <Table.Th className={classes.elementHead}>{t('entry.element')}</Table.Th>
              <Table.Th>{t('entry.value')}</Table.Th>
            </Table.Tr>
          ) : (
            headers.map((cells, level) => (
              <Table.Tr key={level}>
                {level === 0 && (
                  <Table.Th rowSpan={depth} className={classes.elementHead}>
                    {t('entry.element')}
                  </Table.Th>
                )}
                {cells.map((h) => (
                  <Table.Th key={h.key} colSpan={h.span} ta="center">
                    {pick(lang, h.value.name, h.value.nameEn)}
                  </Table.Th>
                ))}
                {level === 0 && hasTotal && (
                  <Table.Th rowSpan={depth} ta="right">
                    {t('entry.total')}
                  </Table.Th>
                )}
              </Table.Tr>
            ))
          )}
        </Table.Thead>
        <Table.Tbody>
          {group.rows.map((row) => {
            const total = rowTotal(row, view.cells);
            const previousTotal = rowTotal(row, view.previous);
            return (
              <Table.Tr key={row.element.code}>
                <Table.Th scope="row" fw={500} className={classes.elementName}>
                  {pick(lang, row.element.name, row.element.nameEn)}
                </Table.Th>
                {row.columns.map((column, col) => (
                  <Table.Td key={column.disagg} className={classes.cellTd}>
                    {view.renderCell(row, col)}
                  </Table.Td>
                ))}
                {hasTotal && (
                  <Table.Td ta="right" className={classes.totalTd}>
                    <Text fw={600}>{showNumber(total, lang) || '—'}</Text>
                    {previousTotal !== null && (
                      <Text size="xs" c="dimmed">
                        {t('entry.previous', { value: showNumber(previousTotal, lang) })}
                      </Text>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Wide screens: one table per group of elements broken down the same way. */
export function EntryTable({ view }: { view: GridView }) {
  return (
    <>
      {view.groups.map((group) => (
        <GroupTable key={group.key} group={group} view={view} />
      ))}
    </>
  );
}
