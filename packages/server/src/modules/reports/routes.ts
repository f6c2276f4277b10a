import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { attachmentDisposition, REPORTER_ROLES } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { DraftBody, ExportBody, ExportListQuery, ExportParams, ExportSchema, PreviewQuery, ReportModelSchema } from './schema.ts';
import * as service from './service.ts';

const REPORTERS = REPORTER_ROLES;
/** The reporting unit within the user's scope, and the plan (when named) one the user reads: its area in the user's subtree or above it. */
const scoped = (where: 'body' | 'query') =>
  ({
    access: {
      roles: REPORTERS,
      scope: [
        { in: where, field: 'org', kind: 'unit', relation: 'within' },
        { in: where, field: 'plan', kind: 'plan', relation: 'related' },
      ],
    },
  }) as const;
const FILE = { 200: { type: 'string', format: 'binary' }, ...ErrorResponses } as const;

/** Answers a file with a name that survives every browser: ASCII `filename` and the Vietnamese one in `filename*`. */
function sendFile(reply: FastifyReply, file: service.ReportFile) {
  return reply.type(file.contentType).header('content-disposition', attachmentDisposition(file.fileName)).send(file.bytes);
}

export function reportRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/reports',
    {
      config: scoped('body'),
      schema: {
        tags: ['reports'],
        summary:
          'The plan-progress report of a unit and period as DOCX (Decree 30/2020 layout), XLSX annex or PDF; the file is kept and listed',
        body: ExportBody,
        response: FILE,
      },
    },
    async (request, reply) => sendFile(reply, await service.exportReport(ctx, request.auth!, request.body, request.ip)),
  );

  app.get(
    '/api/reports/preview',
    {
      config: scoped('query'),
      schema: {
        tags: ['reports'],
        summary: 'The report model (figures computed now, narrative from the draft where written) for the preview',
        querystring: PreviewQuery,
        response: { 200: ReportModelSchema, ...ErrorResponses },
      },
    },
    async (request) => service.previewReport(ctx, request.auth!, { ...request.query, type: 'plan-progress' }),
  );

  app.put(
    '/api/reports/draft',
    {
      config: scoped('body'),
      schema: {
        tags: ['reports'],
        summary: 'Save the narrative sections of a draft (baseVersion guards concurrent edits); answers the report model',
        body: DraftBody,
        response: { 200: ReportModelSchema, ...ErrorResponses },
      },
    },
    async (request) => service.saveDraft(ctx, request.auth!, request.body, request.ip),
  );

  app.get(
    '/api/reports/exports',
    {
      config: scoped('query'),
      schema: {
        tags: ['reports'],
        summary: 'Exported reports of the units in the caller’s reach, newest first, with who and when',
        querystring: ExportListQuery,
        response: { 200: Type.Object({ exports: Type.Array(ExportSchema) }), ...ErrorResponses },
      },
    },
    async (request) => ({ exports: await service.listExports(ctx, request.auth!, request.query) }),
  );

  app.get(
    '/api/reports/exports/:id/file',
    {
      config: { access: { roles: REPORTERS } },
      schema: {
        tags: ['reports'],
        summary: 'Download a kept report file (checked against its checksum)',
        params: ExportParams,
        response: FILE,
      },
    },
    async (request, reply) => sendFile(reply, await service.downloadExport(ctx, request.auth!, request.params.id)),
  );
}
