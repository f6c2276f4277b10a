import type { Role } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { findUnit, unitWithin } from '../../access/units.ts';
import { deleteUserSessions, setPassword } from './repository.ts';
import { hashPassword } from '../../access/passwords.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import * as repo from './repository.ts';
import type { UpdateUserInput, UserDto } from './schema.ts';
import { checkNewPassword, loadInScope, resolveScope, toDto } from './service.ts';

type Change = { from: unknown; to: unknown };

/** Another active administrator whose scope covers the given user's: someone who can still manage them. */
async function anotherAdminCovers(ctx: AppContext, actor: AuthContext): Promise<boolean> {
  const admins = await repo.listActiveAdmins(ctx.db);
  for (const admin of admins) {
    if (admin.id === actor.userId) continue;
    const scope = await findUnit(ctx.db, admin.scope_code);
    if (scope && (await unitWithin(ctx.db, scope, actor.scope))) return true;
  }
  return false;
}

/**
 * An administrator does not lock themselves out: no self-deactivation, and no own demotion or move as the last administrator over their
 * scope.
 */
async function checkOwnChange(ctx: AppContext, actor: AuthContext, changes: Record<string, Change>): Promise<void> {
  if (changes.active?.to === false)
    throw errors.conflict('Bạn không thể tự khóa tài khoản của mình.', 'You cannot disable your own account.');
  if ((changes.role || changes.org) && !(await anotherAdminCovers(ctx, actor))) {
    throw errors.conflict(
      'Bạn là quản trị viên đang hoạt động cuối cùng của phạm vi này nên không thể tự đổi vai trò hoặc phạm vi của mình. ' +
        'Hãy tạo hoặc giao quyền quản trị cho một người khác trước.',
      'You are the last active administrator of your scope and cannot change your own role or scope. ' +
        'Make someone else an administrator first.',
    );
  }
}

/** PATCH /api/users/{username}: role, scope, display name and active flag, each audited. */
export async function updateUser(
  ctx: AppContext,
  actor: AuthContext,
  username: string,
  input: UpdateUserInput,
  ip: string | null,
): Promise<UserDto> {
  if (
    input.role === undefined &&
    input.org === undefined &&
    input.displayName === undefined &&
    input.email === undefined &&
    input.active === undefined
  ) {
    throw errors.invalidField(
      'body',
      'hãy gửi ít nhất một trường cần đổi: role, org, displayName, email hoặc active',
      'send at least one field to change: role, org, displayName, email or active',
    );
  }
  const user = await loadInScope(ctx, actor, username);
  const changes: Record<string, Change> = {};
  const patch: repo.UserPatch = {};
  if (input.role !== undefined && input.role !== user.role) {
    changes.role = { from: user.role, to: input.role };
    patch.role = input.role as Role;
  }
  if (input.org !== undefined && input.org !== user.scope_code) {
    const scope = await resolveScope(ctx, actor.scope, input.org);
    if (scope.code !== user.scope_code) {
      changes.org = { from: user.scope_code, to: scope.code };
      patch.scopeCode = scope.code;
    }
  }
  if (input.displayName !== undefined) {
    const name = input.displayName?.trim() || null;
    if (name !== user.display_name) {
      changes.displayName = { from: user.display_name, to: name };
      patch.displayName = name;
    }
  }
  if (input.email !== undefined) {
    const email = input.email?.trim() || null;
    if (email !== user.email) {
      changes.email = { from: user.email, to: email };
      patch.email = email;
    }
  }
  if (input.active !== undefined && input.active !== (user.disabled_at === null)) {
    changes.active = { from: user.disabled_at === null, to: input.active };
    patch.disabledAt = input.active ? null : ctx.now();
  }
  if (Object.keys(changes).length === 0) return toDto(ctx, user);
  if (user.id === actor.userId) await checkOwnChange(ctx, actor, changes);
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.updateUser(trx, user.id, patch);
    if (patch.disabledAt) await deleteUserSessions(trx, user.id);
    await recordAudit(trx, {
      actor: actor.username,
      action: 'user_updated',
      entity: 'user',
      entityKey: username,
      details: { changes },
      ip,
    });
    return row;
  });
  return toDto(ctx, updated);
}

/** POST /api/users/{username}/password: a new password the user must change at the next login; their sessions end. */
export async function resetPassword(
  ctx: AppContext,
  actor: AuthContext,
  username: string,
  password: string,
  ip: string | null,
): Promise<UserDto> {
  const user = await loadInScope(ctx, actor, username);
  if (user.id === actor.userId) {
    throw errors.conflict(
      'Hãy đổi mật khẩu của chính bạn ở mục "Đổi mật khẩu" (cần mật khẩu hiện tại).',
      'Change your own password under "Change password" (it needs your current password).',
    );
  }
  checkNewPassword(password, username);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await setPassword(trx, user.id, passwordHash, true);
    await deleteUserSessions(trx, user.id);
    await recordAudit(trx, { actor: actor.username, action: 'password_reset', entity: 'user', entityKey: username, ip });
  });
  return toDto(ctx, (await repo.findUserById(ctx.db, user.id))!);
}
