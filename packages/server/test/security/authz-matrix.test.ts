import { ROLES, type Role } from '@vetplan/domain';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Access } from '../../src/access/route-access.ts';
import { TEST_PASSWORD, useTestApp, type Session } from '../support/app.ts';
import { copyPlan, newCommuneOrganisation } from '../support/plans.ts';
import { bodyUnitFields, type OpenApiOperation } from './body-units.ts';
import {
  COMMUNE_PLAN,
  FORM,
  IN_PLAN,
  IN_UNIT,
  IN_UNIT_ORG,
  LOGIN_USER,
  OUT_AREA,
  OUT_PLAN,
  OUT_UNIT,
  PERIOD,
  ROUTE_FIXTURES,
  TARGET_IN,
  TARGET_OUT,
  type Call,
  type FixtureData,
  type RouteFixture,
} from './route-fixtures.ts';

/**
 * The authorization matrix: every `/api` route × every role (and anonymous)
 * × a unit in and out of the caller's scope, against the rules the routes
 * declare and the policy written in route-fixtures.ts.
 */
const t = useTestApp({ SESSION_IDLE_MINUTES: '10080', LOGIN_MAX_FAILURES: '1000' });

type Caller = Role | 'anonymous';
const CALLERS: Caller[] = [...ROLES, 'anonymous'];
const sessions = new Map<Role, Session>();
const usernames = new Map<Role, string>();
let data: FixtureData;
let counter = 0;

interface Answer {
  status: number;
  body: { error?: string; message?: string; errors?: { message: string }[] } | null;
  location?: string;
}

async function call(caller: Caller, method: string, c: Call): Promise<Answer> {
  const session = caller === 'anonymous' ? null : sessions.get(caller)!;
  const headers: Record<string, string> = session ? { ...session.write } : {};
  let payload: string | Buffer | undefined;
  if (c.body !== undefined) {
    headers['content-type'] = c.contentType ?? 'application/json';
    payload = Buffer.isBuffer(c.body) ? c.body : JSON.stringify(c.body);
  }
  const res = await t.app.inject({ method: method as 'GET', url: c.url, headers, payload });
  let body: Answer['body'] = null;
  if ((res.headers['content-type'] ?? '').toString().includes('json')) body = res.json();
  return { status: res.statusCode, body, location: res.headers.location as string | undefined };
}

/** The route key of an OpenAPI path: `/api/plans/{code}` → `/api/plans/:code`. */
const fromOpenApi = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

function samePolicy(access: Access, policy: RouteFixture['policy']): boolean {
  if ('public' in access) return policy === 'public';
  if (access.roles === 'signed-in' || policy === 'signed-in' || policy === 'public') return access.roles === policy;
  return [...access.roles].sort().join(',') === [...policy].sort().join(',');
}

const scopeLabel = (where: string) =>
  where === 'in' ? 'in scope' : where === 'out' ? 'out of scope' : `out of scope in body field ${where.slice(4)}`;

const describeAccess = (access: Access) =>
  'public' in access ? 'public' : `${JSON.stringify(access.roles)}${access.scope ? ` scope ${JSON.stringify(access.scope)}` : ''}`;

/** A write whose body names units must be checked against the caller's scope, one out-of-scope request per such field. */
function bodyUnitProblems(key: string, operation: OpenApiOperation): string[] {
  const fixture = ROUTE_FIXTURES[key];
  const fields = bodyUnitFields(operation);
  if (!fixture || fields.length === 0) return [];
  const problems = fixture.scope ? [] : [`${key}: its body names units (${fields.join(', ')}) but its row says no scope`];
  for (const field of fields) {
    if (!fixture.outBody?.[field])
      problems.push(
        `${key}: its body names a unit in "${field}" but its row has no outBody.${field} (the request naming a unit outside the caller's scope there)`,
      );
  }
  return problems;
}

function allowed(fixture: RouteFixture, caller: Caller): boolean {
  if (fixture.policy === 'public') return true;
  if (caller === 'anonymous') return false;
  return fixture.policy === 'signed-in' || fixture.policy.includes(caller);
}

