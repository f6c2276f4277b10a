import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { findUserById, setPassword } from '../users/repository.ts';
import { forgiveAttempts, reserveAttempt, throttleLimits } from './login-throttle.ts';
import { passwordProblem } from '../../access/password-policy.ts';
import { hashPassword, verifyPassword } from '../../access/passwords.ts';
import * as repo from './repository.ts';
import type { ClientInfo } from './service.ts';
import type { AuthContext } from '../../access/auth-context.ts';

/**
 * POST /api/auth/password: the signed-in user changes their own password, giving the current one
 * (throttled like a login). The old password stops working at once, the user's other sessions end,
 * and a change an administrator asked for (mustChangePassword) is done.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  auth: AuthContext,
  input: { currentPassword: string; newPassword: string },
  client: ClientInfo,
): Promise<AuthContext> {
  const problem = passwordProblem(input.newPassword, auth.username);
  if (problem) throw errors.invalidField('newPassword', problem.vi, problem.en);
  if (input.newPassword === input.currentPassword) {
    throw errors.invalidField('newPassword', 'phải khác mật khẩu hiện tại', 'must differ from the current password');
  }
  const wait = await reserveAttempt(ctx.db, throttleLimits(ctx.config), auth.username, client.ip, ctx.now());
  if (wait > 0) throw errors.tooManyAttempts(wait);
  const user = await findUserById(ctx.db, auth.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    await recordAudit(ctx.db, {
      actor: auth.username,
      action: 'password_change_failed',
      entity: 'user',
      entityKey: auth.username,
      ip: client.ip,
    });
    throw errors.invalidField('currentPassword', 'mật khẩu hiện tại không đúng', 'the current password is wrong');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await forgiveAttempts(trx, auth.username, client.ip);
    await setPassword(trx, user.id, passwordHash, false);
    await repo.deleteOtherSessions(trx, user.id, auth.sessionIdHash);
    await recordAudit(trx, { actor: auth.username, action: 'password_changed', entity: 'user', entityKey: auth.username, ip: client.ip });
  });
  return { ...auth, mustChangePassword: false };
}
