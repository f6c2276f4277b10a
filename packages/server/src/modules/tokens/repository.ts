import type { Kysely, Selectable } from 'kysely';
import type { ApiTokenTable, Database } from '../../db/schema.ts';

export type TokenRow = Selectable<ApiTokenTable> & { username: string; scope_code: string };

function withOwner(db: Kysely<Database>) {
  return db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .selectAll('api_token')
    .select(['app_user.username', 'app_user.scope_code']);
}

/** A user's tokens that are not revoked (expired ones too), newest first. */
export function listUserTokens(db: Kysely<Database>, userId: number): Promise<TokenRow[]> {
  return withOwner(db)
    .where('api_token.user_id', '=', userId)
    .where('api_token.revoked_at', 'is', null)
    .orderBy('api_token.id', 'desc')
    .execute();
}

export function findToken(db: Kysely<Database>, id: number): Promise<TokenRow | undefined> {
  return withOwner(db).where('api_token.id', '=', id).executeTakeFirst();
}

export interface NewToken {
  userId: number;
  name: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
}

export async function insertToken(db: Kysely<Database>, t: NewToken): Promise<number> {
  const row = await db
    .insertInto('api_token')
    .values({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, created_at: t.createdAt, expires_at: t.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function revokeToken(db: Kysely<Database>, id: number, at: Date): Promise<void> {
  await db.updateTable('api_token').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
