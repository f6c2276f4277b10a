import { Box, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import type { IndicatorValue, ProgressRow } from './api.ts';
import { CommuneJump } from './components/CommuneJump.tsx';
import { TableDownloads } from '../../shared/DownloadButtons.tsx';
import { HorizonSwitch } from './components/HorizonSwitch.tsx';
import { Pending } from './components/PageStates.tsx';
import { StatusSummary } from './components/StatusSummary.tsx';
import { TargetCard } from './components/TargetCard.tsx';
import { useGain } from './texts.ts';
import { csvNumber, type CsvCell } from '../../shared/download.ts';
import { chosenHorizon, indicatorName, isFinal, openHorizon, targetText } from './model.ts';
import { findPlace } from '../../shared/areas/places.ts';
import { useIndicatorValues, useProgress } from './queries.ts';
import { useDashboardBase, useQueryParam, type DashboardBase } from '../../shared/plan/useDashboardBase.ts';

type Ready = Extract<DashboardBase, { state: 'ready' }>;

function latestYears(rows: readonly ProgressRow[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.valueYear === null ? [] : [String(r.valueYear)])))];
}

const CSV_COLUMNS = [
  'indicator',
  'horizon',
  'target',
  'value',
  'year',
  'status',
  'projection',
  'gain',
  'reportingUnits',
  'expectedUnits',
] as const;

/** The cards as a table for Excel: one row per target. */
function useCsvRows(base: Ready, rows: ProgressRow[], reporting: (r: ProgressRow) => IndicatorValue | undefined): () => CsvCell[][] {
  const { t } = useTranslation();
  const { lang } = useLang();
  const gain = useGain();
  return () => [
    CSV_COLUMNS.map((c) => t(`dashboard.columns.${c}`)),
    ...rows.map((row) => {
      const indicator = base.indicators.get(row.indicator);
      const decimals = indicator?.decimals ?? 1;
      const r = reporting(row);
      return [
        indicatorName(indicator, row.indicator, lang),
        row.year,
        targetText(row, indicator, lang),
        csvNumber(row.value, decimals),
        row.valueYear,
        t(`dashboard.status.${row.status}`),
        isFinal(row.status) ? null : csvNumber(row.projection, decimals),
        gain(row, indicator)?.text ?? null,
        r?.reportingUnits ?? null,
        r?.expectedUnits ?? null,
      ];
    }),
  ];
}

function Overview({ base }: { base: Ready }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const org = base.homeOrg;
  const progress = useProgress(base.plan.code, org);
  const rows = progress.data ?? [];
  const [horizonParam, setHorizon] = useQueryParam('horizon');
  const available = base.plan.horizons.filter((h) => rows.some((r) => r.year === h));
  const horizon = chosenHorizon(horizonParam, available, openHorizon(rows, base.plan.horizons));
  const shown = rows.filter((r) => r.year === horizon);
  const reportingQuery = useIndicatorValues({
    indicators: [...new Set(shown.map((r) => r.indicator))],
    orgs: [org],
    periods: latestYears(shown),
  });
  const reporting = (row: ProgressRow) =>
    reportingQuery.data?.find((v) => v.indicator === row.indicator && v.period === String(row.valueYear));
  const csvRows = useCsvRows(base, shown, reporting);
  const place = findPlace(base.tree, org, lang);
  const latest = Math.max(...shown.map((r) => r.valueYear ?? 0));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} size="h2">
            {t('dashboard.title')}
          </Title>
          <Text c="dimmed">
            {place?.name ?? base.plan.area.name}
            {latest > 0 && ` · ${t('dashboard.latestData', { year: latest })}`}
          </Text>
        </div>
        <Group gap="sm" align="flex-end">
          {horizon !== undefined && <HorizonSwitch horizons={available} value={horizon} onChange={(h) => setHorizon(String(h))} />}
          {horizon !== undefined && !place?.isCommune && (
            <Box visibleFrom="sm">
              <CommuneJump communes={place?.communes ?? []} horizon={horizon} />
            </Box>
          )}
        </Group>
      </Group>
      {progress.isPending || progress.isError ? (
        <Pending error={progress.error} />
      ) : shown.length === 0 ? (
        <Pending message={t('dashboard.noTargets')} />
      ) : (
        <>
          <Group justify="space-between" gap="sm">
            <StatusSummary rows={shown} />
            <TableDownloads fileName={`chi-tieu-${org}-${horizon}`} sheet={t('dashboard.sheetTargets', { horizon })} rows={csvRows} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="target-cards">
            {shown.map((row) => (
              <TargetCard
                key={`${row.indicator}-${row.year}`}
                row={row}
                indicator={base.indicators.get(row.indicator)}
                reporting={reporting(row)}
                org={org}
              />
            ))}
          </SimpleGrid>
          {reportingQuery.isError && <Pending error={reportingQuery.error} />}
          {horizon !== undefined && !place?.isCommune && (
            <Box hiddenFrom="sm">
              <CommuneJump communes={place?.communes ?? []} horizon={horizon} />
            </Box>
          )}
        </>
      )}
    </Stack>
  );
}

/** Tổng quan chỉ tiêu: one card per target of the chosen horizon, for the user's district (or commune). */
export default function DashboardPage() {
  const { t } = useTranslation();
  const base = useDashboardBase();
  return (
    <Container size="xl" px={{ base: 'xs', sm: 'md' }} py="md">
      {base.state === 'ready' ? (
        <Overview base={base} />
      ) : (
        <Pending error={base.state === 'error' ? base.error : undefined} message={base.state === 'none' ? t('plan.none') : undefined} />
      )}
    </Container>
  );
}
