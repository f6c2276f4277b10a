import { MANAGER_ROLES, REPORTER_ROLES, WRITER_ROLES } from '@vetplan/domain';
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { cellHistory, saveCell } from './cell.ts';
import { entry, listForms } from './entry.ts';
import { inbox } from './inbox.ts';
import {
  CellBody,
  CellResponse,
  CompletenessQuery,
  CompletenessSchema,
  EntryQuery,
  EntrySchema,
  FormParams,
  FormSummarySchema,
  HistoryQuery,
  HistorySchema,
  InboxSchema,
  BulkApproveBody,
  BulkApproveResponse,
  ReminderBody,
  ReminderResponse,
  SubmissionSchema,
  TransitionBody,
  TransitionParams,
} from './schema.ts';
import { act } from './workflow.ts';
import { completeness } from './board.ts';
import { approveClean } from './bulk-approve.ts';
import { sendReminders } from './reminders.ts';
import { formTemplate, uploadTemplate, XLSX_TYPE } from './xlsx.ts';
import { ImportResponse } from '../data-values/schema.ts';

const signedIn = { access: { roles: 'signed-in' } } as const;
const managers = { access: { roles: MANAGER_ROLES } } as const;
const approvers = { access: { roles: REPORTER_ROLES } } as const;
const writers = { access: { roles: WRITER_ROLES } } as const;

export function formRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/forms',
    {
      config: signedIn,
      schema: {
        tags: ['forms'],
        summary: 'Report forms the caller reports or oversees, with their units in reach',
        response: { 200: Type.Object({ forms: Type.Array(FormSummarySchema) }), ...ErrorResponses },
      },
    },
    async (request) => ({ forms: await listForms(ctx, request.auth!) }),
  );

  app.get(
    '/api/forms/:code/entry',
    {
      config: signedIn,
      schema: {
        tags: ['forms'],
        summary: 'A form’s elements, values, last period’s values, status and rule violations for one unit and period',
        params: FormParams,
        querystring: EntryQuery,
        response: { 200: EntrySchema, ...ErrorResponses },
      },
    },
    async (request) => entry(ctx, request.auth!, request.params.code, request.query.org, request.query.period),
  );

  app.put(
    '/api/data-entry/cell',
    {
      config: writers,
      schema: {
        tags: ['forms'],
        summary: 'Save one cell; a stale baseVersion answers 409 with the current value',
        body: CellBody,
        response: { 200: CellResponse, ...ErrorResponses },
      },
    },
    async (request) => saveCell(ctx, request.auth!, request.body),
  );

  app.get(
    '/api/data-values/history',
    {
      config: signedIn,
      schema: {
        tags: ['data'],
        summary: 'Every change of a cell: who, when, old → new, source',
        querystring: HistoryQuery,
        response: { 200: HistorySchema, ...ErrorResponses },
      },
    },
    async (request) => cellHistory(ctx, request.auth!, request.query),
  );

  app.post(
    '/api/forms/:code/submissions/:org/:period/:action',
    {
      config: writers,
      schema: {
        tags: ['forms'],
        summary: 'Submit, approve, return (with a reason) or unlock (with a reason)',
        params: TransitionParams,
        body: TransitionBody,
        response: { 200: SubmissionSchema, ...ErrorResponses },
      },
    },
    async (request) =>
      act(
        ctx,
        request.auth!,
        request.params.code,
        request.params.org,
        request.params.period,
        request.params.action,
        request.body?.comment?.trim() || null,
      ),
  );

  app.get(
    '/api/forms/:code/completeness',
    {
      config: signedIn,
      schema: {
        tags: ['forms'],
        summary: 'Which units reported a period on time, late or not yet',
        params: FormParams,
        querystring: CompletenessQuery,
        response: { 200: CompletenessSchema, ...ErrorResponses },
      },
    },
    async (request) => completeness(ctx, request.auth!, request.params.code, request.query.period),
  );

  app.post(
    '/api/forms/:code/reminders',
    {
      config: managers,
      schema: {
        tags: ['forms'],
        summary:
          'Remind late units (all of them, or those named) in their officers’ inbox, and by e-mail when SMTP_URL is set; 409 for a unit that is not late',
        params: FormParams,
        body: ReminderBody,
        response: { 200: ReminderResponse, ...ErrorResponses },
      },
    },
    async (request) => sendReminders(ctx, request.auth!, request.params.code, request.body),
  );

  app.post(
    '/api/forms/:code/approvals',
    {
      config: approvers,
      schema: {
        tags: ['forms'],
        summary:
          'Approve every clean submission (submitted, no rule violation) of a period, each unit in its own transaction; answers what was approved and what was skipped and why',
        params: FormParams,
        body: BulkApproveBody,
        response: { 200: BulkApproveResponse, ...ErrorResponses },
      },
    },
    async (request) => approveClean(ctx, request.auth!, request.params.code, request.body),
  );

  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: ctx.config.xlsxLimitBytes }, (_request, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/forms/:code/template.xlsx',
    {
      config: signedIn,
      schema: {
        tags: ['forms'],
        summary: 'The form as an Excel template for one unit and period, filled with the stored figures',
        params: FormParams,
        querystring: EntryQuery,
        response: { 200: { type: 'string', format: 'binary' }, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const file = await formTemplate(ctx, request.auth!, request.params.code, request.query.org, request.query.period);
      const name = `${request.params.code}_${request.query.org}_${request.query.period}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(file as never);
    },
  );

  app.post(
    '/api/forms/:code/xlsx',
    {
      config: { ...writers, longWork: true },
      bodyLimit: ctx.config.xlsxLimitBytes,
      schema: {
        tags: ['forms'],
        summary: 'Upload a filled Excel template; every bad cell is named by sheet and cell, and nothing is stored',
        params: FormParams,
        body: { content: { [XLSX_TYPE]: { schema: { description: 'The filled .xlsx template (binary)' } } } },
        response: { 200: ImportResponse, ...ErrorResponses },
      },
    },
    async (request) => uploadTemplate(ctx, request.auth!, request.params.code, request.body as Buffer),
  );

  app.get(
    '/api/inbox',
    {
      config: signedIn,
      schema: {
        tags: ['forms'],
        summary: 'What is due, overdue, returned or waiting for approval for the caller',
        response: { 200: InboxSchema, ...ErrorResponses },
      },
    },
    async (request) => inbox(ctx, request.auth!),
  );
}
