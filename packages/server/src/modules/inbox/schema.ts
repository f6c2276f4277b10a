import { Type } from 'typebox';
import { Nullable } from '../../http/schema-helpers.ts';

export const InboxSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: Type.Enum([
        'due',
        'overdue',
        'returned',
        'to_approve',
        'reminder',
        'task_due_7',
        'task_due_1',
        'task_overdue',
        'task_extension',
      ]),
      form: Type.String(),
      formName: Type.String(),
      org: Type.String(),
      orgName: Type.String(),
      period: Type.String(),
      due: Type.String(),
      reason: Nullable(Type.String()),
      /** Task reminders: the assignment to open (form and formName then hold the task code and title). */
      assignmentId: Type.Optional(Type.Integer()),
      /** A plan manager's reminder: when and by whom (display name). */
      sentAt: Type.Optional(Type.String()),
      sentByName: Type.Optional(Type.String()),
    }),
  ),
});
