import type { App } from '../../http/app-type.ts';
import type { AppContext } from '../../context.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { CreateUserBody, UserListSchema, UserSchema, UsernameParams } from './schema.ts';
import * as service from './service.ts';

const admin = { access: { roles: ['admin'] } } as const;

export function userRoutes(app: App, ctx: AppContext): void {
  app.get('/api/users', {
    config: admin,
    schema: { tags: ['users'], summary: 'Users within the caller’s scope', response: { 200: UserListSchema, ...ErrorResponses } },
  }, async (request) => ({ users: await service.listUsersFor(ctx, request.auth!) }));

  app.post('/api/users', {
    config: admin,
    schema: { tags: ['users'], summary: 'Create a user', body: CreateUserBody, response: { 201: UserSchema, ...ErrorResponses } },
  }, async (request, reply) => {
    const user = await service.createUser(ctx, request.body, { actor: request.auth, ip: request.ip });
    return reply.code(201).send(user);
  });

  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/api/users/:username/${action}`, {
      config: admin,
      schema: { tags: ['users'], summary: `${action === 'disable' ? 'Disable' : 'Enable'} a user`, params: UsernameParams, response: { 200: UserSchema, ...ErrorResponses } },
    }, async (request) => service.setDisabled(ctx, request.auth!, request.params.username, disabled, request.ip));
  }
}
