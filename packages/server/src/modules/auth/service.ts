import { isRole } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { recordAudit } from '../audit/audit.ts';
import { findUnit } from '../../access/units.ts';
import { findUserByUsername, type UserRow } from '../users/repository.ts';
import { forgiveAttempts, reserveAttempt, throttleLimits } from './login-throttle.ts';
import { verifyAgainstNothing, verifyPassword } from '../../access/passwords.ts';
import * as repo from './repository.ts';
import { hashSecret, newSecret } from '../../access/secrets.ts';
import { issueToken, TOKEN_DEFAULT_DAYS } from '../tokens/service.ts';

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/** Writes of "last seen" are skipped when the previous one is this recent. */
const TOUCH_INTERVAL_MS = 60_000;

async function toAuthContext(
  ctx: AppContext,
  user: UserRow,
  via: AuthContext['via'],
  session?: repo.SessionRow,
): Promise<AuthContext | null> {
  if (user.disabled_at !== null || !isRole(user.role)) return null;
  const scope = await findUnit(ctx.db, user.scope_code);
  if (!scope) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    scope,
    via,
    csrfToken: session?.csrf_token ?? null,
    sessionIdHash: session?.id_hash ?? null,
    mustChangePassword: user.must_change_password,
  };
}

export async function authenticateSession(ctx: AppContext, cookieValue: string): Promise<AuthContext | null> {
  const idHash = hashSecret(cookieValue);
  const found = await repo.findSessionWithUser(ctx.db, idHash);
  if (!found) return null;
  const now = ctx.now();
  const idleLimit = found.session.last_seen_at.getTime() + ctx.config.sessionIdleMinutes * 60_000;
  if (found.session.expires_at.getTime() <= now.getTime() || idleLimit <= now.getTime()) {
    await repo.deleteSession(ctx.db, idHash);
    return null;
  }
  if (now.getTime() - found.session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) await repo.touchSession(ctx.db, idHash, now);
  return toAuthContext(ctx, found.user, 'session', found.session);
}

export async function authenticateToken(ctx: AppContext, token: string): Promise<AuthContext | null> {
  const now = ctx.now();
  // Revoked and expired tokens are not found.
  const found = await repo.findTokenWithUser(ctx.db, hashSecret(token), now);
  if (!found) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > TOUCH_INTERVAL_MS)
    await repo.touchToken(ctx.db, found.tokenId, now);
  return toAuthContext(ctx, found.user, 'token');
}

/** The signed-in form of a user, for commands run on their behalf (the command line). */
export async function authContextFor(ctx: AppContext, username: string): Promise<AuthContext> {
  const user = await findUserByUsername(ctx.db, username);
  const auth = user ? await toAuthContext(ctx, user, 'token') : null;
  if (!auth) throw errors.notFound(`người dùng đang hoạt động "${username}"`, `Active user "${username}"`);
  return auth;
}

export interface LoginResult {
  cookieValue: string;
  maxAgeSeconds: number;
  auth: AuthContext;
}

export async function login(ctx: AppContext, username: string, password: string, client: ClientInfo): Promise<LoginResult> {
  // Counted before the password is checked: attempts sent at once cannot pass the limits together.
  const wait = await reserveAttempt(ctx.db, throttleLimits(ctx.config), username, client.ip, ctx.now());
  if (wait > 0) throw errors.tooManyAttempts(wait);

  const user = await findUserByUsername(ctx.db, username);
  const ok = user ? await verifyPassword(user.password_hash, password) : (await verifyAgainstNothing(password), false);
  if (!user || !ok || user.disabled_at !== null) {
    await recordAudit(ctx.db, { actor: username, action: 'login_failed', entity: 'user', entityKey: username, ip: client.ip });
    throw errors.invalidCredentials();
  }

  const cookieValue = newSecret();
  const now = ctx.now();
  const maxAgeSeconds = ctx.config.sessionMaxHours * 3600;
  const session = await ctx.db.transaction().execute(async (trx) => {
    await forgiveAttempts(trx, username, client.ip);
    const idHash = hashSecret(cookieValue);
    const csrfToken = newSecret();
    await repo.insertSession(trx, {
      idHash,
      userId: user.id,
      csrfToken,
      createdAt: now,
      expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000),
      ip: client.ip,
      userAgent: client.userAgent,
    });
    await repo.recordLogin(trx, user.id, now);
    await repo.deleteExpiredSessions(trx, now);
    await recordAudit(trx, { actor: user.username, action: 'login', entity: 'user', entityKey: user.username, ip: client.ip });
    return { id_hash: idHash, csrf_token: csrfToken } as repo.SessionRow;
  });
  const auth = await toAuthContext(ctx, user, 'session', session);
  if (!auth) throw errors.invalidCredentials();
  return { cookieValue, maxAgeSeconds, auth };
}

export async function logout(ctx: AppContext, auth: AuthContext, client: ClientInfo): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (auth.sessionIdHash) await repo.deleteSession(trx, auth.sessionIdHash);
    await recordAudit(trx, { actor: auth.username, action: 'logout', entity: 'user', entityKey: auth.username, ip: client.ip });
  });
}

/** Creates an API token for scripts (the command line); the token is shown once and stored only as a hash. */
export async function createApiToken(ctx: AppContext, username: string, name: string, days: number = TOKEN_DEFAULT_DAYS): Promise<string> {
  const user = await findUserByUsername(ctx.db, username);
  if (!user) throw errors.notFound(`người dùng "${username}"`, `User "${username}"`);
  if (user.disabled_at !== null) throw errors.conflict(`Người dùng "${username}" đã bị khóa.`, `User "${username}" is disabled.`);
  const issued = await issueToken(ctx, user, { name, expiresInDays: days }, { actor: 'cli', ip: null });
  return issued.token;
}
