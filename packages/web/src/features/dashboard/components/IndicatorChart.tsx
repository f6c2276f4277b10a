import { Box, Center, Group, Loader, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/ErrorAlert.tsx';
import { CHART_COLORS, type ChartTexts } from '../chart/chartOption.ts';
import type { ChartOption, EChartsType } from '../chart/echarts.ts';
import classes from '../dashboard.module.css';
import { PngButton } from '../../../shared/DownloadButtons.tsx';

interface IndicatorChartProps {
  option: ChartOption;
  texts: ChartTexts;
  /** What the chart shows, in words, for screen readers. */
  label: string;
  fileName: string;
  /** A provisional point is drawn: it gets a legend entry. */
  hasProvisional?: boolean;
}

function LegendItem({ color, style, text }: { color: string; style: 'solid' | 'dashed' | 'dotted'; text: string }) {
  return (
    <Text size="sm" span style={{ whiteSpace: 'nowrap' }}>
      <span className={classes.legendLine} style={{ borderTopColor: color, borderTopStyle: style }} aria-hidden />
      {text}
    </Text>
  );
}

/** The indicator's line chart (ECharts on a canvas), its legend and "Tải ảnh (PNG)". */
export function IndicatorChart({ option, texts, label, fileName, hasProvisional = false }: IndicatorChartProps) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [drawn, setDrawn] = useState(false);

  // ECharts comes in its own chunk: the figures and the communes show while it loads.
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    let instance: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    import('../chart/echarts.ts')
      .then(({ init }) => {
        if (cancelled) return;
        const created = init(el, undefined, { renderer: 'canvas' });
        created.on('finished', () => setDrawn(true));
        observer = new ResizeObserver(() => created.resize());
        observer.observe(el);
        instance = created;
        setChart(created);
      })
      .catch((error: unknown) => setFailed(error));
    return () => {
      cancelled = true;
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  return (
    <Box>
      {failed !== null && <ErrorAlert error={failed} mb="xs" />}
      <Box pos="relative">
        <div
          ref={element}
          className={classes.chart}
          role="img"
          aria-label={label}
          data-testid="indicator-chart"
          data-drawn={drawn || undefined}
        />
        {!chart && failed === null && (
          <Center pos="absolute" inset={0}>
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
      </Box>
      <Group justify="space-between" align="center" gap="sm" mt="xs">
        <Group gap="md" style={{ rowGap: 4 }}>
          <LegendItem color={CHART_COLORS.actual} style="solid" text={texts.actual} />
          <LegendItem color={CHART_COLORS.target} style="solid" text={texts.target} />
          <LegendItem color={CHART_COLORS.trajectory} style="dashed" text={texts.trajectory} />
          <LegendItem color={CHART_COLORS.projection} style="dotted" text={texts.projection} />
          {hasProvisional && (
            <Text size="sm" span style={{ whiteSpace: 'nowrap' }}>
              <span style={{ color: CHART_COLORS.provisional }} aria-hidden>
                ○{' '}
              </span>
              {texts.provisional}
            </Text>
          )}
        </Group>
        <PngButton
          fileName={fileName}
          image={() => chart?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }) ?? null}
        />
      </Group>
    </Box>
  );
}
