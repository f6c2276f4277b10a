import type { ProgressRow } from '../api.ts';
import type { LineSeriesOption } from 'echarts/charts';
import type { ChartOption } from './echarts.ts';

export const CHART_COLORS = {
  actual: '#1864ab',
  target: '#2b8a3e',
  trajectory: '#868e96',
  projection: '#e8590c',
  provisional: '#c2255c',
} as const;

export interface ChartTexts {
  actual: string;
  /** "Tạm tính": a later year not yet final, drawn apart from the line. */
  provisional: string;
  trajectory: string;
  projection: string;
  /** "Chỉ tiêu 2030: trên 40%", written on the target line. */
  target: string;
}

type Point = number | null;

/** The straight line from (x0, y0) to (x1, y1), read at each year from x0 on; null before. */
function line(years: readonly number[], x0: number, y0: number, x1: number, y1: number): Point[] {
  return years.map((year) => {
    if (year < x0 || year > x1) return null;
    return x1 === x0 ? y1 : y0 + ((y1 - y0) * (year - x0)) / (x1 - x0);
  });
}

/** A round axis bound below/above the figures, so the target line is always in view. */
function bounds(values: readonly number[], isPercent: boolean): { min: number; max: number } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = Math.max(hi - lo, 1);
  const step = span > 20 ? 10 : span > 4 ? 5 : 1;
  let min = Math.floor((lo - span * 0.1) / step) * step;
  let max = Math.ceil((hi + span * 0.1) / step) * step;
  if (isPercent) {
    min = Math.max(0, min);
    max = Math.min(100, max);
  }
  return { min: Math.max(0, min), max };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface TooltipItem {
  seriesName?: string;
  name: string;
  value: unknown;
  color?: unknown;
}

/** The target as a flat line across every year, its wording written once above the middle. */
function targetSeries(years: readonly number[], value: number, name: string, withLabel: boolean): LineSeriesOption {
  const middle = Math.floor((years.length - 1) / 2);
  return {
    name,
    type: 'line',
    silent: true,
    symbol: 'none',
    lineStyle: { width: 2, color: CHART_COLORS.target },
    itemStyle: { color: CHART_COLORS.target },
    data: years.map((_, i) =>
      i === middle && withLabel
        ? {
            value,
            symbol: 'circle',
            symbolSize: 1,
            label: { show: true, position: 'top', formatter: name, color: CHART_COLORS.target, fontWeight: 'bold' },
          }
        : value,
    ),
    z: 1,
  };
}

/**
 * The indicator's chart: yearly values from the first year to the horizon,
 * the target as a line across, the straight trajectory from the baseline to
 * the target (dashed) and the projection of the trend to the horizon (dotted).
 */
export interface ChartFormats {
  /** A value in the tooltip and at the end of the projection: "35,9%". */
  value: (value: number) => string;
  /** An axis tick: "35%". */
  axis: (value: number) => string;
  isPercent: boolean;
}

export function chartOption(row: ProgressRow, texts: ChartTexts, formats: ChartFormats): ChartOption {
  const format = formats.value;
  const horizon = row.year;
  const first = Math.min(row.series[0]?.year ?? horizon, row.baseline?.year ?? horizon);
  const years = Array.from({ length: horizon - first + 1 }, (_, i) => first + i);
  const actual = years.map((year) => row.series.find((p) => p.year === year)?.value ?? null);
  const baseline = row.baseline;
  const trajectory = baseline ? line(years, baseline.year, baseline.value, horizon, row.target) : [];
  const last = row.series[row.series.length - 1];
  const projection =
    last && row.projection !== null && last.year < horizon ? line(years, last.year, last.value, horizon, row.projection) : [];
  const targets = row.comparator === 'range' && row.targetUpper !== null ? [row.target, row.targetUpper] : [row.target];
  const provisional = years.map((year) => (row.provisional?.year === year ? row.provisional.value : null));
  const numbers = [...actual, ...provisional, ...trajectory, ...projection, ...targets].filter((v): v is number => v !== null);
  const { min, max } = bounds(numbers, formats.isPercent);
  const dense = years.length > 12;

  return {
    animationDuration: 400,
    grid: { left: 52, right: 20, top: 28, bottom: 32 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: tooltipFormatter(texts.target, format),
    },
    xAxis: {
      type: 'category',
      data: years.map(String),
      boundaryGap: false,
      axisLabel: { interval: dense ? 4 : 0, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      min,
      max,
      axisLabel: { formatter: (value: number) => formats.axis(value) },
    },
    series: [
      {
        name: texts.actual,
        type: 'line',
        data: actual,
        connectNulls: true,
        symbolSize: 8,
        lineStyle: { width: 3, color: CHART_COLORS.actual },
        itemStyle: { color: CHART_COLORS.actual },
        z: 3,
      },
      // A point of its own, hollow and not joined to the line: it is not part of the trend.
      {
        name: texts.provisional,
        type: 'line',
        data: provisional,
        symbol: 'emptyCircle',
        symbolSize: 10,
        lineStyle: { opacity: 0 },
        itemStyle: { color: CHART_COLORS.provisional },
        z: 4,
      },
      ...targets.map((value, i) => targetSeries(years, value, texts.target, i === 0)),
      {
        name: texts.trajectory,
        type: 'line',
        data: trajectory,
        showSymbol: false,
        lineStyle: { width: 2, type: 'dashed', color: CHART_COLORS.trajectory },
        itemStyle: { color: CHART_COLORS.trajectory },
      },
      projectionSeries(texts.projection, projection, format),
    ],
  };
}

/** The tooltip of a year: every figure but the target line, each with its series' colour. */
function tooltipFormatter(targetName: string, format: (value: number) => string) {
  return (params: unknown) => {
    const items = (Array.isArray(params) ? params : [params]) as TooltipItem[];
    const lines = items
      .filter((p) => typeof p.value === 'number' && p.seriesName !== targetName)
      .map(
        (p) =>
          `<span style="color:${typeof p.color === 'string' ? p.color : 'inherit'}">●</span> ${escapeHtml(p.seriesName ?? '')}: ` +
          `<b>${escapeHtml(format(p.value as number))}</b>`,
      );
    return [`<b>${escapeHtml(items[0]?.name ?? '')}</b>`, ...lines].join('<br/>');
  };
}

/** The dotted line from the last figure to the horizon, labelled at its end with the value it reaches. */
function projectionSeries(name: string, projection: (number | null)[], format: (value: number) => string): LineSeriesOption {
  return {
    name,
    type: 'line',
    data: projection,
    showSymbol: false,
    lineStyle: { width: 2.5, type: 'dotted', color: CHART_COLORS.projection },
    itemStyle: { color: CHART_COLORS.projection },
    endLabel: {
      show: projection.length > 0,
      formatter: (p) => (typeof p.value === 'number' ? format(p.value) : ''),
      color: CHART_COLORS.projection,
      fontWeight: 'bold',
      offset: [-36, -14],
    },
  };
}
