import { ROLES } from '@vetplan/domain';
import { Type } from 'typebox';
import { ScopeSchema } from '../users/schema.ts';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const MeSchema = Type.Object({
  user: Type.Object({
    username: Type.String(),
    displayName: Type.Union([Type.String(), Type.Null()]),
    role: Type.Enum([...ROLES]),
    scope: ScopeSchema,
  }),
  csrfToken: Type.Union([Type.String(), Type.Null()], { description: 'Send it as X-CSRF-Token on writes made with the session cookie' }),
});
