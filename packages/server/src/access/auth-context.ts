import type { Role } from '@vetplan/domain';
import type { Unit } from './units.ts';

/** The signed-in user behind a request. */
export interface AuthContext {
  userId: number;
  username: string;
  displayName: string | null;
  role: Role;
  scope: Unit;
  via: 'session' | 'token';
  /** Set for cookie sessions: writes must echo it in X-CSRF-Token. */
  csrfToken: string | null;
  sessionIdHash: string | null;
  /** An administrator set the password: only the password change, `me` and logout are open until it is changed. */
  mustChangePassword?: boolean;
}
