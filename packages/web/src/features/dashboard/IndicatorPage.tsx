import { Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { formatNumber } from '@vetplan/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { linkClick, useSearchParams } from '../../shared/router.ts';
import { useLang } from '../../i18n/useLang.ts';
import type { Indicator } from '../../shared/plan/types.ts';
import { chartOption, type ChartTexts } from './chart/chartOption.ts';
import { CommuneTable } from './components/CommuneTable.tsx';
import { HorizonSwitch } from './components/HorizonSwitch.tsx';
import { IndicatorChart } from './components/IndicatorChart.tsx';
import { KeyFigures } from './components/KeyFigures.tsx';
import { Pending } from './components/PageStates.tsx';
import { ProgressBadge } from './components/ProgressBadge.tsx';
import { Trail, type TrailStep } from './components/Trail.tsx';
import type { ProgressRow } from './api.ts';
import { chosenHorizon, formatValue, indicatorName, openHorizon, ruleOf, targetText } from './model.ts';
import { communeHref, indicatorHref, overviewHref } from './paths.ts';
import { findPlace, type Place } from '../../shared/areas/places.ts';
import { useIndicatorValues, useProgress } from './queries.ts';
import { rankUnits } from './standing.ts';
import { useDashboardBase, useQueryParam, type DashboardBase } from '../../shared/plan/useDashboardBase.ts';

type Ready = Extract<DashboardBase, { state: 'ready' }>;

function useTrail(place: Place, code: string, horizon: number): TrailStep[] {
  const { t } = useTranslation();
  const steps: TrailStep[] = [{ label: t('dashboard.title'), href: overviewHref(horizon) }];
  if (place.isCommune && place.district)
    steps.push({ label: place.district.name, href: indicatorHref(code, place.district.code, horizon) });
  steps.push({ label: place.name });
  return steps;
}

function ChartPanel({ row, indicator, place }: { row: ProgressRow; indicator: Indicator | undefined; place: Place }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const texts: ChartTexts = useMemo(
    () => ({
      actual: t('dashboard.chart.actual'),
      provisional: t('dashboard.chart.provisional'),
      trajectory: t('dashboard.chart.trajectory'),
      projection: t('dashboard.chart.projection'),
      target: t('dashboard.target', { year: row.year, target: targetText(row, indicator, lang) }),
    }),
    [t, row, indicator, lang],
  );
  const option = useMemo(
    () =>
      chartOption(row, texts, {
        value: (v) => formatValue(v, indicator, lang),
        axis: (v) => `${formatNumber(v, { lang, maxDecimals: 1 })}${indicator?.unit === 'count' ? '' : '%'}`,
        isPercent: indicator?.unit !== 'count',
      }),
    [row, texts, indicator, lang],
  );
  const name = indicatorName(indicator, row.indicator, lang);
  return (
    <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
      <IndicatorChart
        option={option}
        texts={texts}
        label={t('dashboard.chart.label', { name, unit: place.name, from: row.series[0]?.year ?? row.year, to: row.year })}
        fileName={`${row.indicator}-${place.code}-${row.year}.png`}
        hasProvisional={row.provisional !== null && row.provisional.year <= row.year}
      />
    </Paper>
  );
}

function CommunesPanel({
  row,
  indicator,
  place,
  year,
}: {
  row: ProgressRow;
  indicator: Indicator | undefined;
  place: Place;
  year: number;
}) {
  const { t } = useTranslation();
  const values = useIndicatorValues({ indicators: [row.indicator], orgs: place.communes.map((c) => c.code), periods: [String(year)] });
  if (place.communes.length === 0) return null;
  const units = rankUnits(
    place.communes.map((c) => {
      const v = values.data?.find((x) => x.org === c.code);
      return { org: c.code, name: c.name, value: v?.value ?? null, reporting: (v?.reportingUnits ?? 0) > 0 };
    }),
    ruleOf(row),
  );
  return (
    <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }} component="section" aria-labelledby="communes-heading">
      <Title order={2} size="h4" id="communes-heading">
        {t('dashboard.communes', { year })}
      </Title>
      {units.some((u) => u.value !== null) && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('dashboard.communesHint')}
        </Text>
      )}
      {values.isPending || values.isError ? (
        <Pending error={values.error} />
      ) : units.every((u) => u.value === null) ? (
        <Text c="dimmed">{t('dashboard.noCommuneData', { year })}</Text>
      ) : (
        <CommuneTable
          units={units}
          row={row}
          indicator={indicator}
          current={place.isCommune ? place.code : null}
          fileName={`${row.indicator}-${place.district?.code ?? place.code}-${year}`}
          sheet={`${row.indicator} ${year}`}
        />
      )}
    </Paper>
  );
}

