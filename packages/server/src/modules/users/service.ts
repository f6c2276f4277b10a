import type { Role } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { areaSubtree, findUnit, unitWithin, type Unit } from '../../access/units.ts';
import { deleteUserSessions } from './repository.ts';
import { passwordProblem } from '../../access/password-policy.ts';
import { hashPassword } from '../../access/passwords.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import * as repo from './repository.ts';
import { EMAIL_PATTERN, type CreateUserInput, type UserDto } from './schema.ts';

export async function toDto(ctx: AppContext, user: repo.UserRow): Promise<UserDto> {
  const scope = await findUnit(ctx.db, user.scope_code);
  return {
    username: user.username,
    displayName: user.display_name,
    email: user.email,
    role: user.role as Role,
    scope: scope
      ? { code: scope.code, name: scope.name, type: scope.type }
      : { code: user.scope_code, name: user.scope_code, type: 'area' },
    disabled: user.disabled_at !== null,
    mustChangePassword: user.must_change_password,
    createdAt: user.created_at.toISOString(),
    lastLoginAt: user.last_login_at ? new Date(user.last_login_at).toISOString() : null,
  };
}

/** Resolves the scope code of a new user; it must exist and lie within the creator's scope. */
export async function resolveScope(ctx: AppContext, actorScope: Unit | null, code: string): Promise<Unit> {
  const unit = await findUnit(ctx.db, code);
  if (!unit) {
    throw errors.invalidField(
      'org',
      `"${code}" không phải là mã địa bàn hoặc mã đơn vị đã có`,
      `"${code}" is not a known area or organisation code`,
    );
  }
  if (actorScope && !(await unitWithin(ctx.db, actorScope, unit))) throw errors.outOfScope(code);
  return unit;
}

export interface CreateUserOptions {
  actor: AuthContext | null;
  ip?: string | null;
}

/** Refuses a password the policy does not allow, naming the field (every way of setting one comes here). */
export function checkNewPassword(password: string, username: string, field = 'password'): void {
  const problem = passwordProblem(password, username);
  if (problem) throw errors.invalidField(field, problem.vi, problem.en);
}

export async function createUser(ctx: AppContext, input: CreateUserInput, options: CreateUserOptions): Promise<UserDto> {
  checkNewPassword(input.password, input.username);
  // `name` is the command line's word for the display name (vetplan user add --name).
  const displayName = (input.displayName ?? input.name)?.trim() || null;
  const email = input.email?.trim() || null;
  // The API's schema checks it already; the command line comes here directly.
  if (email !== null && (email.length > 254 || !EMAIL_PATTERN.test(email))) {
    throw errors.invalidField(
      'email',
      `"${email}" phải là một địa chỉ thư điện tử, ví dụ lan@ldtbxh.vn`,
      `"${email}" must be an e-mail address, e.g. lan@ldtbxh.vn`,
    );
  }
  const scope = await resolveScope(ctx, options.actor?.scope ?? null, input.org);
  const passwordHash = await hashPassword(input.password);
  const user = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.findUserByUsername(trx, input.username)) {
      throw errors.conflict(`Tên đăng nhập "${input.username}" đã được sử dụng.`, `The username "${input.username}" is already taken.`);
    }
    const created = await repo.insertUser(trx, {
      username: input.username,
      displayName,
      email,
      passwordHash,
      role: input.role,
      scopeCode: scope.code,
    });
    await recordAudit(trx, {
      actor: options.actor?.username ?? 'system',
      action: 'user_created',
      entity: 'user',
      entityKey: input.username,
      details: { role: input.role, scope: scope.code },
      ip: options.ip ?? null,
    });
    return created;
  });
  return toDto(ctx, user);
}

export async function listUsersFor(ctx: AppContext, actor: AuthContext): Promise<UserDto[]> {
  let areas: string[];
  let orgs: string[];
  if (actor.scope.type === 'area') {
    areas = [...(await areaSubtree(ctx.db, actor.scope.code))];
    const rows = await ctx.db.selectFrom('organisation').select('code').where('area_code', 'in', areas).execute();
    orgs = rows.map((r) => r.code);
  } else {
    areas = [];
    orgs = [actor.scope.code];
  }
  const users = await repo.listUsers(ctx.db, areas, orgs);
  return Promise.all(users.map((u) => toDto(ctx, u)));
}

/** A user the administrator's scope covers: 404 when there is none, 403 out_of_scope when it lies outside. */
export async function loadInScope(ctx: AppContext, actor: AuthContext, username: string): Promise<repo.UserRow> {
  const user = await repo.findUserByUsername(ctx.db, username);
  if (!user) throw errors.notFound(`người dùng "${username}"`, `User "${username}"`);
  const scope = await findUnit(ctx.db, user.scope_code);
  if (!scope || !(await unitWithin(ctx.db, actor.scope, scope))) throw errors.outOfScope(user.scope_code);
  return user;
}

export async function setDisabled(
  ctx: AppContext,
  actor: AuthContext,
  username: string,
  disabled: boolean,
  ip: string | null,
): Promise<UserDto> {
  const user = await loadInScope(ctx, actor, username);
  if (disabled && user.id === actor.userId) {
    throw errors.conflict('Bạn không thể tự khóa tài khoản của mình.', 'You cannot disable your own account.');
  }
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.setUserDisabled(trx, user.id, disabled ? (user.disabled_at ?? ctx.now()) : null);
    if (disabled) await deleteUserSessions(trx, user.id);
    await recordAudit(trx, {
      actor: actor.username,
      action: disabled ? 'user_disabled' : 'user_enabled',
      entity: 'user',
      entityKey: username,
      ip,
    });
    return row;
  });
  return toDto(ctx, updated);
}
