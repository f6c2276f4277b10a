import { Badge, type BadgeProps } from '@mantine/core';
import { STATUS_LABELS, type SubmissionStatus } from '@vetplan/domain';
import { useLang } from '../../i18n/useLang.ts';

const COLORS: Record<SubmissionStatus, string> = { draft: 'gray', submitted: 'blue', approved: 'green', returned: 'orange' };

/** Đang nhập / Đã gửi / Đã phê duyệt / Bị trả lại. */
export function StatusBadge({ status, ...props }: { status: SubmissionStatus } & Omit<BadgeProps, 'children' | 'color'>) {
  const { lang } = useLang();
  return (
    <Badge color={COLORS[status]} variant="light" radius="sm" data-status={status} {...props}>
      {STATUS_LABELS[status][lang]}
    </Badge>
  );
}
