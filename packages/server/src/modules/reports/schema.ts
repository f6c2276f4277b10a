import { Type, type Static } from 'typebox';
import { Nullable, RowId } from '../../http/schema-helpers.ts';

const Code = (description: string) => Type.String({ minLength: 1, maxLength: 64, description });
const PeriodCode = Type.String({ minLength: 4, maxLength: 8, description: 'A half-year (2025S1) or a year (2025)' });

export const ReportKeyFields = {
  type: Type.Enum(['plan-progress'], { description: 'The 6-month or annual report on implementing a plan' }),
  plan: Code('Plan code'),
  org: Code('The reporting unit: an area (reported by its People’s Committee) or an organisation'),
  period: PeriodCode,
};

export const REPORT_FORMATS = ['docx', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Without `org`, the report is the user's own unit's; for a user scoped above the plan's area (the nation's administrator), the plan's
 * area's.
 */
const DefaultedOrg = Type.Optional(Code('The reporting unit; absent: the user’s own unit, or the plan’s area for a user scoped above it'));

export const ExportBody = Type.Object(
  { ...ReportKeyFields, org: DefaultedOrg, format: Type.Enum([...REPORT_FORMATS]) },
  { additionalProperties: false },
);
export type ExportBody = Static<typeof ExportBody>;

export const PreviewQuery = Type.Object(
  { type: Type.Optional(ReportKeyFields.type), plan: ReportKeyFields.plan, org: DefaultedOrg, period: ReportKeyFields.period },
  { additionalProperties: false },
);

const Paragraphs = Type.Array(Type.String({ maxLength: 20_000 }), { maxItems: 200 });

export const DraftBody = Type.Object(
  {
    ...ReportKeyFields,
    /** The version the user edited; a newer stored draft answers 409. Absent for the first save. */
    baseVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
    sections: Type.Object(
      {
        general: Type.Optional(Paragraphs),
        difficulties: Type.Optional(Paragraphs),
        proposals: Type.Optional(Paragraphs),
        nextTasks: Type.Optional(Paragraphs),
        recipients: Type.Optional(Paragraphs),
      },
      { additionalProperties: false, description: 'Paragraphs per narrative section; an empty list goes back to the computed text' },
    ),
  },
  { additionalProperties: false },
);
export type DraftBody = Static<typeof DraftBody>;

export const ExportListQuery = Type.Object(
  { plan: Type.Optional(ReportKeyFields.plan), org: Type.Optional(ReportKeyFields.org), period: Type.Optional(ReportKeyFields.period) },
  { additionalProperties: false },
);

export const ExportSchema = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  plan: Type.String(),
  org: Type.String(),
  period: Type.String(),
  format: Type.Enum([...REPORT_FORMATS]),
  fileName: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  draftVersion: Nullable(Type.Integer()),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ExportDto = Static<typeof ExportSchema>;

export const ExportParams = Type.Object({ id: RowId() });

const Narrative = Type.Object({
  heading: Type.String(),
  paragraphs: Type.Array(Type.String()),
  source: Type.Enum(['computed', 'draft']),
  computed: Type.Array(Type.String()),
});

/** The report model (see model.ts) as the preview answers it. */
export const ReportModelSchema = Type.Object({
  type: Type.Literal('plan-progress'),
  plan: Type.Object({ code: Type.String(), reference: Type.String() }),
  org: Type.Object({ code: Type.String(), name: Type.String() }),
  period: Type.Object({ code: Type.String(), label: Type.String(), nextLabel: Type.String(), year: Type.Integer() }),
  header: Type.Object({
    parentBody: Nullable(Type.String()),
    body: Type.Array(Type.String()),
    nationalName: Type.String(),
    motto: Type.String(),
    number: Type.String(),
    placeDate: Type.String(),
  }),
  docType: Type.String(),
  summary: Type.String(),
  intro: Type.String(),
  general: Narrative,
  results: Type.Object({
    heading: Type.String(),
    targetsHeading: Type.String(),
    targetsIntro: Type.String(),
    tableHeader: Type.Array(Type.String()),
    tableRows: Type.Array(Type.Array(Type.String())),
    tasksHeading: Type.String(),
  }),
  targets: Type.Array(
    Type.Object({
      indicator: Type.String(),
      name: Type.String(),
      wording: Type.String(),
      targetText: Type.String(),
      horizon: Type.Integer(),
      value: Nullable(Type.Number()),
      valueText: Type.String(),
      valueYear: Nullable(Type.Integer()),
      status: Type.String(),
      statusText: Type.String(),
      sentence: Type.String(),
    }),
  ),
  taskGroups: Type.Array(
    Type.Object({
      code: Type.String(),
      title: Type.String(),
      heading: Type.String(),
      tasks: Type.Array(
        Type.Object({
          code: Type.String(),
          title: Type.String(),
          lead: Type.Array(Type.String()),
          coordinating: Type.Array(Type.String()),
          narrative: Type.Array(Type.String()),
          lines: Type.Array(Type.Object({ kind: Type.Enum(['title', 'text']), text: Type.String() })),
          instances: Type.Array(
            Type.Object({
              org: Type.String(),
              orgName: Type.String(),
              role: Type.Enum(['lead', 'coordinating']),
              period: Type.String(),
              dueOn: Type.String(),
              status: Type.String(),
              statusText: Type.String(),
              percent: Nullable(Type.Integer()),
              done: Type.String(),
              results: Type.String(),
            }),
          ),
        }),
      ),
    }),
  ),
  difficulties: Narrative,
  proposals: Narrative,
  nextTasks: Narrative,
  closing: Type.String(),
  signature: Type.Object({
    authority: Nullable(Type.String()),
    delegation: Nullable(Type.String()),
    title: Type.String(),
    name: Type.String(),
  }),
  recipients: Type.Array(Type.String()),
  communeTable: Type.Object({
    periods: Type.Array(Type.String()),
    rows: Type.Array(
      Type.Object({
        indicator: Type.String(),
        indicatorName: Type.String(),
        org: Type.String(),
        orgName: Type.String(),
        total: Type.Boolean(),
        values: Type.Array(Nullable(Type.Number())),
        provisional: Type.Array(Type.Boolean()),
      }),
    ),
  }),
  draftVersion: Nullable(Type.Integer()),
});
