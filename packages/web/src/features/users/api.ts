import { ROLES } from '@vetplan/domain';
import { apiGet, apiSend } from '../../api/client.ts';
import { asObject, bool, list, oneOf, str, strOrNull, type Json } from '../../api/decode.ts';
import { mapScope } from '../../shared/session/api.ts';
import type { NewUser, User, UserChanges } from './types.ts';

function mapUser(value: unknown, path: string): User {
  const o = asObject(value, path);
  return {
    username: str(o, 'username', path),
    displayName: strOrNull(o, 'displayName', path),
    email: o.email === undefined ? null : strOrNull(o, 'email', path),
    role: oneOf(o, 'role', ROLES, path),
    scope: mapScope(o.scope, `${path}.scope`),
    disabled: bool(o, 'disabled', path),
    mustChangePassword: o.mustChangePassword === true,
    createdAt: str(o, 'createdAt', path),
    lastLoginAt: strOrNull(o, 'lastLoginAt', path),
  };
}

const mapOneUser = (o: Json): User => mapUser(o, 'user');

export function fetchUsers(signal?: AbortSignal): Promise<User[]> {
  return apiGet('/api/users', (o) => list(o, 'users', mapUser, 'users'), signal);
}

export function createUser(user: NewUser): Promise<User> {
  return apiSend('POST', '/api/users', user, mapOneUser);
}

export function setUserDisabled(username: string, disabled: boolean): Promise<User> {
  const action = disabled ? 'disable' : 'enable';
  return apiSend('POST', `/api/users/${encodeURIComponent(username)}/${action}`, undefined, mapOneUser);
}

export function updateUser(username: string, changes: UserChanges): Promise<User> {
  return apiSend('PATCH', `/api/users/${encodeURIComponent(username)}`, changes, mapOneUser);
}

export function resetPassword(username: string, password: string): Promise<User> {
  return apiSend('POST', `/api/users/${encodeURIComponent(username)}/password`, { password }, mapOneUser);
}
