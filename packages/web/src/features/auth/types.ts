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
}

export interface Credentials {
  username: string;
  password: string;
}
