import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * The names people are shown by: each username's display name, or the username itself when the account
 * has none (or is a system actor such as "cli"). One query for the lot.
 */
export async function displayNames(
  db: Kysely<Database>,
  usernames: Iterable<string | null | undefined>,
): Promise<(username: string | null) => string | null> {
  const wanted = [...new Set([...usernames].filter((u): u is string => !!u))];
  const rows = wanted.length
    ? await db.selectFrom('app_user').select(['username', 'display_name']).where('username', 'in', wanted).execute()
    : [];
  const names = new Map(rows.map((r) => [r.username, r.display_name?.trim() || r.username]));
  return (username) => (username === null ? null : (names.get(username) ?? username));
}
