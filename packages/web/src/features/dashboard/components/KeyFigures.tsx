import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n/useLang.ts';
import type { Indicator } from '../../../shared/plan/types.ts';
import type { IndicatorValue, ProgressRow } from '../api.ts';
import { formatValue, isFinal, targetText } from '../model.ts';
import { useGain, useProvisionalText, useReportingText } from '../texts.ts';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg" lh={1.3}>
        {value}
      </Text>
    </Paper>
  );
}

/** The sentence a leader quotes, then the figures behind it. */
export function KeyFigures({
  row,
  indicator,
  reporting,
}: {
  row: ProgressRow;
  indicator: Indicator | undefined;
  reporting: IndicatorValue | undefined;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const gain = useGain()(row, indicator);
  const reportingText = useReportingText()(reporting);
  const provisionalText = useProvisionalText()(row, indicator);
  const fmt = (v: number) => formatValue(v, indicator, lang);
  const target = targetText(row, indicator, lang);
  const open = !isFinal(row.status);
  const figures: { label: string; value: string }[] = [{ label: t('dashboard.figures.target', { year: row.year }), value: target }];
  if (row.value !== null && row.valueYear !== null)
    figures.unshift({ label: t('dashboard.figures.value', { year: row.valueYear }), value: fmt(row.value) });
  if (open && row.projection !== null)
    figures.push({ label: t('dashboard.figures.projection', { year: row.year }), value: fmt(row.projection) });
  if (open && row.trajectory !== null && row.valueYear !== null) {
    figures.push({ label: t('dashboard.figures.trajectory', { year: row.valueYear }), value: fmt(row.trajectory) });
  }
  if (gain?.amount) figures.push({ label: t(`dashboard.gain.${gain.kind === 'down' ? 'downLabel' : 'upLabel'}`), value: gain.amount });
  else if (gain) figures.push({ label: t('dashboard.figures.gain', { year: row.year }), value: gain.text });
  if (reportingText) figures.push({ label: t('dashboard.figures.reporting'), value: reportingText });
  if (row.provisional)
    figures.push({ label: t('dashboard.provisionalLabel', { year: row.provisional.year }), value: fmt(row.provisional.value) });

  return (
    <>
      <Text fz="lg" data-testid="indicator-sentence">
        {row.value !== null && row.valueYear !== null
          ? t('dashboard.sentence.now', { year: row.valueYear, value: fmt(row.value), horizon: row.year, target })
          : t('dashboard.status.no_data')}
        {open && row.projection !== null && ` ${t('dashboard.sentence.pace', { horizon: row.year, value: fmt(row.projection) })}`}
      </Text>
      {provisionalText && (
        <Text size="sm" c="orange.9" data-testid="provisional-note">
          {provisionalText}. {t('dashboard.provisionalHint')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="xs">
        {figures.map((f) => (
          <Figure key={f.label} label={f.label} value={f.value} />
        ))}
      </SimpleGrid>
    </>
  );
}
