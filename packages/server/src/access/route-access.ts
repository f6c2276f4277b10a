import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '@vetplan/domain';
import { errors } from '../http/errors.ts';
import type { AuthContext } from './auth-context.ts';

/**
 * Who may call a route, declared on the route itself. Every `/api` route
 * must declare one: a route without a rule stops the server from starting.
 */
export type Access =
  | { public: true }
  | {
      /** Roles allowed, or any signed-in user. */
      roles: readonly Role[] | 'signed-in';
      /** The unit(s) the request acts on, each of which must lie in the user's scope: one rule per field that names a unit. */
      scope?: ScopeRule | readonly ScopeRule[];
      /**
       * `every-plan`: the act changes what every plan of the installation reads (the catalogue, the
       * demo history), so the user's scope must be each plan's area or above it (403 out_of_scope).
       */
      reach?: 'every-plan';
      /**
       * Open to a user who must change the password an administrator set (me, logout, the change itself); every other route answers 403
       * password_change_required.
       */
      beforePasswordChange?: true;
    };

export interface ScopeRule {
  /** Where the unit's code is in the request. */
  in: 'params' | 'query' | 'body';
  field: string;
  /** What the code names: an area or organisation, or a plan (checked through the plan's area). */
  kind: 'unit' | 'plan';
  /** `within`: the unit is in the user's subtree; `related`: also the units above the user's (reading a district plan). */
  relation: 'within' | 'related';
}

/** Checks a scope rule for a signed-in user; throws not_found or out_of_scope. */
export type ScopeChecker = (auth: AuthContext, rule: ScopeRule, code: string) => Promise<void>;

/** Checks that a signed-in user's scope covers every plan's area; throws out_of_scope. */
export type ReachChecker = (auth: AuthContext) => Promise<void>;

/** One route's declared rule, as registered: the authorization matrix test reads these. */
export interface DeclaredAccess {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every `/api` route with its declared rule, in registration order. */
    accessRules: readonly DeclaredAccess[];
  }
  interface FastifyContextConfig {
    access?: Access;
    /** The route runs long work itself (an import): not counted as an interactive request (foreground.ts). */
    longWork?: true;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A cross-site request from a browser names another origin; refuse it for cookie sessions. */
function crossOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/** The codes a rule's field holds: one string, or a list of them; nothing for an absent field. */
function codesAt(request: FastifyRequest, rule: ScopeRule): string[] {
  const source = rule.in === 'params' ? request.params : rule.in === 'query' ? request.query : request.body;
  const value = source && typeof source === 'object' ? (source as Record<string, unknown>)[rule.field] : undefined;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The one authorization layer: authenticates every request, then enforces
 * the route's declared roles, CSRF protection for cookie sessions, and scope.
 */
export function registerAccessControl(
  app: FastifyInstance,
  authenticate: (request: FastifyRequest) => Promise<AuthContext | null>,
  checkScope: ScopeChecker,
  checkEveryPlan: ReachChecker,
): void {
  app.decorateRequest('auth', null);
  const declared: DeclaredAccess[] = [];
  app.decorate('accessRules', declared);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    for (const method of [route.method].flat()) declared.push({ method: String(method), url: route.url, access });
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    request.auth = await authenticate(request);
    if ('public' in access) return;
    const auth = request.auth;
    if (!auth) throw errors.unauthorized();
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const token = request.headers['x-csrf-token'];
      if (typeof token !== 'string' || !sameSecret(token, auth.csrfToken ?? '') || crossOrigin(request)) {
        throw errors.csrf();
      }
    }
    if (auth.mustChangePassword && !access.beforePasswordChange) throw errors.passwordChangeRequired();
    if (access.roles !== 'signed-in' && !access.roles.includes(auth.role)) throw errors.forbidden();
  });

  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || 'public' in access || !request.auth) return;
    if (access.reach === 'every-plan') await checkEveryPlan(request.auth);
    // Absent optional filters are narrowed by the service.
    for (const rule of [access.scope ?? []].flat()) for (const code of codesAt(request, rule)) await checkScope(request.auth, rule, code);
  });
}
