import type { Readable } from 'node:stream';
import { CsvReader } from '@vetplan/domain';
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { AppError, errors } from '../../http/errors.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { csvFailure, rowsFromCsvRecords, rowsFromJson, type ParsedInput } from '../data-values/input.ts';
import { ImportQuery } from '../data-values/schema.ts';
import { ImportJobs } from './jobs.ts';
import { ImportJobSchema, JobParams } from './schema.ts';

/** Reads a CSV upload chunk by chunk: the file itself is never held whole in memory, nor read past the import limit. */
async function readCsvStream(stream: Readable, limitBytes: number): Promise<ParsedInput> {
  const reader = new CsvReader();
  const records: { fields: string[]; line: number }[] = [];
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      if (bytes > limitBytes) {
        stream.destroy();
        throw errors.payloadTooLarge(limitBytes);
      }
      for (const record of reader.push(decoder.decode(chunk as Buffer, { stream: true }))) records.push(record);
    }
    records.push(...reader.push(decoder.decode()), ...reader.end());
  } catch (error) {
    if (error instanceof AppError) throw error;
    return csvFailure(error);
  }
  return rowsFromCsvRecords(records);
}

export function importRoutes(app: App, ctx: AppContext): void {
  const jobs = new ImportJobs();
  // A scope of its own, so that CSV uploads here arrive as a stream.
  void app.register(async (scoped) => {
    scoped.removeContentTypeParser('text/csv');
    scoped.addContentTypeParser('text/csv', { bodyLimit: ctx.config.importLimitBytes }, (_request, payload, done) => done(null, payload));
    const typed = scoped as unknown as App;
    typed.post('/api/imports', {
      config: { access: { roles: ['admin', 'plan_manager', 'unit_officer', 'unit_head'] } },
      bodyLimit: ctx.config.importLimitBytes,
      schema: {
        tags: ['data'],
        summary: 'Start an import of data values (CSV or JSON, as POST /api/data-values) and follow its progress at GET /api/imports/{id}',
        querystring: ImportQuery,
        body: { content: { 'text/csv': { schema: { description: 'The exchange format, streamed' } }, 'application/json': { schema: Type.Array(Type.Unknown()) } } },
        response: { 202: ImportJobSchema, ...ErrorResponses },
      },
    }, async (request, reply) => {
      const body = request.body as unknown;
      // The stream parser does not apply the body limit itself: a declared length over it is refused at once, an undeclared one while reading.
      if (Number(request.headers['content-length'] ?? 0) > ctx.config.importLimitBytes) throw errors.payloadTooLarge(ctx.config.importLimitBytes);
      const input = body && typeof (body as Readable).pipe === 'function' ? await readCsvStream(body as Readable, ctx.config.importLimitBytes) : rowsFromJson(body);
      const job = jobs.start(ctx, request.auth!, input, request.query.mode ?? 'atomic');
      return reply.code(202).header('location', `/api/imports/${job.id}`).send(job);
    });
  });

  app.get('/api/imports/:id', {
    config: { access: { roles: 'signed-in' } },
    schema: { tags: ['data'], summary: 'An import’s progress and, once finished, its counts or its errors', params: JobParams, response: { 200: ImportJobSchema, ...ErrorResponses } },
  }, async (request) => {
    const job = jobs.get(request.params.id);
    if (!job || (job.owner !== request.auth!.username && request.auth!.role !== 'admin')) throw errors.notFound(`lượt nhập "${request.params.id}"`, `Import "${request.params.id}"`);
    return job;
  });
}
