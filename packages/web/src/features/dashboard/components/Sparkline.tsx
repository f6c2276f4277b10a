import { Group, Text } from '@mantine/core';
import type { YearValue } from '../api.ts';

const W = 240;
const H = 60;
const PAD = 6;

interface SparklineProps {
  series: readonly YearValue[];
  /** The target's line (and the upper bound of a range). */
  targets: readonly number[];
  /** CSS colour of the series line. */
  color: string;
  label: string;
}

/** The yearly values as a small line, with the target as a dashed line across and the first and last years under it. */
export function Sparkline({ series, targets, color, label }: SparklineProps) {
  if (series.length === 0) return null;
  const values = [...series.map((p) => p.value), ...targets];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const first = series[0]!;
  const last = series[series.length - 1]!;
  const years = Math.max(1, last.year - first.year);
  const x = (year: number) => PAD + ((year - first.year) / years) * (W - 2 * PAD);
  const y = (value: number) => H - PAD - ((value - lo) / span) * (H - 2 * PAD);
  const points = series.map((p) => `${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  // Stretched to the card's width: strokes keep their thickness, and the end
  // point is a zero-length round-capped line so it stays a circle.
  return (
    <div>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        height={64}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
        style={{ display: 'block' }}
      >
        {targets.map((target) => (
          <line
            key={target}
            x1={0}
            x2={W}
            y1={y(target)}
            y2={y(target)}
            stroke="var(--mantine-color-gray-6)"
            strokeWidth={1.5}
            strokeDasharray="6 5"
            vectorEffect="non-scaling-stroke"
          />
        ))}
        <polyline
          points={points}
          fill="none"
          stroke={color}
          strokeWidth={2.5}
          strokeLinejoin="round"
          strokeLinecap="round"
          vectorEffect="non-scaling-stroke"
        />
        <line
          x1={x(last.year)}
          y1={y(last.value)}
          x2={x(last.year)}
          y2={y(last.value)}
          stroke={color}
          strokeWidth={8}
          strokeLinecap="round"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
      <Group justify="space-between" aria-hidden>
        <Text size="xs" c="dimmed">
          {first.year}
        </Text>
        <Text size="xs" c="dimmed">
          {last.year}
        </Text>
      </Group>
    </div>
  );
}
