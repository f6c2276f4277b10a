import { Type, type Static } from 'typebox';

export const TOKEN_MAX_DAYS = 365;

export const TokenSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  username: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  expired: Type.Boolean(),
});
export type TokenDto = Static<typeof TokenSchema>;

export const TokenListSchema = Type.Object({ tokens: Type.Array(TokenSchema) });

export const CreatedTokenSchema = Type.Object({
  ...TokenSchema.properties,
  token: Type.String({ description: 'The secret, shown this once: send it as Authorization: Bearer <token>' }),
});

export const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: TOKEN_MAX_DAYS, description: 'Default 90' })),
  },
  { additionalProperties: false },
);
export type CreateTokenInput = Static<typeof CreateTokenBody>;

export const TokenListQuery = Type.Object(
  {
    username: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'Another user’s tokens (administrators, within their scope)' }),
    ),
  },
  { additionalProperties: false },
);

export const TokenIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
