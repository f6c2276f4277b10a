import { Button, Table, Text, UnstyledButton } from '@mantine/core';
import { formatNumber } from '@vetplan/domain';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import type { RowError } from './types.ts';
import classes from './RowErrorsTable.module.css';

/** Rows of a file ("Dòng / Cột / Lỗi") or cells of an Excel sheet ("Trang / Ô / Lỗi"). */
export type ErrorPlaces = 'rows' | 'cells';
type SortKey = 'place' | 'column' | 'message';
type Sort = { key: SortKey; descending: boolean };

/** How many errors are drawn at first, and added by each "show more". */
const PAGE = 100;

const letters = (cell: string | null) => (cell ?? '').replace(/\d+$/, '');

function comparer(key: SortKey, places: ErrorPlaces, lang: 'vi' | 'en'): (a: RowError, b: RowError) => number {
  const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' }); // one for the whole sort: tens of thousands of rows
  const text = (a: string, b: string) => collator.compare(a, b);
  const byRow = (a: RowError, b: RowError) => a.row - b.row;
  const message = (e: RowError) => (lang === 'en' ? e.messageEn : e.message);
  switch (key) {
    case 'place':
      return places === 'rows'
        ? (a, b) => byRow(a, b) || text(a.column ?? '', b.column ?? '')
        : (a, b) => text(a.sheet ?? '', b.sheet ?? '') || byRow(a, b) || text(letters(a.cell), letters(b.cell));
    case 'column':
      return places === 'rows'
        ? (a, b) => text(a.column ?? '', b.column ?? '') || byRow(a, b)
        : (a, b) => text(letters(a.cell), letters(b.cell)) || byRow(a, b);
    case 'message':
      return (a, b) => text(message(a), message(b)) || byRow(a, b);
  }
}

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  narrow = false,
}: {
  label: string;
  sortKey: SortKey;
  sort: Sort;
  onSort: (key: SortKey) => void;
  narrow?: boolean;
}) {
  const { t } = useTranslation();
  const active = sort.key === sortKey;
  const Icon = !active ? IconSelector : sort.descending ? IconChevronDown : IconChevronUp;
  return (
    <Table.Th
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      className={narrow ? `${classes.sortTh} ${classes.narrow}` : classes.sortTh}
    >
      <UnstyledButton onClick={() => onSort(sortKey)} className={classes.sortButton} title={t('import.errors.sortBy', { column: label })}>
        <span>{label}</span>
        <Icon size={16} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}

/** The errors of a refused file, sortable by each column, drawn a hundred at a time. */
export function RowErrorsTable({ errors, places }: { errors: readonly RowError[]; places: ErrorPlaces }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [sort, setSort] = useState<Sort>({ key: 'place', descending: false });
  const [shown, setShown] = useState(PAGE);
  const sorted = useMemo(() => {
    const compare = comparer(sort.key, places, lang);
    return [...errors].sort((a, b) => (sort.descending ? -compare(a, b) : compare(a, b)));
  }, [errors, sort, places, lang]);
  const onSort = (key: SortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  const labels =
    places === 'rows' ? [t('import.errors.row'), t('import.errors.column')] : [t('import.errors.sheet'), t('import.errors.cell')];

  return (
    <>
      <Table.ScrollContainer minWidth={240} type="native">
        <Table striped withTableBorder verticalSpacing="xs" data-testid="row-errors" className={classes.errorsTable}>
          <Table.Thead>
            <Table.Tr>
              <SortHeader label={labels[0]!} sortKey="place" sort={sort} onSort={onSort} narrow />
              <SortHeader label={labels[1]!} sortKey="column" sort={sort} onSort={onSort} narrow />
              <SortHeader label={t('import.errors.message')} sortKey="message" sort={sort} onSort={onSort} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.slice(0, shown).map((e, i) => (
              <Table.Tr key={`${e.row}-${e.column ?? ''}-${i}`}>
                {places === 'rows' ? (
                  <>
                    <Table.Td className={classes.place}>{e.row === 0 ? t('import.errors.header') : e.row}</Table.Td>
                    <Table.Td className={classes.place}>{e.column ?? '—'}</Table.Td>
                  </>
                ) : (
                  <>
                    <Table.Td>{e.sheet ?? '—'}</Table.Td>
                    <Table.Td className={classes.place}>{e.cell ?? '—'}</Table.Td>
                  </>
                )}
                <Table.Td className={classes.errorMessage}>{lang === 'en' ? e.messageEn : e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {sorted.length > shown && (
        <Button variant="subtle" size="sm" h={44} onClick={() => setShown((n) => n + PAGE)} style={{ alignSelf: 'flex-start' }}>
          {t('import.errors.more', { shown: formatNumber(shown, { lang }), total: formatNumber(sorted.length, { lang }) })}
        </Button>
      )}
      {sorted.length <= shown && sorted.length > 10 && (
        <Text size="sm" c="dimmed">
          {t('import.errors.count', { count: sorted.length, n: formatNumber(sorted.length, { lang }) })}
        </Text>
      )}
    </>
  );
}
