import type { AuthContext } from '../../access/auth-context.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { changeOwnPassword } from './password-change.ts';
import { ChangePasswordBody, LoginBody, MeSchema } from './schema.ts';
import * as service from './service.ts';

export const SESSION_COOKIE = 'vetplan_session';

function me(auth: AuthContext) {
  return {
    user: {
      username: auth.username,
      displayName: auth.displayName,
      role: auth.role,
      scope: { code: auth.scope.code, name: auth.scope.name, type: auth.scope.type },
    },
    csrfToken: auth.csrfToken,
    mustChangePassword: auth.mustChangePassword ?? false,
  };
}

function client(request: FastifyRequest): service.ClientInfo {
  return { ip: request.ip, userAgent: request.headers['user-agent']?.slice(0, 300) ?? null };
}

function secureCookie(ctx: AppContext, request: FastifyRequest): boolean {
  if (ctx.config.cookieSecure === 'always') return true;
  if (ctx.config.cookieSecure === 'never') return false;
  return request.protocol === 'https';
}

function clearCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function authRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/auth/login',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets the session cookie',
        security: [],
        body: LoginBody,
        response: { 200: MeSchema, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const result = await service.login(ctx, request.body.username, request.body.password, client(request));
      reply.setCookie(SESSION_COOKIE, result.cookieValue, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie(ctx, request),
        maxAge: result.maxAgeSeconds,
      });
      return me(result.auth);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { roles: 'signed-in', beforePasswordChange: true } },
      schema: { tags: ['auth'], summary: 'Log out; ends the session', response: { 204: { type: 'null' }, ...ErrorResponses } },
    },
    async (request, reply) => {
      await service.logout(ctx, request.auth!, client(request));
      clearCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: { roles: 'signed-in', beforePasswordChange: true } },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and the CSRF token of the session',
        response: { 200: MeSchema, ...ErrorResponses },
      },
    },
    async (request) => me(request.auth!),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: { roles: 'signed-in', beforePasswordChange: true } },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password (giving the current one); the old one stops working and the user’s other sessions end',
        body: ChangePasswordBody,
        response: { 200: MeSchema, ...ErrorResponses },
      },
    },
    async (request) => me(await changeOwnPassword(ctx, request.auth!, request.body, client(request))),
  );
}

/** Reads the credentials of a request: a Bearer token first, else the session cookie. */
export async function authenticateRequest(ctx: AppContext, request: FastifyRequest): Promise<AuthContext | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return service.authenticateToken(ctx, header.slice(7).trim());
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? service.authenticateSession(ctx, cookie) : null;
}
