import { Nullable } from '../../http/schema-helpers.ts';
import { CommaList } from '../../http/schema-helpers.ts';
import { Type } from 'typebox';

export const DataValuesQuery = Type.Object(
  {
    element: CommaList('Data element code(s)'),
    period: CommaList('Period code(s): 2025, 2025S1, 2025Q1, 202503'),
    org: CommaList('Area or organisation code(s); by default every unit in the caller’s scope'),
    format: Type.Optional(
      Type.Enum(['json', 'csv', 'dhis2'], { description: 'csv: the exchange format; dhis2: DHIS2’s dataValueSets JSON shape' }),
    ),
  },
  { additionalProperties: false },
);

export const DataValueRowSchema = Type.Object({
  element: Type.String(),
  period: Type.String(),
  org: Type.String(),
  disagg: Type.String(),
  value: Type.Number(),
  comment: Type.Union([Type.String(), Type.Null()]),
});

export const DataValuesResponse = Type.Object({ rows: Type.Array(DataValueRowSchema) });

export const ImportQuery = Type.Object(
  {
    mode: Type.Optional(
      Type.Enum(['atomic', 'partial'], { description: 'atomic (default): any bad row stores nothing; partial: the good rows are stored' }),
    ),
  },
  { additionalProperties: false },
);

const RowErrorSchema = Type.Object({
  row: Type.Integer(),
  column: Type.Union([Type.String(), Type.Null()]),
  message: Type.String(),
  messageEn: Type.String(),
});

export const ImportResponse = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  deleted: Type.Integer(),
  unchanged: Type.Integer(),
  errors: Type.Array(RowErrorSchema, { description: 'Rows not stored (partial mode): the first 1,000' }),
  errorCount: Type.Optional(Type.Integer({ description: 'How many errors in all (more than listed when over 1,000)' })),
});

const JsonRow = Type.Object({
  element: Type.Optional(Type.String()),
  period: Type.Optional(Type.String()),
  org: Type.Optional(Type.String()),
  disagg: Type.Optional(Type.String()),
  value: Type.Optional(Type.Union([Type.Number(), Type.String(), Type.Null()])),
  comment: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

/** The body as CSV or JSON; rows are checked one by one by the import, with row-level errors. */
export const ImportBody = {
  content: {
    'text/csv': { schema: Type.String({ description: 'Header element,period,org,disagg,value,comment; UTF-8, a BOM is accepted' }) },
    'application/json': { schema: Type.Array(Type.Unsafe<unknown>(JsonRow)) },
  },
};

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
