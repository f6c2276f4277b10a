import { Badge } from '@mantine/core';
import type { TaskStatus } from '@vetplan/domain';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from './status.ts';

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant={status === 'overdue' ? 'filled' : 'light'} radius="sm" data-status={status}>
      {t(`tasks.status.${status}`)}
    </Badge>
  );
}
