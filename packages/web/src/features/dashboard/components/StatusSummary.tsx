import { Badge, Group } from '@mantine/core';
import type { ProgressStatus } from '@vetplan/domain';
import { useTranslation } from 'react-i18next';
import type { ProgressRow } from '../api.ts';
import { STATUS_COLORS } from '../model.ts';

/** Worst first: what a leader must see at once. */
const ORDER: ProgressStatus[] = ['off_track', 'not_met', 'at_risk', 'on_track', 'met', 'no_data'];

/** "2 Chậm tiến độ · 1 Có nguy cơ chậm · 1 Đúng tiến độ" for the targets on the page. */
export function StatusSummary({ rows }: { rows: readonly ProgressRow[] }) {
  const { t } = useTranslation();
  const counts = ORDER.map((status) => ({ status, n: rows.filter((r) => r.status === status).length })).filter((c) => c.n > 0);
  return (
    <Group gap="xs" data-testid="status-summary">
      {counts.map(({ status, n }) => (
        <Badge key={status} color={STATUS_COLORS[status]} variant="outline" size="lg" radius="sm" tt="none">
          {t('dashboard.statusCount', { n, status: t(`dashboard.status.${status}`) })}
        </Badge>
      ))}
    </Group>
  );
}
