import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { TrustProxy } from './config.ts';
import type { AppContext } from './context.ts';
import { analyticsRoutes } from './modules/analytics/routes.ts';
import { areaRoutes } from './modules/areas/routes.ts';
import { AreaNodeSchema } from './modules/areas/schema.ts';
import { checkCoversEveryPlan, checkScope } from './access/scope-check.ts';
import { authenticateRequest, authRoutes } from './modules/auth/routes.ts';
import { dataElementRoutes } from './modules/data-elements/routes.ts';
import { dataValueRoutes } from './modules/data-values/routes.ts';
import { demoRoutes } from './modules/demo/routes.ts';
import { dataEntryRoutes } from './modules/data-entry/routes.ts';
import { inboxRoutes } from './modules/inbox/routes.ts';
import { formRoutes } from './modules/forms/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { importRoutes } from './modules/imports/routes.ts';
import { planRoutes } from './modules/plans/routes.ts';
import { taskRoutes } from './modules/tasks/routes.ts';
import { testClockRoutes } from './modules/tasks/test-clock.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { tokenRoutes } from './modules/tokens/routes.ts';
import { registerAccessControl } from './access/route-access.ts';
import type { App } from './http/app-type.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { RequestLog } from './http/request-log.ts';
import { registerInputGuard } from './http/input-guard.ts';
import { registerForeground } from './http/foreground-hooks.ts';
import { ErrorSchema, OPENAPI_INFO } from './http/openapi.ts';
import { registerWebApp } from './http/web.ts';

export interface BuildAppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web app from this folder (the server process serves both). */
  webDistDir?: string | null;
}

/** Content-Security-Policy the web app is built to pass: no inline scripts, no third parties. */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  // The service worker (/sw.js) that lets the app open offline.
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};

/**
 * Fastify's trustProxy for TRUST_PROXY. A hop count is given as a function: Fastify 5 takes a bare
 * number as "trust nothing". With n hops the address is the n-th X-Forwarded-For entry from the right
 * (the one the outermost trusted proxy wrote); entries to its left, which the client wrote, are ignored.
 */
function trustProxyOption(trust: TrustProxy): FastifyServerOptions['trustProxy'] {
  if (typeof trust !== 'number') return trust;
  return (_address: string, hop: number) => hop < trust;
}

/**
 * API answers (figures, users, tokens, errors) are never kept by a browser or a proxy; the web app's
 * files set their own caching (web.ts). Set before routing, so 404s and refusals carry it too.
 */
function registerNoStore(app: App): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?'))
      reply.header('cache-control', 'no-store');
  });
}

export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    return503OnClosing: true,
    logController: new RequestLog(),
    ajv: {
      customOptions: { allErrors: true, verbose: true, coerceTypes: 'array', removeAdditional: false, keywords: ['hintVi', 'hintEn'] },
    },
  }).withTypeProvider() as unknown as App;

  registerErrorHandler(app);
  registerNoStore(app);
  app.addSchema(ErrorSchema);
  app.addSchema(AreaNodeSchema);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, { contentSecurityPolicy: { directives: CSP_DIRECTIVES }, crossOriginEmbedderPolicy: false });
  await app.register(fastifySwagger, { openapi: OPENAPI_INFO as never });
  registerAccessControl(
    app,
    (request) => authenticateRequest(ctx, request),
    (auth, rule, code) => checkScope(ctx, auth, rule, code),
    (auth) => checkCoversEveryPlan(ctx, auth),
  );
  registerInputGuard(app);
  registerForeground(app, ctx.foreground);

  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  userRoutes(app, ctx);
  tokenRoutes(app, ctx);
  areaRoutes(app, ctx);
  planRoutes(app, ctx);
  dataElementRoutes(app, ctx);
  dataValueRoutes(app, ctx);
  demoRoutes(app, ctx);
  formRoutes(app, ctx);
  dataEntryRoutes(app, ctx);
  inboxRoutes(app, ctx);
  importRoutes(app, ctx);
  analyticsRoutes(app, ctx);
  taskRoutes(app, ctx);
  testClockRoutes(app, ctx);
  reportRoutes(app, ctx);
  app.get(
    '/api/openapi.json',
    {
      config: { access: { public: true } },
      schema: { hide: true },
    },
    async () => app.swagger(),
  );

  await registerWebApp(app, options.webDistDir ?? null);
  return app;
}
