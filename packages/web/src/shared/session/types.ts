import type { Role } from '@vetplan/domain';

export type ScopeType = 'area' | 'organisation';

export interface Scope {
  code: string;
  name: string;
  type: ScopeType;
}

export interface SessionUser {
  username: string;
  displayName: string | null;
  role: Role;
  scope: Scope;
}

export interface Me {
  user: SessionUser;
  /** Null for token (non-cookie) sessions, which need none. */
  csrfToken: string | null;
  /** An administrator set the password: the app shows only the password change until it is done. */
  mustChangePassword: boolean;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export interface Credentials {
  username: string;
  password: string;
}
