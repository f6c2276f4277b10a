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
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: body.csrfToken };
}

/** Sends JSON as the session's user; GET sends no body. */
export function apiRequest(server: RunningServer, session: ApiSession, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrf },
    body: body === undefined ? null : JSON.stringify(body),
  });
}