function IndicatorView({ base, code, place }: { base: Ready; code: string; place: Place }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const indicator = base.indicators.get(code);
  const progress = useProgress(base.plan.code, place.code);
  const rows = (progress.data ?? []).filter((r) => r.indicator === code);
  const [horizonParam, setHorizon] = useQueryParam('horizon');
  const available = rows.map((r) => r.year);
  const horizon = chosenHorizon(horizonParam, available, openHorizon(rows, base.plan.horizons));
  const row = rows.find((r) => r.year === horizon);
  const year = row?.valueYear ?? row?.series[row.series.length - 1]?.year ?? new Date().getFullYear() - 1;
  const own = useIndicatorValues({ indicators: [code], orgs: [place.code], periods: row ? [String(year)] : [] });
  const trail = useTrail(place, code, horizon ?? base.plan.horizons[0] ?? 0);

  return (
    <Stack gap="md">
      <Trail steps={trail} />
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Title order={1} size="h2">
            {indicatorName(indicator, code, lang)}
          </Title>
          <Text c="dimmed" fw={600} data-testid="unit-name">
            {place.name}
          </Text>
        </div>
        {horizon !== undefined && <HorizonSwitch horizons={available} value={horizon} onChange={(h) => setHorizon(String(h))} />}
      </Group>
      {progress.isPending || progress.isError ? (
        <Pending error={progress.error} />
      ) : !row ? (
        <Pending message={t('dashboard.noTarget')} />
      ) : (
        <>
          <Group gap="sm">
            <ProgressBadge status={row.status} size="lg" />
            {place.isCommune && (
              <Button
                component="a"
                href={communeHref(place.code, row.year)}
                onClick={linkClick(communeHref(place.code, row.year))}
                variant="light"
                size="sm"
                h={40}
                leftSection={<IconListDetails size={18} />}
              >
                {t('dashboard.allOfUnit', { unit: place.name })}
              </Button>
            )}
          </Group>
          <KeyFigures row={row} indicator={indicator} reporting={own.data?.[0]} />
          <ChartPanel row={row} indicator={indicator} place={place} />
          <CommunesPanel row={row} indicator={indicator} place={place} year={year} />
        </>
      )}
    </Stack>
  );
}

/** One indicator for a district or a commune: the chart against the target, and the communes ranked. */
export default function IndicatorPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const base = useDashboardBase();
  const params = useSearchParams();
  let body: React.ReactNode;
  if (base.state !== 'ready') {
    body = <Pending error={base.state === 'error' ? base.error : undefined} message={base.state === 'none' ? t('plan.none') : undefined} />;
  } else {
    const code = params.get('code') ?? '';
    const org = params.get('org') ?? base.homeOrg;
    const place = findPlace(base.tree, org, lang);
    if (!base.indicators.has(code)) body = <Pending message={t('dashboard.unknownIndicator', { code })} />;
    else if (!place) body = <Pending message={t('dashboard.unknownUnit', { code: org })} />;
    else body = <IndicatorView key={`${code}-${org}`} base={base} code={code} place={place} />;
  }
  return (
    <Container size="xl" px={{ base: 'xs', sm: 'md' }} py="md">
      {body}
    </Container>
  );
}
