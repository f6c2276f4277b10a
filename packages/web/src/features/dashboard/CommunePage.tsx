import { Anchor, Card, Container, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { linkClick, useSearchParams } from '../../shared/router.ts';
import { useLang } from '../../i18n/useLang.ts';
import type { ProgressRow } from './api.ts';
import { TableDownloads } from '../../shared/DownloadButtons.tsx';
import { HorizonSwitch } from './components/HorizonSwitch.tsx';
import { Pending } from './components/PageStates.tsx';
import { ProgressBadge } from './components/ProgressBadge.tsx';
import { StatusSummary } from './components/StatusSummary.tsx';
import { Trail } from './components/Trail.tsx';
import { csvNumber, type CsvCell } from '../../shared/download.ts';
import { chosenHorizon, formatValue, indicatorName, isFinal, openHorizon, targetText } from './model.ts';
import { indicatorHref, overviewHref } from './paths.ts';
import { findPlace, type Place } from '../../shared/areas/places.ts';
import { useProgress } from './queries.ts';
import { useDashboardBase, useQueryParam, type DashboardBase } from '../../shared/plan/useDashboardBase.ts';
import classes from './dashboard.module.css';

type Ready = Extract<DashboardBase, { state: 'ready' }>;

/** One line of the comparison: a target with the commune's row and the district's. */
interface Line {
  own: ProgressRow;
  district: ProgressRow | undefined;
  name: string;
  target: string;
  href: string;
  ownValue: string;
  districtValue: string;
  /** The commune's projection to the horizon; null once the horizon is settled. */
  projection: string | null;
}

function useLines(base: Ready, place: Place, own: ProgressRow[], district: ProgressRow[]): Line[] {
  const { lang } = useLang();
  return own.map((row) => {
    const indicator = base.indicators.get(row.indicator);
    const d = district.find((x) => x.indicator === row.indicator && x.year === row.year);
    const value = (r: ProgressRow | undefined) => (r?.value == null ? '—' : `${formatValue(r.value, indicator, lang)} (${r.valueYear})`);
    return {
      own: row,
      district: d,
      name: indicatorName(indicator, row.indicator, lang),
      target: targetText(row, indicator, lang),
      href: indicatorHref(row.indicator, place.code, row.year),
      ownValue: value(row),
      districtValue: value(d),
      projection: row.projection === null || isFinal(row.status) ? null : formatValue(row.projection, indicator, lang),
    };
  });
}

function WideTable({ lines, place, horizon }: { lines: Line[]; place: Place; horizon: number }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={860} type="native">
      <Table verticalSpacing="sm" withTableBorder className={classes.table} data-testid="commune-targets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dashboard.columns.indicator')}</Table.Th>
            <Table.Th scope="col">{t('plan.targets.byYear', { year: horizon })}</Table.Th>
            <Table.Th scope="col" className={classes.num}>
              {place.name}
            </Table.Th>
            <Table.Th scope="col" className={classes.num}>
              {place.district?.name ?? ''}
            </Table.Th>
            <Table.Th scope="col" className={classes.num}>
              {t('dashboard.figures.projection', { year: horizon })}
            </Table.Th>
            <Table.Th scope="col">{t('dashboard.columns.statusOf', { unit: place.name })}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.own.indicator}>
              <Table.Th scope="row" fw={500}>
                <Anchor href={line.href} onClick={linkClick(line.href)} className={classes.rowLink}>
                  {line.name}
                </Anchor>
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{line.target}</Table.Td>
              <Table.Td className={classes.num} fw={700}>
                {line.ownValue}
              </Table.Td>
              <Table.Td className={classes.num}>{line.districtValue}</Table.Td>
              <Table.Td className={classes.num}>{line.projection ?? '—'}</Table.Td>
              <Table.Td>
                <ProgressBadge status={line.own.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone: one card per target, the commune's figure beside the district's. */
function StackedCards({ lines, place }: { lines: Line[]; place: Place }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="commune-targets">
      {lines.map((line) => (
        <Card key={line.own.indicator} withBorder radius="md" padding="sm" component="article">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Anchor href={line.href} onClick={linkClick(line.href)} className={classes.rowLink}>
              {line.name}
            </Anchor>
            <ProgressBadge status={line.own.status} size="sm" />
          </Group>
          <Text size="sm" mt={4}>
            {t('dashboard.target', { year: line.own.year, target: line.target })}
          </Text>
          <Group justify="space-between" mt={4} wrap="nowrap">
            <Text size="sm" c="dimmed">
              {place.name}
            </Text>
            <Text fw={700}>{line.ownValue}</Text>
          </Group>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" c="dimmed">
              {place.district?.name ?? ''}
            </Text>
            <Text>{line.districtValue}</Text>
          </Group>
          {line.projection && (
            <Text size="sm" fw={600} mt={4}>
              {t('dashboard.projection', { year: line.own.year, value: line.projection })}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}

function CommuneView({ base, place }: { base: Ready; place: Place }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const own = useProgress(base.plan.code, place.code);
  const district = useProgress(base.plan.code, place.district?.code);
  const rows = own.data ?? [];
  const [horizonParam, setHorizon] = useQueryParam('horizon');
  const available = base.plan.horizons.filter((h) => rows.some((r) => r.year === h));
  // The district's open horizon, so the commune is read against the same targets as the overview.
  const horizon = chosenHorizon(horizonParam, available, openHorizon(district.data ?? rows, base.plan.horizons));
  const shown = rows.filter((r) => r.year === horizon);
  const lines = useLines(base, place, shown, district.data ?? []);
  const csv = (): CsvCell[][] => [
    [
      t('dashboard.columns.indicator'),
      t('plan.targets.byYear', { year: horizon ?? '' }),
      place.name,
      t('dashboard.columns.year'),
      place.district?.name ?? '',
      t('dashboard.figures.projection', { year: horizon ?? '' }),
      t('dashboard.columns.statusOf', { unit: place.name }),
    ],
    ...lines.map((l) => {
      const decimals = base.indicators.get(l.own.indicator)?.decimals ?? 1;
      const projection = l.projection === null ? null : csvNumber(l.own.projection, decimals);
      return [
        l.name,
        l.target,
        csvNumber(l.own.value, decimals),
        l.own.valueYear,
        csvNumber(l.district?.value, decimals),
        projection,
        t(`dashboard.status.${l.own.status}`),
      ];
    }),
  ];

  return (
    <Stack gap="md">
      <Trail steps={[{ label: place.district?.name ?? t('dashboard.title'), href: overviewHref(horizon) }, { label: place.name }]} />
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} size="h2">
            {place.name}
          </Title>
          <Text c="dimmed">{t('dashboard.communeSubtitle', { district: place.district?.name ?? '' })}</Text>
        </div>
        {horizon !== undefined && <HorizonSwitch horizons={available} value={horizon} onChange={(h) => setHorizon(String(h))} />}
      </Group>
      {own.isPending || own.isError || district.isError ? (
        <Pending error={own.error ?? district.error} />
      ) : shown.length === 0 || horizon === undefined ? (
        <Pending message={t('dashboard.noTargets')} />
      ) : (
        <>
          <Group justify="space-between" gap="sm">
            <StatusSummary rows={shown} />
            <TableDownloads fileName={`chi-tieu-${place.code}-${horizon}`} sheet={t('dashboard.sheetTargets', { horizon })} rows={csv} />
          </Group>
          <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
            {narrow ? <StackedCards lines={lines} place={place} /> : <WideTable lines={lines} place={place} horizon={horizon} />}
          </Paper>
        </>
      )}
    </Stack>
  );
}

/** A commune's targets beside the district's, with the commune's own status for each. */
export default function CommunePage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const base = useDashboardBase();
  const params = useSearchParams();
  let body: React.ReactNode;
  if (base.state !== 'ready') {
    body = <Pending error={base.state === 'error' ? base.error : undefined} message={base.state === 'none' ? t('plan.none') : undefined} />;
  } else {
    const org = params.get('org') ?? base.homeOrg;
    const place = findPlace(base.tree, org, lang);
    if (!place || !place.isCommune) body = <Pending message={t('dashboard.unknownUnit', { code: org })} />;
    else body = <CommuneView key={org} base={base} place={place} />;
  }
  return (
    <Container size="xl" px={{ base: 'xs', sm: 'md' }} py="md">
      {body}
    </Container>
  );
}
