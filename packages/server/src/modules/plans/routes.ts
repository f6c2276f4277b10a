import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { planProgress } from './progress.ts';
import { PlanParams, PlanSchema, PlanSummarySchema, ProgressQuery, ProgressSchema } from './schema.ts';
import * as service from './service.ts';

export function planRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/plans',
    {
      config: { access: { roles: 'signed-in' } },
      schema: {
        tags: ['plans'],
        summary: 'Plans of the caller’s areas and the areas above them',
        response: { 200: Type.Object({ plans: Type.Array(PlanSummarySchema) }), ...ErrorResponses },
      },
    },
    async (request) => ({ plans: await service.listPlans(ctx, request.auth!) }),
  );

  app.get(
    '/api/plans/:code',
    {
      config: { access: { roles: 'signed-in', scope: { in: 'params', field: 'code', kind: 'plan', relation: 'related' } } },
      schema: {
        tags: ['plans'],
        summary: 'One plan with its targets and tasks',
        params: PlanParams,
        response: { 200: PlanSchema, ...ErrorResponses },
      },
    },
    async (request) => service.getPlan(ctx, request.params.code),
  );

  app.get(
    '/api/plans/:code/progress',
    {
      config: { access: { roles: 'signed-in', scope: { in: 'params', field: 'code', kind: 'plan', relation: 'related' } } },
      schema: {
        tags: ['plans'],
        summary: 'Each target of the plan for a unit: value now, trajectory, projection and status (rules in docs/progress-rules.md)',
        params: PlanParams,
        querystring: ProgressQuery,
        response: { 200: ProgressSchema, ...ErrorResponses },
      },
    },
    async (request) => ({ rows: await planProgress(ctx, request.auth!, request.params.code, request.query.org, request.query.period) }),
  );
}
