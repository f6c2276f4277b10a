import { sql } from 'kysely';
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { AppError } from '../../http/errors.ts';
import { ErrorResponses } from '../../http/openapi.ts';

export function healthRoutes(app: App, ctx: AppContext): void {
  app.get('/api/health', {
    config: { access: { public: true } },
    schema: {
      tags: ['health'],
      summary: 'Whether the server and its database answer',
      security: [],
      response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: ErrorResponses[500] },
    },
  }, async () => {
    try {
      await sql`select 1`.execute(ctx.db);
    } catch {
      throw new AppError('database_unavailable', 503, 'Cơ sở dữ liệu không phản hồi.', 'The database does not answer.');
    }
    return { status: 'ok' as const };
  });
}
