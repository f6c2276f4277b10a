import { COMPARATORS, PROVISIONAL_REASONS, PROGRESS_STATUSES } from '@vetplan/domain';
import { Nullable } from '../../http/schema-helpers.ts';
import { Type, type Static } from 'typebox';

const CodeName = Type.Object({ code: Type.String(), name: Type.String() });

export const PlanSummarySchema = Type.Object({
  code: Type.String(),
  docType: Type.String(),
  number: Nullable(Type.String()),
  symbol: Type.String(),
  title: Type.String(),
  issuedOn: Nullable(Type.String()),
  issuedOnPrecision: Type.Enum(['day', 'month', 'year']),
  issuer: CodeName,
  area: CodeName,
});
export type PlanSummary = Static<typeof PlanSummarySchema>;

export const TargetSchema = Type.Object({
  indicator: Type.String(),
  year: Type.Integer(),
  comparator: Type.Enum([...COMPARATORS]),
  value: Type.Number(),
  valueUpper: Nullable(Type.Number()),
  tolerance: Nullable(Type.Number()),
  wording: Type.String(),
  wordingEn: Nullable(Type.String()),
});

export const TaskSchema = Type.Object({
  code: Type.String(),
  group: Type.String(),
  section: Type.String(),
  title: Type.String(),
  titleEn: Nullable(Type.String()),
  content: Type.String(),
  lead: Type.Array(Type.String(), { description: 'Organisation codes of the lead agencies (groups expanded)' }),
  coordinating: Type.Array(Type.String(), { description: 'Organisation codes of the coordinating agencies (groups expanded)' }),
  leadGroups: Type.Array(Type.String()),
  coordinatingGroups: Type.Array(Type.String()),
  leadText: Nullable(Type.String()),
  coordinatingText: Nullable(Type.String()),
  recurrence: Type.Enum(['continuous', 'yearly', 'six_monthly', 'once']),
  reporting: Nullable(Type.String()),
});

export const PlanSchema = Type.Object({
  code: Type.String(),
  docType: Type.String(),
  number: Nullable(Type.String()),
  symbol: Type.String(),
  title: Type.String(),
  titleEn: Nullable(Type.String()),
  issuedOn: Nullable(Type.String()),
  issuedOnPrecision: Type.Enum(['day', 'month', 'year']),
  place: Type.String(),
  issuer: CodeName,
  area: CodeName,
  signer: Type.Object({ name: Type.String(), title: Type.String(), authority: Type.String(), delegation: Nullable(Type.String()) }),
  horizons: Type.Array(Type.Integer()),
  basis: Type.Array(
    Type.Object({
      code: Type.String(),
      number: Type.String(),
      docType: Type.String(),
      title: Type.String(),
      issuedOn: Nullable(Type.String()),
      issuer: Type.String(),
      relation: Type.Enum(['implements', 'guidance']),
      parent: Nullable(Type.String()),
    }),
  ),
  purposes: Type.Array(Type.String()),
  requirements: Type.Array(Type.String()),
  generalObjective: Type.String(),
  indicators: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      nameEn: Nullable(Type.String()),
      formula: Type.String(),
      unit: Type.Enum(['percent', 'count']),
      unitLabel: Nullable(Type.String()),
      unitLabelEn: Nullable(Type.String()),
      decimals: Type.Integer(),
      externalCodes: Type.Record(Type.String(), Type.String()),
    }),
  ),
  targets: Type.Array(TargetSchema),
  taskGroups: Type.Array(Type.Object({ code: Type.String(), title: Type.String(), titleEn: Nullable(Type.String()) })),
  tasks: Type.Array(TaskSchema),
  groups: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()), members: Type.Array(Type.String()) }),
  ),
  organisations: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), shortName: Nullable(Type.String()), nameEn: Nullable(Type.String()) }),
  ),
  rules: Type.Array(
    Type.Object({
      code: Type.String(),
      kind: Type.Enum(['accountability', 'evaluation', 'reporting']),
      text: Type.String(),
      textEn: Nullable(Type.String()),
      evaluation: Type.Boolean(),
      from: Type.Array(Type.String()),
      to: Type.Array(Type.String()),
      via: Nullable(Type.String()),
      frequency: Nullable(Type.String()),
    }),
  ),
  recipients: Type.Array(Type.String()),
});
export type PlanDto = Static<typeof PlanSchema>;

export const PlanParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });

export const ProgressQuery = Type.Object(
  {
    org: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'Area or organisation; the plan’s area (or the caller’s own) by default' }),
    ),
    period: Type.Optional(Type.String({ minLength: 4, maxLength: 8, description: 'As of this period; the current year by default' })),
  },
  { additionalProperties: false },
);

const YearValueSchema = Type.Object({ year: Type.Integer(), value: Type.Number() });

export const ProgressSchema = Type.Object({
  rows: Type.Array(
    Type.Object({
      indicator: Type.String(),
      year: Type.Integer(),
      comparator: Type.Enum([...COMPARATORS]),
      target: Type.Number(),
      targetUpper: Nullable(Type.Number()),
      tolerance: Nullable(Type.Number()),
      value: Nullable(Type.Number()),
      valueYear: Nullable(Type.Integer()),
      status: Type.Enum([...PROGRESS_STATUSES]),
      baseline: Nullable(YearValueSchema),
      trajectory: Nullable(Type.Number()),
      gap: Nullable(Type.Number()),
      projection: Nullable(Type.Number()),
      neededPerYear: Nullable(Type.Number()),
      series: Type.Array(YearValueSchema, { description: 'Final yearly values only' }),
      provisional: Nullable(
        Type.Object(
          {
            year: Type.Integer(),
            value: Type.Number(),
            reportingUnits: Type.Integer(),
            expectedUnits: Type.Integer(),
            reason: Type.Enum([...PROVISIONAL_REASONS]),
          },
          { description: 'The latest later year not yet final (tạm tính), never the current value' },
        ),
      ),
    }),
  ),
});
