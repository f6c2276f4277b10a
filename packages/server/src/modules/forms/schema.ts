import { PERIOD_TYPES, SUBMISSION_ACTIONS, SUBMISSION_STATUSES } from '@vetplan/domain';
import { Nullable } from '../../http/schema-helpers.ts';
import { Type, type Static } from 'typebox';
import { COMMENT_MAX_LENGTH } from '../data-values/validate.ts';


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
});
export type FormSummary = Static<typeof FormSummarySchema>;

const CellSchema = Type.Object({
  element: Type.String(),
  disagg: Type.String(),
  value: Type.Number(),
  comment: Nullable(Type.String()),
  version: Type.Integer(),
  updatedBy: Type.String(),
  updatedAt: Type.String(),
});

const ViolationSchema = Type.Object({
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
    Type.Object({ action: Type.Enum([...SUBMISSION_ACTIONS]), fromStatus: Type.String(), toStatus: Type.String(), actor: Type.String(), actorName: Type.String(), at: Type.String(), comment: Nullable(Type.String()) }),
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
      dimensions: Type.Array(Type.Object({ dimension: Type.String(), name: Type.String(), values: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()) })) })),
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

export const CellBody = Type.Object(
  {
    element: Type.String({ minLength: 1, maxLength: 64 }),
    period: Type.String({ minLength: 4, maxLength: 8 }),
    org: Type.String({ minLength: 1, maxLength: 64 }),
    disagg: Type.String({ maxLength: 200 }),
    value: Type.Union([Type.Number(), Type.String({ maxLength: 64 }), Type.Null()], { description: 'null or "" deletes the value' }),
    comment: Type.Optional(Nullable(Type.String({ maxLength: COMMENT_MAX_LENGTH }))),
    /** The version the edit started from; 0 for a cell that was empty. A stale version answers 409 with the current value. */
    baseVersion: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type CellInput = Static<typeof CellBody>;

export const CellResponse = Type.Object({
  cell: Nullable(CellSchema),
  violations: Type.Array(ViolationSchema),
});

export const TransitionParams = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64 }),
  org: Type.String({ minLength: 1, maxLength: 64 }),
  period: Type.String({ minLength: 4, maxLength: 8 }),
  action: Type.Enum([...SUBMISSION_ACTIONS]),
});
export const TransitionBody = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });

export const HistoryQuery = Type.Object(
  {
    element: Type.String({ minLength: 1 }),
    period: Type.String({ minLength: 4, maxLength: 8 }),
    org: Type.String({ minLength: 1 }),
    disagg: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const HistorySchema = Type.Object({
  entries: Type.Array(
    Type.Object({
      disagg: Type.String(),
      action: Type.Enum(['create', 'update', 'delete']),
      oldValue: Nullable(Type.Number()),
      newValue: Nullable(Type.Number()),
      oldComment: Nullable(Type.String()),
      newComment: Nullable(Type.String()),
      source: Type.Enum(['entry', 'import', 'api']),
      actor: Type.String(),
      actorName: Type.String(),
      at: Type.String(),
    }),
  ),
});

export const CompletenessQuery = Type.Object({ period: Type.String({ minLength: 4, maxLength: 8 }) }, { additionalProperties: false });
export const CompletenessSchema = Type.Object({
  form: Type.String(),
  period: Type.String(),
  due: Type.String(),
  summary: Type.Object({ units: Type.Integer(), onTime: Type.Integer(), late: Type.Integer(), overdue: Type.Integer(), notDue: Type.Integer(), approved: Type.Integer(), returned: Type.Integer() }),
  units: Type.Array(
    Type.Object({
      org: Type.String(),
      name: Type.String(),
      status: Type.Enum([...SUBMISSION_STATUSES]),
      timeliness: Type.Enum(['on_time', 'late', 'overdue', 'not_due']),
      submittedAt: Nullable(Type.String()),
      submittedBy: Nullable(Type.String()),
      reason: Nullable(Type.String()),
      /** Task reminders: the assignment to open (form and formName then hold the task code and title). */
      assignmentId: Type.Optional(Type.Integer()),
    }),
  ),
});

export const InboxSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: Type.Enum(['due', 'overdue', 'returned', 'to_approve', 'task_due_7', 'task_due_1', 'task_overdue', 'task_extension']),
      form: Type.String(),
      formName: Type.String(),
      org: Type.String(),
      orgName: Type.String(),
      period: Type.String(),
      due: Type.String(),
      reason: Nullable(Type.String()),
      /** Task reminders: the assignment to open (form and formName then hold the task code and title). */
      assignmentId: Type.Optional(Type.Integer()),
    }),
  ),
});
