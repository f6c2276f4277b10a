import type { TaskStatus } from '@vetplan/domain';

export const STATUS_COLORS: Record<TaskStatus, string> = {
  done_on_time: 'green',
  done_late: 'yellow',
  in_progress: 'blue',
  overdue: 'red',
  not_started: 'gray',
};

/** The status columns of the board, in the order an official reads them. */
export const BOARD_ORDER: TaskStatus[] = ['overdue', 'not_started', 'in_progress', 'done_late', 'done_on_time'];
