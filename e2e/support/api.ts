import { expect } from 'vitest';
import type { RunningServer } from './server.ts';

/** A session through the API (cookie + CSRF header), as a script would use it. */
export interface ApiSession {
  cookie: string;
  csrf: string;
}

export async function apiLogin(server: RunningServer, username = 'admin', password = server.adminPassword): Promise<ApiSession> {
  const response = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.csrfToken };
}

/** Sends JSON as the session's user; GET sends no body. */
export function apiRequest(
  server: RunningServer,
  session: ApiSession,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrf },
    body: body === undefined ? null : JSON.stringify(body),
  });
}

/** Creates a user as the admin of the app under test (the setup of a scenario's persona). */
export async function createUserAsAdmin(
  server: RunningServer,
  user: { username: string; password: string; role: string; org: string; displayName?: string },
): Promise<void> {
  const admin = await apiLogin(server);
  const created = await apiRequest(server, admin, 'POST', '/api/users', user);
  expect(created.status, await created.clone().text()).toBe(201);
}
