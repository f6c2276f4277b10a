import { setCsrfToken } from '../../api/client.ts';
import { clearOfflineData } from '../offline/offlineCaches.ts';
import type { Me } from './types.ts';

/**
 * The session cookie is HttpOnly, so the page cannot see it. A small hint in
 * localStorage says whether a session probably exists: without it the app
 * goes straight to the login page instead of asking /api/auth/me for a 401.
 */
const HINT_KEY = 'vetplan.session';

export function hasSessionHint(): boolean {
  try {
    return window.localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return true;
  }
}

export function rememberSession(me: Me): void {
  setCsrfToken(me.csrfToken);
  try {
    window.localStorage.setItem(HINT_KEY, '1');
  } catch {
    // No storage: /api/auth/me is asked on every start instead.
  }
}

/** Ends the session on this page: the CSRF token, the hint and the API answers kept for offline use. */
export function forgetSession(): void {
  setCsrfToken(null);
  void clearOfflineData();
  try {
    window.localStorage.removeItem(HINT_KEY);
  } catch {
    // Nothing stored.
  }
}
