import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { ErrorResponses } from '../../http/openapi.ts';

/**
 * A clock browser tests can set, only when the server starts with
 * VETPLAN_TEST_CLOCK=1 (never in production): `POST /api/test/clock`
 * `{ "now": "2026-06-25T08:00:00Z" }`, administrators only, moves `ctx.now`.
 */
export function testClockRoutes(app: App, ctx: AppContext): void {
  if (process.env.VETPLAN_TEST_CLOCK !== '1') return;
  const real = ctx.now;
  let offset = 0;
  ctx.now = () => new Date(real().getTime() + offset);
  app.post('/api/test/clock', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['test'], summary: 'Set the server clock (only with VETPLAN_TEST_CLOCK=1)', body: Type.Object({ now: Type.String({ format: 'date-time' }) }, { additionalProperties: false }), response: { 200: Type.Object({ now: Type.String() }), ...ErrorResponses } },
  }, async (request) => {
    offset = Date.parse(request.body.now) - real().getTime();
    return { now: ctx.now().toISOString() };
  });
}
