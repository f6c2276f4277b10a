import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { errors } from '../../http/errors.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { isIsoDate } from '@vetplan/domain';
import { AreaTreeQuery, AreaTreeSchema, OrganisationSchema } from './schema.ts';
import * as service from './service.ts';

const signedIn = { access: { roles: 'signed-in' } } as const;

export function areaRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/areas/tree',
    {
      config: signedIn,
      schema: {
        tags: ['areas'],
        summary: 'Areas (nation › province › district › commune) with their organisations, from the caller’s scope down',
        querystring: AreaTreeQuery,
        response: { 200: AreaTreeSchema, ...ErrorResponses },
      },
    },
    async (request) => {
      const date = request.query.date;
      if (date !== undefined && !isIsoDate(date)) {
        throw errors.invalidField('date', `"${date}" không phải là ngày hợp lệ (YYYY-MM-DD)`, `"${date}" is not a valid date (YYYY-MM-DD)`);
      }
      return service.areaTree(ctx, request.auth!, date);
    },
  );

  app.get(
    '/api/organisations',
    {
      config: signedIn,
      schema: {
        tags: ['areas'],
        summary: 'Organisations within the caller’s scope',
        response: { 200: Type.Object({ organisations: Type.Array(OrganisationSchema) }), ...ErrorResponses },
      },
    },
    async (request) => ({ organisations: await service.listOrganisations(ctx, request.auth!) }),
  );
}
