import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { InboxSchema } from './schema.ts';
import { inbox } from './service.ts';

/** Hộp thư: what is due, overdue, returned, to approve or reminded, for the signed-in user. */
export function inboxRoutes(app: App, ctx: AppContext): void {
  const signedIn = { access: { roles: 'signed-in' } } as const;
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
