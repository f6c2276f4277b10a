import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { linkClick } from '../../../shared/router.ts';
import { useLang } from '../../../i18n/useLang.ts';
import type { Indicator } from '../../../shared/plan/types.ts';
import type { IndicatorValue, ProgressRow } from '../api.ts';
import { formatValue, indicatorName, isFinal, STATUS_COLORS, targetText } from '../model.ts';
import { indicatorHref } from '../paths.ts';
import classes from '../dashboard.module.css';
import { ProgressBadge } from './ProgressBadge.tsx';
import { Sparkline } from './Sparkline.tsx';
import { useGain, useProvisionalText, useReportingText } from '../texts.ts';

interface TargetCardProps {
  row: ProgressRow;
  indicator: Indicator | undefined;
  reporting: IndicatorValue | undefined;
  org: string;
}

/** One target: value now, the target as written, status, the yearly line, the projection and what is still needed. */
export function TargetCard({ row, indicator, reporting, org }: TargetCardProps) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const reportingText = useReportingText()(reporting);
  const gainText = useGain()(row, indicator)?.text;
  const provisionalText = useProvisionalText()(row, indicator);
  const name = indicatorName(indicator, row.indicator, lang);
  const href = indicatorHref(row.indicator, org, row.year);
  const color = `var(--mantine-color-${STATUS_COLORS[row.status]}-7)`;
  const targets = row.comparator === 'range' && row.targetUpper !== null ? [row.target, row.targetUpper] : [row.target];
  const target = targetText(row, indicator, lang);
  return (
    <Paper withBorder radius="md" p="md" className={classes.card} component="article" data-testid={`target-card-${row.indicator}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Anchor href={href} onClick={linkClick(href)} className={classes.cardLink}>
          {name}
        </Anchor>
        <ProgressBadge status={row.status} />
      </Group>
      <Group gap={8} align="baseline" wrap="wrap">
        <Text className={classes.bigValue} c={row.value === null ? 'dimmed' : undefined}>
          {row.value === null ? '—' : formatValue(row.value, indicator, lang)}
        </Text>
        {row.valueYear !== null && (
          <Text size="sm" c="dimmed">
            {t('dashboard.inYear', { year: row.valueYear })}
          </Text>
        )}
      </Group>
      {provisionalText && (
        <Text size="sm" c="orange.9" data-testid="provisional-note">
          {provisionalText}
        </Text>
      )}
      <Text size="sm">{t('dashboard.target', { year: row.year, target })}</Text>
      <Sparkline
        series={row.series}
        targets={targets}
        color={color}
        label={t('dashboard.sparkline', { from: row.series[0]?.year ?? '', to: row.series[row.series.length - 1]?.year ?? '' })}
      />
      <Stack gap={2}>
        {row.projection !== null && !isFinal(row.status) && (
          <Text size="sm" fw={700} c={`${STATUS_COLORS[row.status]}.8`}>
            {t('dashboard.projection', { year: row.year, value: formatValue(row.projection, indicator, lang) })}
          </Text>
        )}
        {gainText && <Text size="sm">{gainText}</Text>}
        {reportingText && (
          <Text size="sm" c="dimmed">
            {reportingText}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
