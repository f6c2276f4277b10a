import { TASK_RECURRENCES, TASK_REPORT_STATUSES, TASK_REPORTING, TASK_STATUSES } from '@vetplan/domain';
import { Type, type Static } from 'typebox';
import { Nullable, RowId } from '../../http/schema-helpers.ts';

const Day = (description: string) => Type.String({ format: 'date', description });
const Text = (max: number) => Type.String({ maxLength: max });

export const AssignmentSchema = Type.Object({
  id: Type.Integer(),
  plan: Type.String(),
  task: Type.String(),
  title: Type.String(),
  titleEn: Nullable(Type.String()),
  group: Type.String(),
  org: Type.String(),
  orgName: Type.String(),
  role: Type.Enum(['lead', 'coordinating']),
  period: Type.String(),
  dueOn: Type.String(),
  extendedTo: Nullable(Type.String()),
  status: Type.Enum([...TASK_STATUSES]),
  percent: Nullable(Type.Integer()),
  reportedAt: Nullable(Type.String()),
  extension: Nullable(Type.Enum(['pending', 'approved', 'refused'])),
  canReport: Type.Boolean(),
  own: Type.Boolean({ description: "The user's own unit: their scope itself, or the People's Committee of the area they are scoped to" }),
});
export type AssignmentDto = Static<typeof AssignmentSchema>;

export const AssignmentListQuery = Type.Object(
  {
    plan: Type.String({ minLength: 1, maxLength: 64 }),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'periods of this year (default: the current year)' })),
    org: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'one unit (must be in the caller’s scope)' })),
    status: Type.Optional(Type.Enum([...TASK_STATUSES])),
  },
  { additionalProperties: false },
);
export const AssignmentListSchema = Type.Object({ year: Type.Integer(), today: Type.String(), assignments: Type.Array(AssignmentSchema) });

export const IdParams = Type.Object({ id: RowId() });

const ReportSchema = Type.Object({
  id: Type.Integer(),
  status: Type.Enum([...TASK_REPORT_STATUSES]),
  percent: Type.Integer(),
  doneText: Type.String(),
  resultsText: Type.String(),
  difficultiesText: Type.String(),
  proposalsText: Type.String(),
  completedOn: Nullable(Type.String()),
  reportedBy: Type.String(),
  reportedByName: Type.String(),
  reportedAt: Type.String(),
});
const EvidenceSchema = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  mimeType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Type.String(),
  uploadedAt: Type.String(),
});
const ExtensionSchema = Type.Object({
  requestedTo: Type.String(),
  reason: Type.String(),
  requestedBy: Type.String(),
  requestedByName: Type.String(),
  requestedAt: Type.String(),
  status: Type.Enum(['pending', 'approved', 'refused']),
  decidedBy: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
});

