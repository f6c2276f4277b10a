import { sql } from 'kysely';
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { isEmbedded } from '../../db/connection.ts';
import { failureCode } from '../../db/unavailable.ts';
import { errors } from '../../http/errors.ts';
import { ErrorResponses } from '../../http/openapi.ts';

export function healthRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['health'],
        summary: 'Whether the server and its database answer',
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: ErrorResponses[503] },
      },
    },
    async (request) => {
      try {
        await sql`select 1`.execute(ctx.db);
      } catch (error) {
        // The reason in full goes to the log only: this answer is public, and a connection error names hosts and ports.
        request.log.warn({ err: error }, 'health: the database does not answer');
        const database = isEmbedded(ctx.db) ? 'pglite' : 'postgres';
        const code = failureCode(error);
        throw errors.databaseUnavailable(
          `Cơ sở dữ liệu ${database === 'pglite' ? 'nhúng (PGlite)' : 'PostgreSQL'} không phản ` +
            `hồi${code === '-' ? '' : ` (mã ${code})`}. Máy chủ vetplan vẫn chạy và sẽ phục vụ lại ngay khi cơ sở dữ liệu hoạt động ` +
            `trở lại.`,
          `The ${database === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'} database does not ` +
            `answer${code === '-' ? '' : ` (code ${code})`}. The vetplan server is still running and serves again as soon as the ` +
            `database is back.`,
          { database },
        );
      }
      return { status: 'ok' as const };
    },
  );
}