async function outOfScopeProblem(fixture: RouteFixture, answer: Answer, caller: Role): Promise<string | null> {
  const kind = fixture.outAnswer ?? 'refused';
  const names = (messages: (string | undefined)[]) => messages.some((m) => m?.includes('ngoài phạm vi'));
  if (kind === 'refused')
    return answer.status === 403 ? null : `expected 403 out of scope, got ${answer.status} ${answer.body?.error ?? ''}`;
  if (kind === 'row_error') {
    const ok =
      answer.status >= 400 && answer.status < 500 && names([answer.body?.message, ...(answer.body?.errors ?? []).map((e) => e.message)]);
    return ok ? null : `expected a 4xx naming the out-of-scope row, got ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 200)}`;
  }
  if (answer.status !== 202 || !answer.location) return `expected 202 and a job, got ${answer.status}`;
  const job = await vi.waitFor(
    async () => {
      const j = await call(caller, 'GET', { url: answer.location! });
      const value = j.body as unknown as { status: string; error: { errors: { message: string }[] } | null };
      if (value.status === 'running') throw new Error('still running');
      return value;
    },
    { timeout: 20_000, interval: 10 },
  );
  return job.status === 'failed' && names((job.error?.errors ?? []).map((e) => e.message))
    ? null
    : `expected the import job to fail naming the out-of-scope row, got ${JSON.stringify(job).slice(0, 200)}`;
}

