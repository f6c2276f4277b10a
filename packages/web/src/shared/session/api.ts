import { ROLES } from '@vetplan/domain';
import { apiRequest, apiSend } from '../../api/client.ts';
import { asObject, oneOf, str, strOrNull, type Json } from '../../api/decode.ts';
import { isApiError } from '../../api/errors.ts';
import type { Credentials, Me, PasswordChange, Scope } from './types.ts';

export function mapScope(value: unknown, path: string): Scope {
  const o = asObject(value, path);
  return { code: str(o, 'code', path), name: str(o, 'name', path), type: oneOf(o, 'type', ['area', 'organisation'], path) };
}

export function mapMe(body: Json): Me {
  const user = asObject(body.user, 'me.user');
  return {
    user: {
      username: str(user, 'username', 'me.user'),
      displayName: strOrNull(user, 'displayName', 'me.user'),
      role: oneOf(user, 'role', ROLES, 'me.user'),
      scope: mapScope(user.scope, 'me.user.scope'),
    },
    csrfToken: strOrNull(body, 'csrfToken', 'me'),
    // Older answers (a cached session) have no flag: nothing to change.
    mustChangePassword: body.mustChangePassword === true,
  };
}

/** The current session, or null when there is none (401). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const body = await apiRequest('/api/auth/me', signal ? { signal } : {});
    return mapMe(asObject(body, 'me'));
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function login(credentials: Credentials): Promise<Me> {
  return apiSend('POST', '/api/auth/login', credentials, mapMe);
}

export function changePassword(change: PasswordChange): Promise<Me> {
  return apiSend('POST', '/api/auth/password', change, mapMe);
}

export async function logout(): Promise<void> {
  await apiRequest('/api/auth/logout', { method: 'POST' });
}
