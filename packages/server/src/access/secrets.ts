import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie, an API token or a CSRF token. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256: a stolen database does not yield live sessions. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A password that is printed once for the first administrator. */
export function newPassword(): string {
  return randomBytes(12).toString('base64url');
}
