import { taskStatus, type TaskReportStatus } from '@vetplan/domain';
import type { AssignmentDto } from './schema.ts';
import type { AssignmentRow } from './repository.ts';

export const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function assignmentStatus(row: AssignmentRow, day: string) {
  return taskStatus(
    {
      dueOn: row.due_on,
      extendedTo: row.extended_to,
      latest: row.report_status ? { status: row.report_status as TaskReportStatus, completedOn: row.completed_on } : null,
    },
    day,
  );
}

export function assignmentDto(row: AssignmentRow, day: string, orgName: string, user: { canReport: boolean; own: boolean }): AssignmentDto {
  return {
    id: Number(row.id),
    plan: row.plan_code,
    task: row.task_code,
    title: row.title,
    titleEn: row.title_en,
    group: row.group_code,
    org: row.org_code,
    orgName,
    role: row.role,
    period: row.period,
    dueOn: row.due_on,
    extendedTo: row.extended_to,
    status: assignmentStatus(row, day),
    percent: row.percent ?? null,
    reportedAt: iso(row.reported_at ?? null),
    extension: row.extension_status ?? null,
    canReport: user.canReport,
    own: user.own,
  };
}
