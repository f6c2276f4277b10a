import type { App } from '../../http/app-type.ts';
import type { AppContext } from '../../context.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { CreateUserBody, ResetPasswordBody, UpdateUserBody, UserListSchema, UserSchema, UsernameParams } from './schema.ts';
import * as service from './service.ts';
import { resetPassword, updateUser } from './update.ts';

const admin = { access: { roles: ['admin'] } } as const;

export function userRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/users',
    {
      config: admin,
      schema: { tags: ['users'], summary: 'Users within the caller’s scope', response: { 200: UserListSchema, ...ErrorResponses } },
    },
    async (request) => ({ users: await service.listUsersFor(ctx, request.auth!) }),
  );

  app.post(
    '/api/users',
    {
      config: admin,
      schema: { tags: ['users'], summary: 'Create a user', body: CreateUserBody, response: { 201: UserSchema, ...ErrorResponses } },
    },
    async (request, reply) => {
      const user = await service.createUser(ctx, request.body, { actor: request.auth, ip: request.ip });
      return reply.code(201).send(user);
    },
  );

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/api/users/:username/${action}`,
      {
        config: admin,
        schema: {
          tags: ['users'],
          summary: `${action === 'disable' ? 'Disable' : 'Enable'} a user`,
          params: UsernameParams,
          response: { 200: UserSchema, ...ErrorResponses },
        },
      },
      async (request) => service.setDisabled(ctx, request.auth!, request.params.username, disabled, request.ip),
    );
  }

  app.patch(
    '/api/users/:username',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Change a user’s role, scope (org), display name or active flag',
        params: UsernameParams,
        body: UpdateUserBody,
        response: { 200: UserSchema, ...ErrorResponses },
      },
    },
    async (request) => updateUser(ctx, request.auth!, request.params.username, request.body, request.ip),
  );

  app.post(
    '/api/users/:username/password',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Set a new password that the user must change at the next login; ends their sessions',
        params: UsernameParams,
        body: ResetPasswordBody,
        response: { 200: UserSchema, ...ErrorResponses },
      },
    },
    async (request) => resetPassword(ctx, request.auth!, request.params.username, request.body.password, request.ip),
  );
}
