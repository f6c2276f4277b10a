import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { hashSecret, newSecret } from '../../access/secrets.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import type { UserRow } from '../users/repository.ts';
import { loadInScope } from '../users/service.ts';
import * as repo from './repository.ts';
import type { CreateTokenInput, TokenDto } from './schema.ts';

export const TOKEN_DEFAULT_DAYS = 90;
const DAY_MS = 86_400_000;

function toDto(row: repo.TokenRow, now: Date): TokenDto {
  return {
    id: Number(row.id),
    name: row.name,
    username: row.username,
    createdAt: row.created_at.toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
    expired: new Date(row.expires_at).getTime() <= now.getTime(),
  };
}

export interface IssuedToken {
  token: string;
  dto: TokenDto;
}

/** Creates a token of a user; the secret is answered once and stored only as its SHA-256. */
export async function issueToken(
  ctx: AppContext,
  user: UserRow,
  input: CreateTokenInput,
  audit: { actor: string; ip: string | null },
): Promise<IssuedToken> {
  const token = newSecret('vp_');
  const now = ctx.now();
  const days = input.expiresInDays ?? TOKEN_DEFAULT_DAYS;
  const expiresAt = new Date(now.getTime() + days * DAY_MS);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await repo.insertToken(trx, {
      userId: user.id,
      name: input.name,
      tokenHash: hashSecret(token),
      createdAt: now,
      expiresAt,
    });
    await recordAudit(trx, {
      actor: audit.actor,
      action: 'token_created',
      entity: 'user',
      entityKey: user.username,
      details: { name: input.name, id: created, expiresAt: expiresAt.toISOString() },
      ip: audit.ip,
    });
    return created;
  });
  const row = await repo.findToken(ctx.db, id);
  return { token, dto: toDto(row!, now) };
}

/** The caller's tokens, or (administrators) those of a user in their scope. */
export async function listTokens(ctx: AppContext, actor: AuthContext, username: string | undefined): Promise<TokenDto[]> {
  let userId = actor.userId;
  if (username !== undefined && username !== actor.username) {
    if (actor.role !== 'admin') {
      throw errors.forbidden(
        'Chỉ quản trị viên mới xem được mã truy cập (token) của người khác.',
        'Only administrators may see other users’ tokens.',
      );
    }
    userId = (await loadInScope(ctx, actor, username)).id;
  }
  const now = ctx.now();
  return (await repo.listUserTokens(ctx.db, userId)).map((row) => toDto(row, now));
}

export async function createOwnToken(
  ctx: AppContext,
  actor: AuthContext,
  input: CreateTokenInput,
  ip: string | null,
): Promise<IssuedToken> {
  const user = await loadInScope(ctx, actor, actor.username);
  return issueToken(ctx, user, input, { actor: actor.username, ip });
}

/** Revokes a token of the caller's, or (administrators) of a user in their scope; anyone else's is not found. */
export async function revokeToken(ctx: AppContext, actor: AuthContext, id: number, ip: string | null): Promise<void> {
  const row = await repo.findToken(ctx.db, id);
  const notFound = errors.notFound(`mã truy cập (token) số ${id}`, `Token ${id}`);
  if (!row || row.revoked_at !== null) throw notFound;
  if (Number(row.user_id) !== actor.userId) {
    if (actor.role !== 'admin') throw notFound;
    await loadInScope(ctx, actor, row.username);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.revokeToken(trx, id, ctx.now());
    await recordAudit(trx, {
      actor: actor.username,
      action: 'token_revoked',
      entity: 'user',
      entityKey: row.username,
      details: { name: row.name, id },
      ip,
    });
  });
}
