import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { errors } from '../../http/errors.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import type { AuthContext } from '../../access/auth-context.ts';

/** Whether a user's scope is the top of the hierarchy (the nation): an area no version places under another. */
async function scopedToNation(ctx: AppContext, auth: AuthContext): Promise<boolean> {
  if (auth.scope.type !== 'area') return false;
  const placed = await ctx.db
    .selectFrom('area_version')
    .select('area_code')
    .where('area_code', '=', auth.scope.code)
    .where('parent_code', 'is not', null)
    .executeTakeFirst();
  return placed === undefined;
}

/**
 * A clock browser tests can set, only when the server starts with
 * VETPLAN_TEST_CLOCK=1 (refused with NODE_ENV=production, config.ts): `POST /api/test/clock`
 * `{ "now": "2026-06-25T08:00:00Z" }` moves `ctx.now` for every user, so only an
 * administrator scoped to the nation may call it.
 */
export function testClockRoutes(app: App, ctx: AppContext): void {
  if (!ctx.config.testClock) return;
  const real = ctx.now;
  let offset = 0;
  ctx.now = () => new Date(real().getTime() + offset);
  app.post(
    '/api/test/clock',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['test'],
        summary: 'Set the server clock (only with VETPLAN_TEST_CLOCK=1; an administrator scoped to the nation)',
        body: Type.Object({ now: Type.String({ format: 'date-time' }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ now: Type.String() }), ...ErrorResponses },
      },
    },
    async (request) => {
      if (!(await scopedToNation(ctx, request.auth!))) {
        throw errors.forbidden(
          'Chỉ quản trị viên có phạm vi toàn quốc mới được đặt đồng hồ thử nghiệm của máy chủ.',
          'Only an administrator scoped to the nation may set the server’s test clock.',
        );
      }
      offset = Date.parse(request.body.now) - real().getTime();
      return { now: ctx.now().toISOString() };
    },
  );
}