export const AssignmentDetailSchema = Type.Object({
  assignment: AssignmentSchema,
  task: Type.Object({
    code: Type.String(),
    section: Type.String(),
    content: Type.String(),
    leadText: Nullable(Type.String()),
    coordinatingText: Nullable(Type.String()),
    recurrence: Type.String(),
    reporting: Nullable(Type.String()),
  }),
  indicators: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      nameEn: Nullable(Type.String()),
      targetText: Nullable(Type.String()),
      valueText: Nullable(Type.String()),
      year: Nullable(Type.Integer()),
      comparator: Nullable(Type.String()),
      target: Nullable(Type.Number()),
      value: Nullable(Type.Number()),
      valueYear: Nullable(Type.Integer()),
      status: Type.String(),
    }),
  ),
  reports: Type.Array(ReportSchema),
  evidence: Type.Array(EvidenceSchema),
  extension: Nullable(ExtensionSchema),
  history: Type.Array(
    Type.Object({
      kind: Type.String(),
      actor: Type.String(),
      actorName: Type.String(),
      at: Type.String(),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
  canApproveExtension: Type.Boolean(),
});

export const ProgressBody = Type.Object(
  {
    status: Type.Enum([...TASK_REPORT_STATUSES]),
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
    doneText: Type.Optional(Text(10_000)),
    resultsText: Type.Optional(Text(10_000)),
    difficultiesText: Type.Optional(Text(10_000)),
    proposalsText: Type.Optional(Text(10_000)),
    completedOn: Type.Optional(Nullable(Day('the day the task was done (default: today)'))),
  },
  { additionalProperties: false },
);
export type ProgressInput = Static<typeof ProgressBody>;

export const ExtensionBody = Type.Object(
  { requestedTo: Day('the new due date asked for'), reason: Text(2000) },
  { additionalProperties: false },
);
export const DecisionBody = Type.Object(
  { decision: Type.Enum(['approve', 'refuse']), note: Type.Optional(Text(2000)) },
  { additionalProperties: false },
);

export const EvidenceQuery = Type.Object({ name: Type.String({ minLength: 1, maxLength: 255 }) }, { additionalProperties: false });
export const EvidenceParams = Type.Object({ id: RowId() });
export { EvidenceSchema };

export const NewTaskBody = Type.Object(
  {
    plan: Type.String({ minLength: 1, maxLength: 64 }),
    group: Type.String({ minLength: 1, maxLength: 16 }),
    title: Type.String({ minLength: 1, maxLength: 500 }),
    content: Type.Optional(Text(20_000)),
    lead: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 50 }),
    coordinating: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 })),
    startOn: Day('first day of the task'),
    recurrence: Type.Enum([...TASK_RECURRENCES]),
    reporting: Type.Optional(Nullable(Type.Enum([...TASK_REPORTING]))),
    dueOn: Type.Optional(Nullable(Day('the due date of a one-off task'))),
  },
  { additionalProperties: false },
);
export type NewTaskInput = Static<typeof NewTaskBody>;
export const NewTaskResponse = Type.Object({ code: Type.String(), assignments: Type.Integer() });

// --- evaluation ---

const ScoredItemSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  status: Type.String(),
  points: Nullable(Type.Number()),
  weight: Type.Number(),
});
export const ScorecardSchema = Type.Object({
  plan: Type.String(),
  org: Type.String(),
  orgName: Type.String(),
  year: Type.Integer(),
  parts: Type.Array(
    Type.Object({
      part: Type.Enum(['tasks', 'indicators', 'reports']),
      weight: Type.Number(),
      share: Type.Number(),
      sharePercent: Type.Number({ description: 'The share shown, a percentage with two decimals; the parts add up to exactly 100' }),
      score: Nullable(Type.Number()),
      contribution: Type.Number({ description: 'sharePercent × score / 100, exactly; the contributions add up to sum' }),
      items: Type.Array(ScoredItemSchema),
    }),
  ),
  sum: Nullable(Type.Number({ description: 'The contributions added up, unrounded; computed is this rounded to one decimal' })),
  computed: Nullable(Type.Number()),
  adjustments: Type.Array(Type.Object({ delta: Type.Number(), reason: Type.String(), by: Type.String(), at: Type.String() })),
  total: Nullable(Type.Number()),
  rating: Nullable(Type.Enum(['excellent', 'good', 'pass', 'fail'])),
  rules: Type.Record(Type.String(), Type.Number()),
});
export const ScorecardQuery = Type.Object(
  {
    plan: Type.String({ minLength: 1, maxLength: 64 }),
    org: Type.String({ minLength: 1, maxLength: 64 }),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  },
  { additionalProperties: false },
);
export const RankingQuery = Type.Object(
  { plan: Type.String({ minLength: 1, maxLength: 64 }), year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);
const RankRow = Type.Object({
  org: Type.String(),
  orgName: Type.String(),
  computed: Nullable(Type.Number()),
  total: Nullable(Type.Number()),
  rating: Nullable(Type.String()),
  rank: Nullable(Type.Integer()),
});
export const RankingSchema = Type.Object({ year: Type.Integer(), agencies: Type.Array(RankRow), communes: Type.Array(RankRow) });
export const AdjustBody = Type.Object(
  {
    plan: Type.String({ minLength: 1, maxLength: 64 }),
    org: Type.String({ minLength: 1, maxLength: 64 }),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    delta: Type.Number({ minimum: -100, maximum: 100 }),
    reason: Text(2000),
  },
  { additionalProperties: false },
);
