import type { Role } from '@vetplan/domain';
import { XLSX_TYPE } from '../../src/modules/data-entry/xlsx.ts';

/** Units and records the matrix requests name: every user of the matrix is scoped to IN_UNIT. */
export const IN_UNIT = '07741';
export const OUT_UNIT = '07747';
export const FORM = 'F_COMMUNE_GDNN_6M';
export const PERIOD = '2025S1';
export const IN_PLAN = 'YD-GDNN-2023';
/** A plan of a district outside the catalogue's one, inserted by the matrix test. */
export const OUT_PLAN = 'ZZ-OUT-OF-SCOPE';
export const OUT_AREA = '999';
/** A plan of IN_UNIT's own (a copy of IN_PLAN), inserted by the matrix test: its tasks and scores are the commune's to set. */
export const COMMUNE_PLAN = 'ZZ-COMMUNE-PLAN';
/** An organisation within IN_UNIT that is not the commune itself, inserted by the matrix test. */
export const IN_UNIT_ORG = '07741-DN-MATRIX';
export const TARGET_IN = 'matrix-target-in';
export const TARGET_OUT = 'matrix-target-out';
export const LOGIN_USER = 'matrix-login';

/** What the fixtures need that only exists once the test database is prepared. */
export interface FixtureData {
  /** A number unique to each request (for usernames and codes that must not repeat). */
  n: number;
  /** Filled Excel templates of FORM for IN_UNIT and OUT_UNIT. */
  xlsx: { in: Buffer; out: Buffer };
  loginPassword: string;
}

export interface Call {
  url: string;
  body?: unknown;
  contentType?: string;
}

/**
 * How an allowed role is refused a unit outside its scope:
 * `refused` 403 at once; `row_error` the import answers 4xx naming the row;
 * `import_job_error` the import job is accepted and then fails naming the row.
 */
export type OutOfScopeAnswer = 'refused' | 'row_error' | 'import_job_error';

export interface RouteFixture {
  /** Who may call the route: must equal the declared `config.access`. */
  policy: 'public' | 'signed-in' | readonly Role[];
  /** Which layer checks the unit the request names: `route` (config.access.scope) or `service`. Omitted: no unit, or lists filtered to the caller's reach. */
  scope?: 'route' | 'service';
  /** A request on a unit in the caller's scope (or on no unit). */
  in: (f: FixtureData) => Call;
  /** The same request on a unit outside the caller's scope (in the path or query); `scope` needs it or `outBody`. */
  out?: (f: FixtureData) => Call;
  /**
   * For a write whose body names units: per body field that names one (`org`, `plan`, `lead`, `coordinating`…,
   * and `org` for a CSV or Excel body), the request naming a unit outside the caller's scope in that field only.
   * The matrix finds these fields in the route's body schema and fails when one has no request here.
   */
  outBody?: Record<string, (f: FixtureData) => Call>;
  outAnswer?: OutOfScopeAnswer;
  /** The answer covers the plan's whole area, or the act every plan's (`reach: 'every-plan'`): callers scoped to one commune (as every matrix user is) are refused 403 out_of_scope. */
  planWide?: true;
  /** The call ends the caller's session (the test signs in again after it). */
  endsSession?: true;
}

const WRITERS = ['admin', 'plan_manager', 'unit_officer', 'unit_head'] as const;
const ADMIN = ['admin'] as const;
const MANAGERS = ['admin', 'plan_manager'] as const;
const REPORTERS = ['admin', 'plan_manager', 'unit_head'] as const;
const q = (path: string, query: Record<string, string>) => `${path}?${new URLSearchParams(query).toString()}`;
const cell = (org: string) => ({ element: 'DE_LABOUR_FORCE', period: PERIOD, org, disagg: 'sex:M', value: 5, baseVersion: 0 });
const row = (org: string) => [{ element: 'DE_LABOUR_FORCE', period: PERIOD, org, disagg: 'sex:F', value: 7 }];
const csv = (org: string) => Buffer.from(`element,period,org,disagg,value\nDE_LABOUR_FORCE,${PERIOD},${org},sex:F,7\n`);
const task = (over: Record<string, unknown>) => ({
  plan: COMMUNE_PLAN,
  group: '1',
  title: 'Nhiệm vụ thử',
  lead: [`${IN_UNIT}-UBND`],
  startOn: '2025-07-01',
  recurrence: 'once',
  dueOn: '2025-12-31',
  ...over,
});
const adjustment = (over: Record<string, unknown>) => ({
  plan: COMMUNE_PLAN,
  org: IN_UNIT_ORG,
  year: 2025,
  delta: 1,
  reason: 'Điều chỉnh thử',
  ...over,
});
const report = (over: Record<string, unknown>) => ({ type: 'plan-progress', plan: IN_PLAN, org: IN_UNIT, period: PERIOD, ...over });
const newUser = (n: number, org: string) => ({ username: `matrix-new-${n}`, password: 'correct-horse-42', role: 'viewer', org });

