import { Badge } from '@mantine/core';
import { BOARD_STATUS_LABELS, type BoardStatus, type Timeliness } from '@vetplan/domain';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';

const STATE_COLORS: Record<BoardStatus, string> = {
  not_started: 'red',
  draft: 'gray',
  returned: 'orange',
  submitted: 'blue',
  approved: 'green',
};
export const TIMELINESS_COLORS: Record<Timeliness, string> = { on_time: 'green', late: 'yellow', overdue: 'red', not_due: 'gray' };

/** Chưa nộp / Đang nhập / Bị trả lại / Đã gửi / Đã phê duyệt. */
export function BoardStatusBadge({ state }: { state: BoardStatus }) {
  const { lang } = useLang();
  return (
    <Badge
      color={STATE_COLORS[state]}
      variant={state === 'not_started' ? 'outline' : 'light'}
      radius="sm"
      data-state={state}
      style={{ flexShrink: 0, minWidth: 'max-content' }}
    >
      {BOARD_STATUS_LABELS[state][lang]}
    </Badge>
  );
}

export function TimelinessBadge({ timeliness }: { timeliness: Timeliness }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={TIMELINESS_COLORS[timeliness]}
      variant={timeliness === 'overdue' ? 'filled' : 'light'}
      radius="sm"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
    >
      {t(`completeness.timeliness.${timeliness}`)}
    </Badge>
  );
}
