import { Anchor, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linkClick } from '../../../shared/router.ts';
import { useLang } from '../../../i18n/useLang.ts';
import type { Indicator } from '../../../shared/plan/types.ts';
import { csvNumber } from '../../../shared/download.ts';
import { formatValue, ruleOf } from '../model.ts';
import type { ProgressRow } from '../api.ts';
import { indicatorHref } from '../paths.ts';
import { BEHIND_FIRST, closeness, closenessColor, sortUnits, type RankedUnit, type Sort, type SortKey } from '../standing.ts';
import classes from '../dashboard.module.css';
import { TableDownloads } from '../../../shared/DownloadButtons.tsx';

interface CommuneTableProps {
  units: RankedUnit[];
  row: ProgressRow;
  indicator: Indicator | undefined;
  /** The commune the page is about, highlighted. */
  current: string | null;
  /** The download's file name, without extension. */
  fileName: string;
  /** The workbook sheet's name. */
  sheet: string;
}

const COLUMNS: { key: SortKey; numeric: boolean }[] = [
  { key: 'name', numeric: false },
  { key: 'value', numeric: true },
  { key: 'rank', numeric: true },
  { key: 'reporting', numeric: false },
];

function SortHeader({ column, sort, onSort }: { column: (typeof COLUMNS)[number]; sort: Sort; onSort: (s: Sort) => void }) {
  const { t } = useTranslation();
  const active = sort.key === column.key;
  const Icon = !active ? IconSelector : sort.descending ? IconArrowDown : IconArrowUp;
  const label = t(`dashboard.columns.${column.key}`);
  return (
    <Table.Th
      scope="col"
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      className={[column.numeric ? classes.num : '', column.key === 'reporting' ? classes.wideOnly : ''].join(' ').trim() || undefined}
    >
      <UnstyledButton
        className={classes.sortButton}
        onClick={() => onSort({ key: column.key, descending: active ? !sort.descending : column.key === 'rank' })}
        aria-label={t('dashboard.sortBy', { column: label })}
      >
        {label}
        <Icon size={16} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}

/** One commune: its name (a link to its page), its value coloured by how close it is to the target, its rank and whether it reported. */
function CommuneRow(props: {
  unit: RankedUnit;
  row: ProgressRow;
  indicator: Indicator | undefined;
  current: string | null;
  rule: ReturnType<typeof ruleOf>;
}) {
  const { unit, row, indicator, current, rule } = props;
  const { t } = useTranslation();
  const { lang } = useLang();
  const href = indicatorHref(row.indicator, unit.org, row.year);
  return (
    <Table.Tr className={unit.org === current ? classes.current : undefined} data-org={unit.org}>
      <Table.Td className={classes.nameCell}>
        <Anchor href={href} onClick={linkClick(href)} className={classes.rowLink} aria-current={unit.org === current ? 'page' : undefined}>
          {unit.name}
        </Anchor>
        {!unit.reporting && (
          <Text size="xs" c="red.8" className={classes.narrowOnly}>
            {t('dashboard.notReported')}
          </Text>
        )}
      </Table.Td>
      <Table.Td
        className={classes.scaleCell}
        style={unit.value === null ? undefined : { background: closenessColor(closeness(unit.value, rule)) }}
      >
        {unit.value === null ? '—' : formatValue(unit.value, indicator, lang)}
      </Table.Td>
      <Table.Td className={classes.num}>{unit.rank ?? '—'}</Table.Td>
      <Table.Td className={classes.wideOnly}>
        <Text size="sm" c={unit.reporting ? undefined : 'red.8'}>
          {unit.reporting ? t('dashboard.reported') : t('dashboard.notReported')}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** The colour scale, from behind to met. */
function ScaleLegend() {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      <Text size="xs" c="dimmed">
        {t('dashboard.scale.behind')}
      </Text>
      <div
        aria-hidden
        style={{
          width: 96,
          height: 10,
          borderRadius: 4,
          background: `linear-gradient(to right, ${closenessColor(0)}, ${closenessColor(0.5)}, ${closenessColor(1)})`,
        }}
      />
      <Text size="xs" c="dimmed">
        {t('dashboard.scale.met')}
      </Text>
    </Group>
  );
}

/** The communes for the latest year: value on a red-to-green scale against the target, rank and reporting; the furthest behind first. */
export function CommuneTable({ units, row, indicator, current, fileName, sheet }: CommuneTableProps) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort>(BEHIND_FIRST);
  const rule = ruleOf(row);
  const sorted = sortUnits(units, sort);
  const csv = () => [
    COLUMNS.map((c) => t(`dashboard.columns.${c.key}`)),
    ...sorted.map((u) => [
      u.name,
      csvNumber(u.value, indicator?.decimals ?? 1),
      u.rank,
      u.reporting ? t('dashboard.reported') : t('dashboard.notReported'),
    ]),
  ];
  return (
    <Stack gap="xs" className={classes.communeTable}>
      <Table.ScrollContainer minWidth={300} type="native">
        <Table verticalSpacing="xs" highlightOnHover className={classes.table} data-testid="commune-table">
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((column) => (
                <SortHeader key={column.key} column={column} sort={sort} onSort={setSort} />
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((unit) => (
              <CommuneRow key={unit.org} unit={unit} row={row} indicator={indicator} current={current} rule={rule} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" gap="sm">
        <ScaleLegend />
        <TableDownloads fileName={fileName} sheet={sheet} rows={csv} />
      </Group>
    </Stack>
  );
}
