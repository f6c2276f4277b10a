import {
  Button,
  Center,
  Chip,
  Container,
  Group,
  Loader,
  MultiSelect,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { formatNumber } from '@vetplan/domain';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useSearchParams, withQuery } from '../../shared/router.ts';
import { pick, useLang } from '../../i18n/useLang.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import type { AreaNode } from '../../shared/areas/types.ts';
import { useDashboardBase } from '../../shared/plan/useDashboardBase.ts';
import type { Indicator } from '../../shared/plan/types.ts';
import { pivotFileUrl, type PivotQuery, type PivotRow, type PivotTable } from './api.ts';
import { useElements, usePivot } from './queries.ts';
import { pivotQuery, readSelection, writeSelection, yearOptions, type Selection } from './selection.ts';
import classes from './analysis.module.css';

/** Every area in the user's reach, each indented under its parent, for the unit picker. */
function areaOptions(nodes: readonly AreaNode[], lang: 'vi' | 'en', depth = 0): { value: string; label: string }[] {
  return nodes.flatMap((n) => [
    { value: n.code, label: `${'\u2003'.repeat(depth)}${pick(lang, n.name, n.nameEn)}` },
    ...areaOptions(n.children, lang, depth + 1),
  ]);
}

function PivotGrid({ table, indicators }: { table: PivotTable; indicators: Map<string, Indicator> }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const series = useMemo(() => {
    const groups = new Map<string, PivotRow[]>();
    for (const row of table.rows) groups.set(row.code, [...(groups.get(row.code) ?? []), row]);
    return [...groups.values()];
  }, [table]);
  const show = (row: PivotRow, value: number | null) => {
    if (value === null) return '—';
    const decimals = row.kind === 'indicator' ? (indicators.get(row.code)?.decimals ?? 1) : Number.isInteger(value) ? 0 : 1;
    return formatNumber(value, { decimals, lang });
  };
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Table striped withTableBorder withColumnBorders className={classes.grid} data-testid="pivot-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th className={classes.unit}>{t('analysis.unit')}</Table.Th>
            {table.periods.map((p, i) => (
              <Table.Th key={p} className={classes.number}>
                {p}
                {table.rows.some((r) => r.provisional[i] && r.values[i] !== null) && (
                  <Text size="xs" c="orange.9" fw={500} data-testid="provisional-heading">
                    {t('analysis.provisional')}
                  </Text>
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {series.map((rows) => {
            const first = rows[0]!;
            const name = first.kind === 'indicator' ? pick(lang, first.name, indicators.get(first.code)?.nameEn ?? null) : first.name;
            return (
              <Fragment key={first.code}>
                <Table.Tr className={classes.series}>
                  <Table.Td colSpan={table.periods.length + 1}>
                    <Text fw={700} size="sm">
                      {name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {first.kind === 'indicator' ? t('analysis.kindIndicator') : t('analysis.kindElement')} · {first.code}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {rows.map((row) => (
                  <Table.Tr key={`${row.code}|${row.org}`} className={row.total ? classes.total : undefined} data-org={row.org}>
                    <Table.Td className={classes.unit}>
                      {row.total && rows.length > 1 ? t('analysis.total', { name: row.orgName }) : row.orgName}
                    </Table.Td>
                    {row.values.map((v, i) => (
                      <Table.Td
                        key={table.periods[i]}
                        className={classes.number}
                        title={v === null ? t('analysis.noData') : row.provisional[i] ? t('analysis.provisionalCell') : undefined}
                        fs={v !== null && row.provisional[i] ? 'italic' : undefined}
                        data-provisional={(v !== null && row.provisional[i]) || undefined}
                      >
                        {show(row, v)}
                        {v !== null && row.provisional[i] && '*'}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
      {table.rows.some((r) => r.provisional.some((x, i) => x && r.values[i] !== null)) && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('analysis.provisionalNote')}
        </Text>
      )}
    </ScrollArea>
  );
}

/** The pickers above the table: indicators, data elements, the unit (and the units below it), years or half-years. */
function SelectionForm(props: {
  selection: Selection;
  change: (next: Partial<Selection>) => void;
  indicators: readonly Indicator[];
  areas: readonly AreaNode[];
  thisYear: number;
}) {
  const { selection, change, indicators, areas, thisYear } = props;
  const { t } = useTranslation();
  const { lang } = useLang();
  const elements = useElements();
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <MultiSelect
            label={t('analysis.indicators')}
            data={indicators.map((i) => ({ value: i.code, label: pick(lang, i.name, i.nameEn) }))}
            value={selection.indicators}
            onChange={(indicators) => change({ indicators })}
            searchable
            clearable
          />
          <MultiSelect
            label={t('analysis.elements')}
            data={(elements.data ?? []).map((e) => ({ value: e.code, label: pick(lang, e.name, e.nameEn) }))}
            value={selection.elements}
            onChange={(chosen) => change({ elements: chosen })}
            searchable
            clearable
            placeholder={elements.isPending ? t('common.loading') : undefined}
          />
          <Select
            label={t('analysis.unit')}
            data={areaOptions(areas, lang)}
            value={selection.org}
            onChange={(org) => org && change({ org })}
            searchable
            allowDeselect={false}
          />
          <Stack gap={6} justify="flex-end">
            <Switch
              label={t('analysis.children')}
              checked={selection.children}
              onChange={(e) => change({ children: e.currentTarget.checked })}
            />
            <SegmentedControl
              data={[
                { value: 'year', label: t('analysis.byYear') },
                { value: 'half', label: t('analysis.byHalf') },
              ]}
              value={selection.kind}
              onChange={(kind) => change({ kind: kind === 'half' ? 'half' : 'year' })}
              aria-label={t('analysis.periodKind')}
            />
          </Stack>
        </SimpleGrid>
        <Chip.Group multiple value={selection.years.map(String)} onChange={(years) => change({ years: years.map(Number) })}>
          <Group gap={6} aria-label={t('analysis.years')} role="group">
            {yearOptions(thisYear).map((y) => (
              <Chip key={y} value={String(y)} size="sm">
                {y}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Stack>
    </Paper>
  );
}

/** The table for the chosen selection (or its loading and error states), with its Excel and CSV downloads. */
function PivotResult({
  table,
  query,
  indicators,
}: {
  table: ReturnType<typeof usePivot>;
  query: PivotQuery;
  indicators: Map<string, Indicator>;
}) {
  const { t } = useTranslation();
  return table.isError ? (
    <ErrorAlert error={table.error} />
  ) : !table.data ? (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  ) : (
    <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }} opacity={table.isPlaceholderData ? 0.6 : 1}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            {t('analysis.sums')}
          </Text>
          <Group gap="xs">
            <Button
              component="a"
              href={pivotFileUrl(query, 'xlsx')}
              variant="default"
              size="sm"
              h={40}
              leftSection={<IconFileSpreadsheet size={18} />}
            >
              {t('common.downloadXlsx')}
            </Button>
            <Button component="a" href={pivotFileUrl(query, 'csv')} variant="default" size="sm" h={40}>
              {t('common.downloadCsv')}
            </Button>
          </Group>
        </Group>
        <PivotGrid table={table.data} indicators={indicators} />
      </Stack>
    </Paper>
  );
}

/** "Bảng số liệu": indicators and data elements for a unit and the units below it, by year or half-year, with totals. */
export default function AnalysisPage() {
  const { t } = useTranslation();
  const base = useDashboardBase();
  const params = useSearchParams();
  const thisYear = new Date().getFullYear();
  const ready = base.state === 'ready' ? base : null;
  const selection = ready ? readSelection(params, { indicator: ready.plan.indicators[0]?.code, org: ready.homeOrg, thisYear }) : null;
  const query = selection ? pivotQuery(selection) : null;
  const table = usePivot(query);

  if (base.state === 'error') return <ErrorAlert error={base.error} m="md" />;
  if (base.state === 'none') return <Text m="md">{t('plan.none')}</Text>;
  if (!ready || !selection || !query) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  const change = (next: Partial<Selection>) =>
    navigate(withQuery(window.location.pathname, writeSelection({ ...selection, ...next })), { replace: true, keepScroll: true });
  const nothingChosen = selection.indicators.length + selection.elements.length === 0;

  return (
    <Container size="xl" py="md">
      <Stack gap="md">
        <div>
          <Title order={2}>{t('analysis.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('analysis.intro')}
          </Text>
        </div>
        <SelectionForm
          selection={selection}
          change={change}
          indicators={ready.plan.indicators}
          areas={ready.tree.roots}
          thisYear={thisYear}
        />
        {nothingChosen || selection.years.length === 0 ? (
          <Text c="dimmed">{t('analysis.chooseSomething')}</Text>
        ) : (
          <PivotResult table={table} query={query} indicators={ready.indicators} />
        )}
      </Stack>
    </Container>
  );
}
