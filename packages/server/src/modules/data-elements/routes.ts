import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { CreateDataElementBody, DataElementSchema, DimensionSchema } from './schema.ts';
import * as service from './service.ts';

export function dataElementRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/data-elements',
    {
      config: { access: { roles: 'signed-in' } },
      schema: {
        tags: ['data'],
        summary: 'Data elements with their dimensions',
        response: { 200: Type.Object({ elements: Type.Array(DataElementSchema) }), ...ErrorResponses },
      },
    },
    async () => ({ elements: await service.listDataElements(ctx) }),
  );

  app.get(
    '/api/dimensions',
    {
      config: { access: { roles: 'signed-in' } },
      schema: {
        tags: ['data'],
        summary: 'Dimensions (sex, level …) and their values',
        response: { 200: Type.Object({ dimensions: Type.Array(DimensionSchema) }), ...ErrorResponses },
      },
    },
    async () => ({ dimensions: await service.listDimensions(ctx) }),
  );

  app.post(
    '/api/data-elements',
    {
      config: { access: { roles: ['admin'], reach: 'every-plan' } },
      schema: {
        tags: ['data'],
        summary: 'Add a data element',
        body: CreateDataElementBody,
        response: { 201: DataElementSchema, ...ErrorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createDataElement(ctx, request.auth!, request.body)),
  );
}
