import type { Kysely, Selectable } from 'kysely';
import type { AppUserTable, Database } from '../../db/schema.ts';

export type UserRow = Selectable<AppUserTable>;

export function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Kysely<Database>, scopeAreaCodes: string[] | null, scopeOrgCodes: string[] | null): Promise<UserRow[]> {
  return db
    .selectFrom('app_user')
    .selectAll()
    .$if(scopeAreaCodes !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('scope_code', 'in', scopeAreaCodes!.length ? scopeAreaCodes! : ['']),
          eb('scope_code', 'in', scopeOrgCodes!.length ? scopeOrgCodes! : ['']),
        ]),
      ),
    )
    .orderBy('username')
    .execute();
}

export interface NewUser {
  username: string;
  displayName: string | null;
  email?: string | null;
  passwordHash: string;
  role: string;
  scopeCode: string;
}

export function insertUser(db: Kysely<Database>, user: NewUser): Promise<UserRow> {
  return db
    .insertInto('app_user')
    .values({
      username: user.username,
      display_name: user.displayName,
      email: user.email ?? null,
      password_hash: user.passwordHash,
      role: user.role,
      scope_code: user.scopeCode,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function setUserDisabled(db: Kysely<Database>, id: number, disabledAt: Date | null): Promise<UserRow> {
  return db.updateTable('app_user').set({ disabled_at: disabledAt }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface UserPatch {
  role?: string;
  scopeCode?: string;
  displayName?: string | null;
  email?: string | null;
  disabledAt?: Date | null;
}

export function updateUser(db: Kysely<Database>, id: number, patch: UserPatch): Promise<UserRow> {
  return db
    .updateTable('app_user')
    .set({
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.scopeCode !== undefined ? { scope_code: patch.scopeCode } : {}),
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.disabledAt !== undefined ? { disabled_at: patch.disabledAt } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listActiveAdmins(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('app_user').selectAll().where('role', '=', 'admin').where('disabled_at', 'is', null).execute();
}

/** Ends every session of a user (disabled, or a new password). */
export async function deleteUserSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

export async function setPassword(db: Kysely<Database>, userId: number, passwordHash: string, mustChange: boolean): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, must_change_password: mustChange })
    .where('id', '=', userId)
    .execute();
}