/**
 * One row per `METHOD /api/path` (Fastify's `:param` form). A route without
 * a row here fails the authorization matrix; adding a route means adding its row.
 */
export const ROUTE_FIXTURES: Record<string, RouteFixture> = {
  'GET /api/health': { policy: 'public', in: () => ({ url: '/api/health' }) },
  'GET /api/openapi.json': { policy: 'public', in: () => ({ url: '/api/openapi.json' }) },
  'POST /api/auth/login': {
    policy: 'public',
    in: (f) => ({ url: '/api/auth/login', body: { username: LOGIN_USER, password: f.loginPassword } }),
  },
  'POST /api/auth/logout': { policy: 'signed-in', endsSession: true, in: () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/me': { policy: 'signed-in', in: () => ({ url: '/api/auth/me' }) },
  // A wrong current password (400): the matrix users keep theirs.
  'POST /api/auth/password': {
    policy: 'signed-in',
    in: () => ({ url: '/api/auth/password', body: { currentPassword: 'not-the-password', newPassword: 'ngựa đúng pin kẹp ghim' } }),
  },
  'GET /api/tokens': {
    policy: 'signed-in',
    scope: 'service',
    in: () => ({ url: '/api/tokens' }),
    out: () => ({ url: `/api/tokens?username=${TARGET_OUT}` }),
  },
  'POST /api/tokens': { policy: 'signed-in', in: (f) => ({ url: '/api/tokens', body: { name: `matrix ${f.n}`, expiresInDays: 1 } }) },
  // No such token (404); revoking another user's token: routes/tokens.test.ts.
  'DELETE /api/tokens/:id': { policy: 'signed-in', in: () => ({ url: '/api/tokens/2000000000' }) },

  'GET /api/users': { policy: ADMIN, in: () => ({ url: '/api/users' }) },
  'POST /api/users': {
    policy: ADMIN,
    scope: 'service',
    in: (f) => ({ url: '/api/users', body: newUser(f.n, IN_UNIT) }),
    outBody: { org: (f) => ({ url: '/api/users', body: newUser(f.n, OUT_UNIT) }) },
  },
  'POST /api/users/:username/disable': {
    policy: ADMIN,
    scope: 'service',
    in: () => ({ url: `/api/users/${TARGET_IN}/disable` }),
    out: () => ({ url: `/api/users/${TARGET_OUT}/disable` }),
  },
  'POST /api/users/:username/enable': {
    policy: ADMIN,
    scope: 'service',
    in: () => ({ url: `/api/users/${TARGET_IN}/enable` }),
    out: () => ({ url: `/api/users/${TARGET_OUT}/enable` }),
  },
  'PATCH /api/users/:username': {
    policy: ADMIN,
    scope: 'service',
    in: (f) => ({ url: `/api/users/${TARGET_IN}`, body: { displayName: `Matrix ${f.n}` } }),
    out: (f) => ({ url: `/api/users/${TARGET_OUT}`, body: { displayName: `Matrix ${f.n}` } }),
    outBody: { org: () => ({ url: `/api/users/${TARGET_IN}`, body: { org: OUT_UNIT } }) },
  },
  'POST /api/users/:username/password': {
    policy: ADMIN,
    scope: 'service',
    in: () => ({ url: `/api/users/${TARGET_IN}/password`, body: { password: 'ngựa đúng pin kẹp ghim' } }),
    out: () => ({ url: `/api/users/${TARGET_OUT}/password`, body: { password: 'ngựa đúng pin kẹp ghim' } }),
  },

  'GET /api/areas/tree': { policy: 'signed-in', in: () => ({ url: '/api/areas/tree' }) },
  'GET /api/organisations': { policy: 'signed-in', in: () => ({ url: '/api/organisations' }) },
  'GET /api/plans': { policy: 'signed-in', in: () => ({ url: '/api/plans' }) },
  'GET /api/plans/:code': {
    policy: 'signed-in',
    scope: 'route',
    in: () => ({ url: `/api/plans/${IN_PLAN}` }),
    out: () => ({ url: `/api/plans/${OUT_PLAN}` }),
  },
  'GET /api/plans/:code/progress': {
    policy: 'signed-in',
    scope: 'route',
    in: () => ({ url: `/api/plans/${IN_PLAN}/progress` }),
    out: () => ({ url: `/api/plans/${OUT_PLAN}/progress` }),
  },

  'GET /api/data-elements': { policy: 'signed-in', in: () => ({ url: '/api/data-elements' }) },
  'GET /api/dimensions': { policy: 'signed-in', in: () => ({ url: '/api/dimensions' }) },
  'POST /api/data-elements': {
    policy: ADMIN,
    planWide: true,
    in: (f) => ({
      url: '/api/data-elements',
      body: {
        code: `DE_MATRIX_${f.n}`,
        name: 'Chỉ tiêu thử',
        valueType: 'count',
        aggregation: 'sum',
        periodType: 'yearly',
        dimensions: [],
      },
    }),
  },

  'POST /api/data-values': {
    policy: WRITERS,
    scope: 'service',
    outAnswer: 'row_error',
    in: () => ({ url: '/api/data-values', body: row(IN_UNIT) }),
    outBody: { org: () => ({ url: '/api/data-values', body: row(OUT_UNIT) }) },
  },
  'POST /api/demo-data': { policy: ADMIN, planWide: true, in: () => ({ url: '/api/demo-data' }) },
  'DELETE /api/demo-data': { policy: ADMIN, planWide: true, in: () => ({ url: '/api/demo-data' }) },
  'GET /api/data-values/audit': {
    policy: WRITERS,
    scope: 'service',
    in: () => ({ url: q('/api/data-values/audit', { org: IN_UNIT }) }),
    out: () => ({ url: q('/api/data-values/audit', { org: OUT_UNIT }) }),
  },
  'GET /api/data-values': {
    policy: 'signed-in',
    scope: 'service',
    in: () => ({ url: q('/api/data-values', { org: IN_UNIT }) }),
    out: () => ({ url: q('/api/data-values', { org: OUT_UNIT }) }),
  },
  'GET /api/data-values/history': {
    policy: 'signed-in',
    scope: 'service',
    in: () => ({ url: q('/api/data-values/history', { element: 'DE_LABOUR_FORCE', period: PERIOD, org: IN_UNIT }) }),
    out: () => ({ url: q('/api/data-values/history', { element: 'DE_LABOUR_FORCE', period: PERIOD, org: OUT_UNIT }) }),
  },

  'GET /api/forms': { policy: 'signed-in', in: () => ({ url: '/api/forms' }) },
  'GET /api/forms/:code/entry': {
    policy: 'signed-in',
    scope: 'service',
    in: () => ({ url: q(`/api/forms/${FORM}/entry`, { org: IN_UNIT, period: PERIOD }) }),
    out: () => ({ url: q(`/api/forms/${FORM}/entry`, { org: OUT_UNIT, period: PERIOD }) }),
  },
  'PUT /api/data-entry/cell': {
    policy: WRITERS,
    scope: 'service',
    in: () => ({ url: '/api/data-entry/cell', body: cell(IN_UNIT) }),
    outBody: { org: () => ({ url: '/api/data-entry/cell', body: cell(OUT_UNIT) }) },
  },
  'POST /api/forms/:code/submissions/:org/:period/:action': {
    policy: WRITERS,
    scope: 'service',
    in: () => ({ url: `/api/forms/${FORM}/submissions/${IN_UNIT}/${PERIOD}/submit`, body: { comment: 'Giải trình' } }),
    out: () => ({ url: `/api/forms/${FORM}/submissions/${OUT_UNIT}/${PERIOD}/submit`, body: { comment: 'Giải trình' } }),
  },
  'POST /api/forms/:code/reminders': {
    policy: MANAGERS,
    scope: 'service',
    in: () => ({ url: `/api/forms/${FORM}/reminders`, body: { period: PERIOD, orgs: [IN_UNIT] } }),
    outBody: { orgs: () => ({ url: `/api/forms/${FORM}/reminders`, body: { period: PERIOD, orgs: [OUT_UNIT] } }) },
  },
  'POST /api/forms/:code/approvals': {
    policy: REPORTERS,
    scope: 'service',
    in: () => ({ url: `/api/forms/${FORM}/approvals`, body: { period: PERIOD, orgs: [IN_UNIT] } }),
    outBody: { orgs: () => ({ url: `/api/forms/${FORM}/approvals`, body: { period: PERIOD, orgs: [OUT_UNIT] } }) },
  },
  'GET /api/forms/:code/completeness': {
    policy: 'signed-in',
    in: () => ({ url: q(`/api/forms/${FORM}/completeness`, { period: PERIOD }) }),
  },
  'GET /api/forms/:code/template.xlsx': {
    policy: 'signed-in',
    scope: 'service',
    in: () => ({ url: q(`/api/forms/${FORM}/template.xlsx`, { org: IN_UNIT, period: PERIOD }) }),
    out: () => ({ url: q(`/api/forms/${FORM}/template.xlsx`, { org: OUT_UNIT, period: PERIOD }) }),
  },
  'POST /api/forms/:code/xlsx': {
    policy: WRITERS,
    scope: 'service',
    outAnswer: 'row_error',
    in: (f) => ({ url: `/api/forms/${FORM}/xlsx`, body: f.xlsx.in, contentType: XLSX_TYPE }),
    outBody: { org: (f) => ({ url: `/api/forms/${FORM}/xlsx`, body: f.xlsx.out, contentType: XLSX_TYPE }) },
  },
  'GET /api/inbox': { policy: 'signed-in', in: () => ({ url: '/api/inbox' }) },

  'POST /api/imports': {
    policy: WRITERS,
    scope: 'service',
    outAnswer: 'import_job_error',
    in: () => ({ url: '/api/imports', body: row(IN_UNIT) }),
    outBody: { org: () => ({ url: '/api/imports', body: csv(OUT_UNIT), contentType: 'text/csv' }) },
  },
  'GET /api/imports/:id': { policy: 'signed-in', in: () => ({ url: '/api/imports/00000000-0000-4000-8000-000000000000' }) },

  'GET /api/analytics/indicators': {
    policy: 'signed-in',
    scope: 'service',
    in: () => ({ url: q('/api/analytics/indicators', { org: IN_UNIT }) }),
    out: () => ({ url: q('/api/analytics/indicators', { org: OUT_UNIT }) }),
  },
  'GET /api/analytics/pivot': {
    policy: 'signed-in',
    scope: 'service',
    in: () => ({ url: q('/api/analytics/pivot', { org: IN_UNIT }) }),
    out: () => ({ url: q('/api/analytics/pivot', { org: OUT_UNIT }) }),
  },

  // Tasks and evaluation. Routes naming an assignment or evidence by id check the unit in the service
  // (tested in test/routes/tasks.test.ts); here an id that does not exist shows who passes the role rule.
  'GET /api/task-assignments': {
    policy: 'signed-in',
    scope: 'route',
    in: () => ({ url: q('/api/task-assignments', { plan: IN_PLAN, year: '2025', org: IN_UNIT }) }),
    out: () => ({ url: q('/api/task-assignments', { plan: IN_PLAN, year: '2025', org: OUT_UNIT }) }),
  },
  'GET /api/task-assignments/:id': { policy: 'signed-in', in: () => ({ url: '/api/task-assignments/999999' }) },
  'POST /api/task-assignments/:id/reports': {
    policy: WRITERS,
    in: () => ({ url: '/api/task-assignments/999999/reports', body: { status: 'in_progress', percent: 10 } }),
  },
  'POST /api/task-assignments/:id/extension': {
    policy: WRITERS,
    in: () => ({ url: '/api/task-assignments/999999/extension', body: { requestedTo: '2026-12-31', reason: 'Chờ số liệu' } }),
  },
  'POST /api/task-assignments/:id/extension/decision': {
    policy: MANAGERS,
    in: () => ({ url: '/api/task-assignments/999999/extension/decision', body: { decision: 'refuse', note: 'Không' } }),
  },
  'POST /api/task-assignments/:id/evidence': {
    policy: WRITERS,
    in: () => ({
      url: q('/api/task-assignments/999999/evidence', { name: 'minh-chung.pdf' }),
      body: Buffer.from('%PDF-1.4\n%%EOF\n'),
      contentType: 'application/pdf',
    }),
  },
  'GET /api/task-evidence/:id': { policy: 'signed-in', in: () => ({ url: '/api/task-evidence/999999' }) },
  // A task and a score adjustment are the plan owner's to set: the matrix users' own commune plan, and the units in it.
  'POST /api/tasks': {
    policy: MANAGERS,
    scope: 'service',
    in: () => ({ url: '/api/tasks', body: task({}) }),
    outBody: {
      plan: () => ({ url: '/api/tasks', body: task({ plan: IN_PLAN }) }),
      lead: () => ({ url: '/api/tasks', body: task({ lead: ['221-CA'] }) }),
      coordinating: () => ({ url: '/api/tasks', body: task({ coordinating: ['COMMUNE_PPC'] }) }),
    },
  },
  'GET /api/evaluation/scorecard': {
    policy: 'signed-in',
    scope: 'route',
    in: () => ({ url: q('/api/evaluation/scorecard', { plan: IN_PLAN, org: IN_UNIT, year: '2025' }) }),
    out: () => ({ url: q('/api/evaluation/scorecard', { plan: IN_PLAN, org: OUT_UNIT, year: '2025' }) }),
  },
  'GET /api/evaluation/ranking': {
    policy: 'signed-in',
    planWide: true,
    in: () => ({ url: q('/api/evaluation/ranking', { plan: IN_PLAN, year: '2025' }) }),
  },
  'POST /api/evaluation/adjustments': {
    policy: MANAGERS,
    scope: 'service',
    in: () => ({ url: '/api/evaluation/adjustments', body: adjustment({}) }),
    outBody: {
      plan: () => ({ url: '/api/evaluation/adjustments', body: adjustment({ plan: OUT_PLAN, org: IN_UNIT_ORG }) }),
      org: () => ({ url: '/api/evaluation/adjustments', body: adjustment({ org: OUT_UNIT }) }),
    },
  },

  // Official reports: the unit in the body or query is checked by the route; a kept file by id in the service
  // (test/routes/reports.test.ts).
  'POST /api/reports': {
    policy: REPORTERS,
    scope: 'route',
    in: () => ({ url: '/api/reports', body: report({ format: 'xlsx' }) }),
    outBody: {
      org: () => ({ url: '/api/reports', body: report({ format: 'xlsx', org: OUT_UNIT }) }),
      plan: () => ({ url: '/api/reports', body: report({ format: 'xlsx', plan: OUT_PLAN }) }),
    },
  },
  'GET /api/reports/preview': {
    policy: REPORTERS,
    scope: 'route',
    in: () => ({ url: q('/api/reports/preview', { plan: IN_PLAN, org: IN_UNIT, period: PERIOD }) }),
    out: () => ({ url: q('/api/reports/preview', { plan: IN_PLAN, org: OUT_UNIT, period: PERIOD }) }),
  },
  'PUT /api/reports/draft': {
    policy: REPORTERS,
    scope: 'route',
    in: () => ({ url: '/api/reports/draft', body: report({ sections: { general: ['Tình hình chung'] } }) }),
    outBody: {
      org: () => ({ url: '/api/reports/draft', body: report({ org: OUT_UNIT, sections: { general: ['Tình hình chung'] } }) }),
      plan: () => ({ url: '/api/reports/draft', body: report({ plan: OUT_PLAN, sections: { general: ['Tình hình chung'] } }) }),
    },
  },
  'GET /api/reports/exports': {
    policy: REPORTERS,
    scope: 'route',
    in: () => ({ url: q('/api/reports/exports', { org: IN_UNIT }) }),
    out: () => ({ url: q('/api/reports/exports', { org: OUT_UNIT }) }),
  },
  'GET /api/reports/exports/:id/file': { policy: REPORTERS, in: () => ({ url: '/api/reports/exports/999999/file' }) },
};
