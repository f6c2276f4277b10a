import type { Role } from '@vetplan/domain';
import type { Scope } from '../../shared/session/types.ts';

export interface User {
  username: string;
  displayName: string | null;
  /** Where reminders are e-mailed when the server sends mail. */
  email: string | null;
  role: Role;
  scope: Scope;
  disabled: boolean;
  /** An administrator set the password: the user must change it at the next login. */
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  /** Area or organisation code that scopes what the user sees and changes. */
  org: string;
  displayName?: string;
  /** Where reminders are e-mailed, when the server sends mail. */
  email?: string;
}

/** PATCH /api/users/{username}: only the fields sent change. */
export interface UserChanges {
  role?: Role;
  org?: string;
  displayName?: string | null;
  /** An empty string clears it. */
  email?: string;
  active?: boolean;
}
