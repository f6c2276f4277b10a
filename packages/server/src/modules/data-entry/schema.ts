import { Type, type Static } from 'typebox';
import { Nullable } from '../../http/schema-helpers.ts';
import { COMMENT_MAX_LENGTH } from '../data-values/validate.ts';
import { CellSchema, ViolationSchema } from '../forms/schema.ts';

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