beforeAll(async () => {
  t.clock.current = new Date('2025-06-16T03:00:00Z');
  const db = t.ctx.db;
  // A district the catalogue does not hold, with a plan: out of every matrix user's reach.
  await db.insertInto('area').values({ code: OUT_AREA, level: 'district' }).execute();
  await db
    .insertInto('area_version')
    .values({ area_code: OUT_AREA, name: 'Huyện ngoài phạm vi', name_en: null, kind: 'district', parent_code: '24' })
    .execute();
  await copyPlan(db, IN_PLAN, OUT_PLAN, OUT_AREA);
  // The commune's own plan and an organisation in it: what a commune's managers may add tasks to and score.
  await copyPlan(db, IN_PLAN, COMMUNE_PLAN, IN_UNIT);
  await newCommuneOrganisation(db, IN_UNIT_ORG, IN_UNIT);

  const setup = await t.token(await t.newUser({ role: 'admin', org: 'VN' }));
  const template = async (org: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/forms/${FORM}/template.xlsx?org=${org}&period=${PERIOD}`,
      headers: { authorization: `Bearer ${setup}` },
    });
    if (res.statusCode !== 200) throw new Error(`template for ${org}: ${res.statusCode} ${res.body}`);
    return res.rawPayload;
  };
  data = { n: 0, xlsx: { in: await template(IN_UNIT), out: await template(OUT_UNIT) }, loginPassword: TEST_PASSWORD };
  // A figure already stored: loading the demo history answers 409 instead of filling the database.
  const seeded = await t.app.inject({
    method: 'POST',
    url: '/api/data-values',
    headers: { authorization: `Bearer ${setup}` },
    payload: [{ element: 'DE_LABOUR_FORCE', period: '2024', org: IN_UNIT, disagg: 'sex:M', value: 1 }],
  });
  if (seeded.statusCode !== 200) throw new Error(`seed: ${seeded.statusCode} ${seeded.body}`);

  await t.newUser({ role: 'viewer', org: IN_UNIT, username: TARGET_IN });
  await t.newUser({ role: 'viewer', org: OUT_UNIT, username: TARGET_OUT });
  await t.newUser({ role: 'viewer', org: IN_UNIT, username: LOGIN_USER });
  for (const role of ROLES) {
    usernames.set(role, await t.newUser({ role, org: IN_UNIT }));
    sessions.set(role, await t.login(usernames.get(role)!));
  }
});

describe('authorization matrix', () => {
  it('has a fixture row for every route, and every row matches the rule the route declares', async () => {
    const problems: string[] = [];
    const declared = t.app.accessRules.filter((r) => r.method !== 'HEAD');
    const keys = new Set(declared.map((r) => `${r.method} ${r.url}`));
    for (const rule of declared) {
      const key = `${rule.method} ${rule.url}`;
      const fixture = ROUTE_FIXTURES[key];
      if (!fixture) {
        problems.push(`${key}: no row in test/security/route-fixtures.ts ROUTE_FIXTURES (declared ${describeAccess(rule.access)})`);
        continue;
      }
      if (!samePolicy(rule.access, fixture.policy))
        problems.push(`${key}: declares ${describeAccess(rule.access)} but the matrix policy is ${JSON.stringify(fixture.policy)}`);
      const routeScope = !('public' in rule.access) && rule.access.scope !== undefined;
      if (routeScope !== (fixture.scope === 'route'))
        problems.push(`${key}: declares ${routeScope ? 'a' : 'no'} scope rule but the matrix row says scope: ${fixture.scope ?? 'none'}`);
      if (fixture.scope && !fixture.out && !fixture.outBody)
        problems.push(`${key}: acts on a unit but its row has no out-of-scope request (out or outBody)`);
    }
    for (const key of Object.keys(ROUTE_FIXTURES))
      if (!keys.has(key)) problems.push(`${key}: a matrix row for a route that does not exist`);
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, OpenApiOperation>>;
    }>();
    for (const [path, ops] of Object.entries(openapi.paths)) {
      for (const [method, operation] of Object.entries(ops)) {
        const key = `${method.toUpperCase()} ${fromOpenApi(path)}`;
        if (method !== 'head' && !keys.has(key)) problems.push(`${key}: in the OpenAPI document but has no declared access rule`);
        problems.push(...bodyUnitProblems(key, operation));
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers every route × role × scope as the policy says', async () => {
    const problems: string[] = [];
    let requests = 0;
    for (const [key, fixture] of Object.entries(ROUTE_FIXTURES)) {
      const method = key.split(' ')[0]!;
      for (const caller of CALLERS) {
        const cases: [string, Call][] = [['in', fixture.in({ ...data, n: ++counter })]];
        if (fixture.out) cases.push(['out', fixture.out({ ...data, n: ++counter })]);
        for (const [field, make] of Object.entries(fixture.outBody ?? {})) cases.push([`out:${field}`, make({ ...data, n: ++counter })]);
        for (const [where, request] of cases) {
          const answer = await call(caller, method, request);
          requests++;
          const label = `${key} as ${caller} (${scopeLabel(where)}) → ${answer.status} ${answer.body?.error ?? ''}`;
          if (answer.status >= 500) problems.push(`${label}: a server error`);
          else if (!allowed(fixture, caller)) {
            const expected = caller === 'anonymous' ? 401 : 403;
            if (answer.status !== expected) problems.push(`${label}: expected ${expected}`);
          } else if (where !== 'in') {
            const problem = await outOfScopeProblem(fixture, answer, caller as Role);
            if (problem) problems.push(`${label}: ${problem}`);
          } else if (fixture.planWide) {
            if (answer.status !== 403 || answer.body?.error !== 'out_of_scope')
              problems.push(`${label}: expected 403 out_of_scope for a caller below the plan's area`);
          } else if (answer.status === 401 || answer.status === 403) problems.push(`${label}: refused, but the policy allows it`);
          if (fixture.endsSession && caller !== 'anonymous') sessions.set(caller, await t.login(usernames.get(caller)!));
        }
      }
    }
    expect(problems).toEqual([]);
    expect(requests).toBeGreaterThan(300);
  });

  it('refuses every cookie write without the CSRF token or from another origin, and takes it with a Bearer token', async () => {
    const problems: string[] = [];
    const admin = sessions.get('admin')!;
    const token = await t.token(usernames.get('admin')!);
    for (const [key, fixture] of Object.entries(ROUTE_FIXTURES)) {
      const method = key.split(' ')[0]!;
      if (method === 'GET' || fixture.policy === 'public') continue;
      const request = fixture.in({ ...data, n: ++counter });
      const body = request.body === undefined ? {} : { 'content-type': request.contentType ?? 'application/json' };
      const payload = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : JSON.stringify(request.body);
      const inject = (headers: Record<string, string>) =>
        t.app.inject({ method: method as 'POST', url: request.url, headers: { ...body, ...headers }, payload });
      const noToken = await inject({ cookie: admin.cookie });
      if (noToken.statusCode !== 403 || noToken.json().error !== 'csrf_failed')
        problems.push(`${key} without X-CSRF-Token → ${noToken.statusCode}`);
      const wrong = await inject({ cookie: admin.cookie, 'x-csrf-token': `${admin.csrf.slice(0, -1)}x` });
      if (wrong.statusCode !== 403) problems.push(`${key} with a wrong X-CSRF-Token → ${wrong.statusCode}`);
      const foreign = await inject({ ...admin.write, origin: 'https://evil.example' });
      if (foreign.statusCode !== 403) problems.push(`${key} from another origin → ${foreign.statusCode}`);
      if (fixture.endsSession) continue;
      const bearer = await inject({ authorization: `Bearer ${token}` });
      // A plan-wide act passes the CSRF check with a Bearer token and is then refused for the commune-scoped admin.
      const refused = fixture.planWide
        ? bearer.statusCode !== 403 || bearer.json().error !== 'out_of_scope'
        : bearer.statusCode === 401 || bearer.statusCode === 403;
      if (refused || bearer.statusCode >= 500) problems.push(`${key} with a Bearer token → ${bearer.statusCode}`);
    }
    expect(problems).toEqual([]);
  });
});
