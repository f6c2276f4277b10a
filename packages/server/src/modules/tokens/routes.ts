import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { CreateTokenBody, CreatedTokenSchema, TokenIdParams, TokenListQuery, TokenListSchema } from './schema.ts';
import * as service from './service.ts';

const signedIn = { access: { roles: 'signed-in' } } as const;

export function tokenRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/tokens',
    {
      config: signedIn,
      schema: {
        tags: ['auth'],
        summary: 'API tokens of the caller (or, for administrators, of a user in their scope), without secrets',
        querystring: TokenListQuery,
        response: { 200: TokenListSchema, ...ErrorResponses },
      },
    },
    async (request) => ({ tokens: await service.listTokens(ctx, request.auth!, request.query.username) }),
  );

  app.post(
    '/api/tokens',
    {
      config: signedIn,
      schema: {
        tags: ['auth'],
        summary: 'Create an API token of the caller; the secret is answered once',
        body: CreateTokenBody,
        response: { 201: CreatedTokenSchema, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const issued = await service.createOwnToken(ctx, request.auth!, request.body, request.ip);
      return reply.code(201).send({ ...issued.dto, token: issued.token });
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: signedIn,
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token (the caller’s, or an administrator’s within their scope)',
        params: TokenIdParams,
        response: { 204: { type: 'null' }, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      await service.revokeToken(ctx, request.auth!, request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );
}
