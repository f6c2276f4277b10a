import { ROLES } from '@vetplan/domain';
import { Type } from 'typebox';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../access/password-policy.ts';
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
  mustChangePassword: Type.Boolean({
    description:
      'An administrator set the password: every route but this one, POST /api/auth/password and logout answers 403 ' +
      'password_change_required until it is changed',
  }),
});

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    // Also checked against the common passwords and context words (password-policy.ts).
    newPassword: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
