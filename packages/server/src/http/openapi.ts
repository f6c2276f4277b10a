import { Type } from 'typebox';

export const ErrorDetailSchema = Type.Object({
  path: Type.String(),
  message: Type.String(),
  messageEn: Type.String(),
});

/** The body of every error answer. */
export const ErrorSchema = Type.Object(
  {
    error: Type.String({ description: 'Stable machine id, e.g. validation_error, unauthorized, forbidden, not_found, conflict' }),
    message: Type.String({ description: 'Message in Vietnamese' }),
    messageEn: Type.String({ description: 'Message in English' }),
    details: Type.Optional(Type.Array(ErrorDetailSchema)),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          row: Type.Integer({ description: 'Row of the file; 1 is the first data row, 0 the header' }),
          column: Type.Union([Type.String(), Type.Null()]),
          message: Type.String(),
          messageEn: Type.String(),
          sheet: Type.Optional(Type.String({ description: 'For Excel uploads: the sheet' })),
          cell: Type.Optional(Type.String({ description: 'For Excel uploads: the cell, e.g. E8' })),
        }),
        { description: 'Every bad row of a rejected import' },
      ),
    ),
    errorCount: Type.Optional(
      Type.Integer({ description: 'With a rejected import: how many errors in all (errors lists the first 1,000)' }),
    ),
    undo: Type.Optional(
      Type.Union([Type.Literal('nothing_written'), Type.Literal('undone'), Type.Literal('pending')], {
        description:
          'With 503 database_unavailable from an import: whether what it had written is undone, or is undone once the database is back',
      }),
    ),
    database: Type.Optional(
      Type.String({
        description: 'With 503 database_unavailable from GET /api/health: the database that does not answer, postgres or pglite',
      }),
    ),
    current: Type.Optional(
      Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], {
        description: 'The stored value a stale write (409 stale_write) would have overwritten',
      }),
    ),
  },
  { $id: 'Error' },
);

const ref = Type.Unsafe<{ error: string; message: string; messageEn: string }>({ $ref: 'Error#' });

/** The error answers every route may give, for the OpenAPI document and serialisation. */
export const ErrorResponses = {
  400: ref,
  401: ref,
  403: ref,
  404: ref,
  409: ref,
  413: ref,
  415: ref,
  422: ref,
  429: ref,
  500: ref,
  503: ref,
} as const;

export const OPENAPI_INFO = {
  openapi: '3.0.3',
  info: {
    title: 'vetplan API',
    version: '0.1.0',
    description:
      'vetplan runs a vocational education (GDNN) plan end to end. Authenticate with the session cookie from POST /api/auth/login ' +
      '(writes then need the X-CSRF-Token header) or with `Authorization: Bearer <token>` from `vetplan token create`.',
  },
  components: {
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: 'vetplan_session' },
      bearer: { type: 'http', scheme: 'bearer' },
    },
  },
  security: [{ session: [] }, { bearer: [] }],
} as const;
