import { MANAGER_ROLES, REPORTER_ROLES, WRITER_ROLES } from '@vetplan/domain';
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { entry, listForms } from './entry.ts';
import {
  CompletenessQuery,
  CompletenessSchema,
  EntryQuery,
  EntrySchema,
  FormParams,
  FormSummarySchema,
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

  submissionRoutes(app, ctx);

  boardRoutes(app, ctx);
}

/** A report’s workflow for one unit and period: submit, approve, return or unlock it. */
function submissionRoutes(app: App, ctx: AppContext): void {
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
}

/** The manager’s board of a form: who has reported, reminders to the late units, and approving the clean reports at once. */
function boardRoutes(app: App, ctx: AppContext): void {
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
          'Remind late units (all of them, or those named) in their officers’ inbox, and by e-mail when SMTP_URL is set; ' +
          '409 for a unit that is not late',
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
          'Approve every clean submission (submitted, no rule violation) of a period, each unit in its own transaction; ' +
          'answers what was approved and what was skipped and why',
        params: FormParams,
        body: BulkApproveBody,
        response: { 200: BulkApproveResponse, ...ErrorResponses },
      },
    },
    async (request) => approveClean(ctx, request.auth!, request.params.code, request.body),
  );
}
