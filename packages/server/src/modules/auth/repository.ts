import type { Kysely, Selectable } from 'kysely';
import type { Database, UserSessionTable } from '../../db/schema.ts';
import type { UserRow } from '../users/repository.ts';

export type SessionRow = Selectable<UserSessionTable>;

export interface NewSession {
  idHash: string;
  userId: number;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(db: Kysely<Database>, s: NewSession): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      // The application's clock, not the database's, so that idle time is measured on one clock.
      created_at: s.createdAt,
      last_seen_at: s.createdAt,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

export async function findSessionWithUser(db: Kysely<Database>, idHash: string): Promise<{ session: SessionRow; user: UserRow } | null> {
  const session = await db.selectFrom('user_session').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  if (!session) return null;
  const user = await db.selectFrom('app_user').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  return user ? { session, user } : null;
}

export async function touchSession(db: Kysely<Database>, idHash: string, at: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('id_hash', '=', idHash).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('user_session').where('expires_at', '<', now).execute();
}

export async function findTokenWithUser(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<{ tokenId: number; lastUsedAt: Date | null; user: UserRow } | null> {
  const token = await db
    .selectFrom('api_token')
    .select(['id', 'user_id', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!token) return null;
  const user = await db.selectFrom('app_user').selectAll().where('id', '=', token.user_id).executeTakeFirst();
  return user ? { tokenId: token.id, lastUsedAt: token.last_used_at, user } : null;
}

export async function touchToken(db: Kysely<Database>, id: number, at: Date): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Every session of a user but one (the one that changed the password). */
export async function deleteOtherSessions(db: Kysely<Database>, userId: number, keepIdHash: string | null): Promise<void> {
  await db
    .deleteFrom('user_session')
    .where('user_id', '=', userId)
    .$if(keepIdHash !== null, (q) => q.where('id_hash', '<>', keepIdHash!))
    .execute();
}

export async function recordLogin(db: Kysely<Database>, userId: number, at: Date): Promise<void> {
  await db.updateTable('app_user').set({ last_login_at: at }).where('id', '=', userId).execute();
}
