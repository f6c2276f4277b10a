import { ConfigError } from './config.ts';
import type { AppContext } from './context.ts';
import { passwordProblem } from './access/password-policy.ts';
import { newPassword } from './access/secrets.ts';
import { createUser } from './modules/users/service.ts';
import { countUsers } from './modules/users/repository.ts';

/** The area a first administrator oversees: the nation when the catalogue has it, else the top area. */
async function topArea(ctx: AppContext): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('area_version')
    .select('area_code')
    .where('parent_code', 'is', null)
    .orderBy('area_code')
    .executeTakeFirst();
  return row?.area_code ?? null;
}

/**
 * On an installation without users, creates `admin` with VETPLAN_ADMIN_PASSWORD,
 * or with a random password that is returned to be printed once.
 */
export async function ensureAdmin(ctx: AppContext): Promise<{ created: boolean; printedPassword: string | null }> {
  if ((await countUsers(ctx.db)) > 0) return { created: false, printedPassword: null };
  const scope = await topArea(ctx);
  if (!scope) throw new Error('Cannot create the first administrator: no area is loaded (load a catalogue first)');
  const problem = ctx.config.adminPassword === null ? null : passwordProblem(ctx.config.adminPassword, 'admin');
  if (problem)
    throw new ConfigError([
      `VETPLAN_ADMIN_PASSWORD: the password of the first administrator ${problem.en} (mật khẩu của quản trị viên đầu tiên ${problem.vi})`,
    ]);
  const password = ctx.config.adminPassword ?? newPassword();
  await createUser(ctx, { username: 'admin', password, role: 'admin', org: scope }, { actor: null });
  return { created: true, printedPassword: ctx.config.adminPassword ? null : password };
}
