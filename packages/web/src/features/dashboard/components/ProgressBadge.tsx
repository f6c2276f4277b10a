import { Badge } from '@mantine/core';
import type { ProgressStatus } from '@vetplan/domain';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from '../model.ts';

/** Đạt / Không đạt / Đúng tiến độ / Có nguy cơ chậm / Chậm tiến độ / Chưa có số liệu, in its colour. */
export function ProgressBadge({ status, size = 'md' }: { status: ProgressStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const filled = status === 'not_met' || status === 'off_track';
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant={filled ? 'filled' : 'light'}
      size={size}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0 }}
      data-status={status}
    >
      {t(`dashboard.status.${status}`)}
    </Badge>
  );
}
