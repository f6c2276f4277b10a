import { Type } from 'typebox';

/** A schema that also accepts null. */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** An optional query parameter holding one code or a comma-separated list. */
export const CommaList = (description: string) =>
  Type.Optional(Type.String({ maxLength: 10_000, description: `${description}; a comma-separated list is allowed` }));

/** The codes of a comma-list parameter; null when it was not given. */
export const commaList = (value: string | undefined): string[] | null =>
  value === undefined
    ? null
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

/**
 * The id of a stored row in a path: a whole number from 1 up to the largest JavaScript keeps exactly ("1e309" is a number, Infinity, and
 * no id).
 */
export const RowId = (description = 'id') => Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description });
