import { Group, SegmentedControl, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** "Đến năm 2025 | 2030 | 2045": which horizon's targets the page judges against. */
export function HorizonSwitch({
  horizons,
  value,
  onChange,
}: {
  horizons: readonly number[];
  value: number;
  onChange: (year: number) => void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  if (horizons.length < 2) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text id={labelId} size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('dashboard.horizon')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        size="sm"
        value={String(value)}
        onChange={(next) => onChange(Number(next))}
        data={horizons.map((year) => ({ value: String(year), label: String(year) }))}
      />
    </Group>
  );
}
