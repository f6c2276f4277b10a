import { PERIOD_TYPES, VALUE_TYPES } from '@vetplan/domain';
import { Nullable } from '../../http/schema-helpers.ts';
import { Type, type Static } from 'typebox';

export const DimensionSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  values: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()) })),
});

export const DataElementSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  description: Nullable(Type.String()),
  valueType: Type.Enum([...VALUE_TYPES]),
  aggregation: Type.Enum(['sum', 'last']),
  periodType: Type.Enum([...PERIOD_TYPES]),
  dimensions: Type.Array(Type.Object({ dimension: Type.String(), values: Type.Array(Type.String()) })),
});
export type DataElementDto = Static<typeof DataElementSchema>;

export const CreateDataElementBody = Type.Object(
  {
    code: Type.String({
      pattern: '^DE_[A-Z0-9_]+$',
      maxLength: 64,
      hintVi: 'phải bắt đầu bằng DE_ và chỉ gồm chữ in hoa không dấu, chữ số và dấu _ (ví dụ DE_LABOUR_JOBS)',
      hintEn: 'must start with DE_ and hold only capitals, digits and _ (e.g. DE_LABOUR_JOBS)',
    }),
    name: Type.String({ minLength: 1, maxLength: 300 }),
    nameEn: Type.Optional(Type.String({ maxLength: 300 })),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    valueType: Type.Enum([...VALUE_TYPES]),
    aggregation: Type.Enum(['sum', 'last']),
    periodType: Type.Enum([...PERIOD_TYPES]),
    dimensions: Type.Array(
      Type.Object(
        {
          dimension: Type.String({ minLength: 1, maxLength: 64 }),
          values: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 8 },
    ),
  },
  { additionalProperties: false },
);
export type CreateDataElementInput = Static<typeof CreateDataElementBody>;
