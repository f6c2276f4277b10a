import { WRITER_ROLES } from '@vetplan/domain';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { errors } from '../../http/errors.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { importSizes } from '../data-values/import-sizes.ts';
import { batchesOf, csvBatches, estimateCsvRows, rowsFromJson } from '../data-values/input.ts';
import { ImportQuery } from '../data-values/schema.ts';
import { findUnit, unitWithin } from '../../access/units.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { findUserByUsername } from '../users/repository.ts';
import { ImportJobs, type JobInput } from './jobs.ts';
import { ImportJobSchema, JobParams } from './schema.ts';

/**
 * Receives a CSV upload as its text: the answer (202) can only be sent once
 * the request is read, and the text is far smaller than its rows; the job
 * then reads it batch by batch. The stream parser does not apply the body
 * limit itself: reading stops at the import limit.
 */
async function receiveCsv(stream: Readable, limitBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length;
    if (bytes > limitBytes) {
      stream.destroy();
      throw errors.payloadTooLarge(limitBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A job is its owner's, and readable by an administrator whose scope covers the owner's (others learn nothing of it: 404). */
async function mayReadJob(ctx: AppContext, auth: AuthContext, owner: string): Promise<boolean> {
  if (owner === auth.username) return true;
  if (auth.role !== 'admin') return false;
  const user = await findUserByUsername(ctx.db, owner);
  const unit = user ? await findUnit(ctx.db, user.scope_code) : null;
  return unit !== null && (await unitWithin(ctx.db, auth.scope, unit));
}

export function importRoutes(app: App, ctx: AppContext): void {
  const jobs = new ImportJobs();
  // A scope of its own, so that CSV uploads here arrive as a stream.
  void app.register(async (scoped) => {
    scoped.removeContentTypeParser('text/csv');
    scoped.addContentTypeParser('text/csv', { bodyLimit: ctx.config.importLimitBytes }, (_request, payload, done) => done(null, payload));
    const typed = scoped as unknown as App;
    typed.post(
      '/api/imports',
      {
        config: { access: { roles: WRITER_ROLES } },
        bodyLimit: ctx.config.importLimitBytes,
        schema: {
          tags: ['data'],
          summary:
            'Start an import of data values (CSV or JSON, as POST /api/data-values) and follow its progress at GET /api/imports/{id}',
          querystring: ImportQuery,
          body: {
            content: {
              'text/csv': { schema: { description: 'The exchange format, streamed' } },
              'application/json': { schema: Type.Array(Type.Unknown()) },
            },
          },
          response: { 202: ImportJobSchema, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const body = request.body as unknown;
        // A declared length over the limit is refused at once, an undeclared one while reading.
        if (Number(request.headers['content-length'] ?? 0) > ctx.config.importLimitBytes)
          throw errors.payloadTooLarge(ctx.config.importLimitBytes);
        let input: JobInput;
        if (body && typeof (body as Readable).pipe === 'function') {
          const text = await receiveCsv(body as Readable, ctx.config.importLimitBytes);
          input = { batches: csvBatches(text, importSizes(ctx.db).batchRows), total: estimateCsvRows(text) };
        } else {
          const parsed = rowsFromJson(body);
          input = { batches: batchesOf(parsed, importSizes(ctx.db).batchRows), total: parsed.rows.length };
        }
        const job = jobs.start(ctx, request.auth!, input, request.query.mode ?? 'atomic');
        return reply.code(202).header('location', `/api/imports/${job.id}`).send(job);
      },
    );
  });

  app.get(
    '/api/imports/:id',
    {
      config: { access: { roles: 'signed-in' } },
      schema: {
        tags: ['data'],
        summary: 'An import’s progress and, once finished, its counts or its errors',
        params: JobParams,
        response: { 200: ImportJobSchema, ...ErrorResponses },
      },
    },
    async (request) => {
      const job = jobs.get(request.params.id);
      if (!job || !(await mayReadJob(ctx, request.auth!, job.owner)))
        throw errors.notFound(`lượt nhập "${request.params.id}"`, `Import "${request.params.id}"`);
      return job;
    },
  );
}
