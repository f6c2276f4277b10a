import { ROLES } from '@vetplan/domain';
import { Type, type Static } from 'typebox';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../access/password-policy.ts';

export const ScopeSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  type: Type.Enum(['area', 'organisation']),
});

export const UserSchema = Type.Object({
  username: Type.String(),
  displayName: Type.Union([Type.String(), Type.Null()]),
  /** Where reminders are e-mailed when the server has SMTP_URL. */
  email: Type.Union([Type.String(), Type.Null()]),
  role: Type.Enum([...ROLES]),
  scope: ScopeSchema,
  disabled: Type.Boolean(),
  /** An administrator set the password: the user must change it at the next login. */
  mustChangePassword: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type UserDto = Static<typeof UserSchema>;

/** An e-mail address, or "" for none: where reminders are e-mailed. Checked by the same rule for the API and the command line. */
export const EMAIL_PATTERN = /^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const Email = Type.String({
  maxLength: 254,
  pattern: EMAIL_PATTERN.source,
  hintVi: 'phải là một địa chỉ thư điện tử, ví dụ lan@ldtbxh.vn',
  hintEn: 'must be an e-mail address, e.g. lan@ldtbxh.vn',
});

export const CreateUserBody = Type.Object(
  {
    username: Type.String({
      minLength: 3,
      maxLength: 64,
      pattern: '^[a-z0-9][a-z0-9._-]*$',
      hintVi: 'chỉ gồm chữ thường không dấu, chữ số và các dấu . _ - (ví dụ: lan.ldtbxh)',
      hintEn: 'may hold only lower-case letters without diacritics, digits and . _ - (e.g. lan.ldtbxh)',
    }),
    // Also checked against the common passwords and context words (auth/password-policy.ts) by createUser.
    password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
    role: Type.Enum([...ROLES]),
    org: Type.String({ minLength: 1, maxLength: 64 }),
    displayName: Type.Optional(Type.String({ maxLength: 200 })),
    /** The command line's name for displayName (`vetplan user add --name`); displayName wins when both are sent. */
    name: Type.Optional(Type.String({ maxLength: 200 })),
    /** An empty string is no address. */
    email: Type.Optional(Email),
  },
  { additionalProperties: false },
);
export type CreateUserInput = Static<typeof CreateUserBody>;

export const UsernameParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }) });

export const UserListSchema = Type.Object({ users: Type.Array(UserSchema) });

export const UpdateUserBody = Type.Object(
  {
    role: Type.Optional(Type.Enum([...ROLES])),
    org: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    displayName: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    /** An empty string clears it. */
    email: Type.Optional(Email),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateUserInput = Static<typeof UpdateUserBody>;

export const ResetPasswordBody = Type.Object(
  // Also checked against the common passwords and context words (auth/password-policy.ts).
  { password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }) },
  { additionalProperties: false },
);
