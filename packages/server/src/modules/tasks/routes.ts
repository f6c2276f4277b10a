import { attachmentDisposition, EVIDENCE_MAX_BYTES, MANAGER_ROLES, WRITER_ROLES } from '@vetplan/domain';
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { adjustScore, ranking, scorecardOf } from './evaluation.ts';
import { evidenceFile, uploadEvidence } from './evidence.ts';
import { createTask } from './new-task.ts';
import {
  AdjustBody,
  AssignmentDetailSchema,
  AssignmentListQuery,
  AssignmentListSchema,
  DecisionBody,
  EvidenceParams,
  EvidenceQuery,
  EvidenceSchema,
  ExtensionBody,
  IdParams,
  NewTaskBody,
  NewTaskResponse,
  ProgressBody,
  RankingQuery,
  RankingSchema,
  ScorecardQuery,
  ScorecardSchema,
} from './schema.ts';
import { assignmentDetail, decideExtension, fileProgressReport, listAssignments, requestExtension } from './service.ts';

const signedIn = { access: { roles: 'signed-in' } } as const;
const writers = { access: { roles: WRITER_ROLES } } as const;
const managers = { access: { roles: MANAGER_ROLES } } as const;
const tags = ['tasks'];

export function taskRoutes(app: App, ctx: AppContext): void {
  assignmentRoutes(app, ctx);
  evidenceRoutes(app, ctx);
  app.post(
    '/api/tasks',
    {
      config: managers,
      schema: {
        tags,
        summary: 'Add a task to a plan (plan managers); its assignments are created at once',
        body: NewTaskBody,
        response: { 200: NewTaskResponse, ...ErrorResponses },
      },
    },
    async (request) => createTask(ctx, request.auth!, request.body),
  );
  evaluationRoutes(app, ctx);
}

/** A unit's assignments of the plan's tasks: the list, one assignment, its progress reports and its extension. */
function assignmentRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/task-assignments',
    {
      config: { access: { roles: 'signed-in', scope: { in: 'query', field: 'org', kind: 'unit', relation: 'within' } } },
      schema: {
        tags,
        summary: 'Assignments (task × unit × period) of a plan in the caller’s reach for a year, with computed status',
        querystring: AssignmentListQuery,
        response: { 200: AssignmentListSchema, ...ErrorResponses },
      },
    },
    async (request) => listAssignments(ctx, request.auth!, request.query),
  );

  app.get(
    '/api/task-assignments/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'One assignment: task, linked indicators, progress reports, evidence, extension and history',
        params: IdParams,
        response: { 200: AssignmentDetailSchema, ...ErrorResponses },
      },
    },
    async (request) => assignmentDetail(ctx, request.auth!, request.params.id),
  );

  app.post(
    '/api/task-assignments/:id/reports',
    {
      config: writers,
      schema: {
        tags,
        summary: 'File a progress report (status, percent, narrative)',
        params: IdParams,
        body: ProgressBody,
        response: { 200: AssignmentDetailSchema, ...ErrorResponses },
      },
    },
    async (request) => fileProgressReport(ctx, request.auth!, request.params.id, request.body),
  );

  app.post(
    '/api/task-assignments/:id/extension',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Ask for the one extension an assignment may have',
        params: IdParams,
        body: ExtensionBody,
        response: { 200: AssignmentDetailSchema, ...ErrorResponses },
      },
    },
    async (request) => requestExtension(ctx, request.auth!, request.params.id, request.body),
  );

  app.post(
    '/api/task-assignments/:id/extension/decision',
    {
      config: managers,
      schema: {
        tags,
        summary: 'Approve or refuse (with a reason) a pending extension',
        params: IdParams,
        body: DecisionBody,
        response: { 200: AssignmentDetailSchema, ...ErrorResponses },
      },
    },
    async (request) => decideExtension(ctx, request.auth!, request.params.id, request.body),
  );
}

/** Evidence files of an assignment: the upload (a raw body, its type read from the content) and the download. */
function evidenceRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scoped) => {
    scoped.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: EVIDENCE_MAX_BYTES }, (_request, body, done) => done(null, body));
    (scoped as unknown as App).post(
      '/api/task-assignments/:id/evidence',
      {
        config: writers,
        bodyLimit: EVIDENCE_MAX_BYTES,
        schema: {
          tags,
          summary: 'Upload an evidence file (raw body; ?name= the file name); the type is read from the content',
          params: IdParams,
          querystring: EvidenceQuery,
          response: { 200: EvidenceSchema, ...ErrorResponses },
        },
      },
      async (request) => uploadEvidence(ctx, request.auth!, request.params.id, request.query.name, request.body as Buffer),
    );
  });

  app.get(
    '/api/task-evidence/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Download an evidence file (checksum verified)',
        params: EvidenceParams,
        response: { 200: Type.String({ format: 'binary' }), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const file = await evidenceFile(ctx, request.auth!, request.params.id);
      return reply
        .type(file.mimeType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(file.body as never);
    },
  );
}

/** The yearly evaluation: a unit's scorecard, the ranking, and the plan managers' adjustments. */
function evaluationRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/evaluation/scorecard',
    {
      config: { access: { roles: 'signed-in', scope: { in: 'query', field: 'org', kind: 'unit', relation: 'within' } } },
      schema: {
        tags,
        summary: 'A unit’s scorecard for a year, each part with the tasks, indicators and reports that made it',
        querystring: ScorecardQuery,
        response: { 200: ScorecardSchema, ...ErrorResponses },
      },
    },
    async (request) => scorecardOf(ctx, request.auth!, request.query),
  );

  app.get(
    '/api/evaluation/ranking',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Agencies and communes ranked by their scorecard total for a year',
        querystring: RankingQuery,
        response: { 200: RankingSchema, ...ErrorResponses },
      },
    },
    async (request) => ranking(ctx, request.auth!, request.query),
  );

  app.post(
    '/api/evaluation/adjustments',
    {
      config: managers,
      schema: {
        tags,
        summary: 'Adjust a unit’s score with a recorded reason (plan managers; audited)',
        body: AdjustBody,
        response: { 200: ScorecardSchema, ...ErrorResponses },
      },
    },
    async (request) => adjustScore(ctx, request.auth!, request.body),
  );
}
