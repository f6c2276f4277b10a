import { BOARD_STATUSES, PERIOD_TYPES, SUBMISSION_ACTIONS, SUBMISSION_STATUSES } from '@vetplan/domain';
import { Nullable } from '../../http/schema-helpers.ts';
import { Type, type Static } from 'typebox';

export const FormSummarySchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  periodType: Type.Enum([...PERIOD_TYPES]),
  elements: Type.Array(Type.String()),
  /** The units in the caller's reach that report this form. */
  units: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  reportedBy: Nullable(Type.String()),
  approverRoles: Type.Array(Type.String()),
  schedule: Type.Object({
    opens: Type.Object({ month: Type.Integer(), day: Type.Integer() }),
    cutoff: Type.Object({ month: Type.Integer(), day: Type.Integer() }),
    due: Type.Object({ month: Type.Integer(), day: Type.Integer() }),
  }),
  /** The reporting round the form is in today: the latest period whose report has opened, with its dates. */
  current: Type.Object({ period: Type.String(), opens: Type.String(), due: Type.String() }),
});
export type FormSummary = Static<typeof FormSummarySchema>;

export const CellSchema = Type.Object({
  element: Type.String(),
  disagg: Type.String(),
  value: Type.Number(),
  comment: Nullable(Type.String()),
  version: Type.Integer(),
  updatedBy: Type.String(),
  updatedAt: Type.String(),
});

export const ViolationSchema = Type.Object({
  rule: Type.String(),
  message: Type.String(),
  messageEn: Type.String(),
  where: Type.Record(Type.String(), Type.String()),
  /** The elements the rule compares: left side first (the part), then the right (the whole). */
  elements: Type.Array(Type.String()),
  /** The elements of the left side: the cells to mark. */
  leftElements: Type.Array(Type.String()),
});

export const SubmissionSchema = Type.Object({
  status: Type.Enum([...SUBMISSION_STATUSES]),
  version: Type.Integer(),
  submittedAt: Nullable(Type.String()),
  submittedBy: Nullable(Type.String()),
  /** The person's display name (the username when none is set); likewise decidedByName and each event's actorName. */
  submittedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  events: Type.Array(
    Type.Object({
      action: Type.Enum([...SUBMISSION_ACTIONS]),
      fromStatus: Type.String(),
      toStatus: Type.String(),
      actor: Type.String(),
      actorName: Type.String(),
      at: Type.String(),
      comment: Nullable(Type.String()),
    }),
  ),
});

export const EntrySchema = Type.Object({
  form: FormSummarySchema,
  org: Type.Object({ code: Type.String(), name: Type.String() }),
  period: Type.String(),
  dates: Type.Object({ opens: Type.String(), cutoff: Type.String(), due: Type.String() }),
  elements: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      nameEn: Nullable(Type.String()),
      valueType: Type.String(),
      dimensions: Type.Array(
        Type.Object({
          dimension: Type.String(),
          name: Type.String(),
          values: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()) })),
        }),
      ),
    }),
  ),
  values: Type.Array(CellSchema),
  previous: Type.Object({ period: Type.String(), values: Type.Array(CellSchema) }),
  submission: SubmissionSchema,
  violations: Type.Array(ViolationSchema),
  locked: Type.Boolean(),
  canEdit: Type.Boolean(),
  canWithdraw: Type.Boolean({ description: 'The caller submitted this report and may take it back before it is decided' }),
  canApprove: Type.Boolean(),
});
export type EntryDto = Static<typeof EntrySchema>;

export const EntryQuery = Type.Object(
  { org: Type.String({ minLength: 1, maxLength: 64 }), period: Type.String({ minLength: 4, maxLength: 8 }) },
  { additionalProperties: false },
);
export const FormParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });

export const TransitionParams = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64 }),
  org: Type.String({ minLength: 1, maxLength: 64 }),
  period: Type.String({ minLength: 4, maxLength: 8 }),
  action: Type.Enum([...SUBMISSION_ACTIONS]),
});
export const TransitionBody = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });

export const CompletenessQuery = Type.Object({ period: Type.String({ minLength: 4, maxLength: 8 }) }, { additionalProperties: false });
export const CompletenessSchema = Type.Object({
  form: Type.String(),
  period: Type.String(),
  due: Type.String(),
  summary: Type.Object({
    units: Type.Integer(),
    onTime: Type.Integer(),
    late: Type.Integer(),
    overdue: Type.Integer(),
    notDue: Type.Integer(),
    approved: Type.Integer(),
    returned: Type.Integer(),
    notStarted: Type.Integer(),
    submitted: Type.Integer(),
    /** Units past the due day that have not sent their report. */
    toRemind: Type.Integer(),
    /** Submitted units without a rule violation: what a bulk approval approves. */
    cleanSubmitted: Type.Integer(),
  }),
  units: Type.Array(
    Type.Object({
      org: Type.String(),
      name: Type.String(),
      status: Type.Enum([...SUBMISSION_STATUSES]),
      state: Type.Enum([...BOARD_STATUSES], {
        description: 'not_started (Chưa nộp: no figure, never submitted), draft (Đang nhập), returned, submitted, approved',
      }),
      timeliness: Type.Enum(['on_time', 'late', 'overdue', 'not_due']),
      late: Type.Boolean({ description: 'Past the due day and not sent: a reminder may go to it' }),
      violations: Nullable(Type.Integer({ description: 'Rule violations of a submitted report; null when not submitted' })),
      submittedAt: Nullable(Type.String()),
      submittedBy: Nullable(Type.String()),
      submittedByName: Nullable(Type.String()),
      reason: Nullable(Type.String()),
      lastReminder: Nullable(Type.Object({ at: Type.String(), by: Type.String(), byName: Type.String() })),
    }),
  ),
});

const UnitList = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 500 });

export const ReminderBody = Type.Object(
  { period: Type.String({ minLength: 4, maxLength: 8 }), orgs: Type.Optional(UnitList) },
  { additionalProperties: false },
);
export const ReminderResponse = Type.Object({
  form: Type.String(),
  period: Type.String(),
  sentAt: Type.String(),
  sent: Type.Array(Type.Object({ org: Type.String(), name: Type.String(), recipients: Type.Integer(), emailed: Type.Integer() })),
  /** E-mails the mail server refused (the reminders stand in the app). */
  mailErrors: Type.Array(Type.String()),
});

export const BulkApproveBody = Type.Object(
  { period: Type.String({ minLength: 4, maxLength: 8 }), orgs: Type.Optional(UnitList) },
  { additionalProperties: false },
);
export const BulkApproveResponse = Type.Object({
  form: Type.String(),
  period: Type.String(),
  approved: Type.Array(Type.Object({ org: Type.String(), name: Type.String() })),
  skipped: Type.Array(Type.Object({ org: Type.String(), name: Type.String(), reason: Type.String(), reasonEn: Type.String() })),
});
