import { WRITER_ROLES } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { ImportResponse } from '../data-values/schema.ts';
import { EntryQuery, FormParams } from '../forms/schema.ts';
import { saveCell } from './cell.ts';
import { CellBody, CellResponse } from './schema.ts';
import { formTemplate, uploadTemplate, XLSX_TYPE } from './xlsx.ts';

const signedIn = { access: { roles: 'signed-in' } } as const;
const writers = { access: { roles: WRITER_ROLES } } as const;

/** Data entry: one cell at a time on the form's screen, or a whole form through its Excel template. */
export function dataEntryRoutes(app: App, ctx: AppContext): void {
  app.put(
    '/api/data-entry/cell',
    {
      config: writers,
      schema: {
        tags: ['forms'],
        summary: 'Save one cell; a stale baseVersion answers 409 with the current value',
        body: CellBody,
        response: { 200: CellResponse, ...ErrorResponses },
      },
    },
    async (request) => saveCell(ctx, request.auth!, request.body),
  );

  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: ctx.config.xlsxLimitBytes }, (_request, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/forms/:code/template.xlsx',
    {
      config: signedIn,
      schema: {
        tags: ['forms'],
        summary: 'The form as an Excel template for one unit and period, filled with the stored figures',
        params: FormParams,
        querystring: EntryQuery,
        response: { 200: { type: 'string', format: 'binary' }, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const file = await formTemplate(ctx, request.auth!, request.params.code, request.query.org, request.query.period);
      const name = `${request.params.code}_${request.query.org}_${request.query.period}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(file as never);
    },
  );

  app.post(
    '/api/forms/:code/xlsx',
    {
      config: { ...writers, longWork: true },
      bodyLimit: ctx.config.xlsxLimitBytes,
      schema: {
        tags: ['forms'],
        summary: 'Upload a filled Excel template; every bad cell is named by sheet and cell, and nothing is stored',
        params: FormParams,
        body: { content: { [XLSX_TYPE]: { schema: { description: 'The filled .xlsx template (binary)' } } } },
        response: { 200: ImportResponse, ...ErrorResponses },
      },
    },
    async (request) => uploadTemplate(ctx, request.auth!, request.params.code, request.body as Buffer),
  );
}
