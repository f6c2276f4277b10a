import { csvRecord, parsePeriod, WRITER_ROLES } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { errors } from '../../http/errors.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { commaList as list } from '../../http/schema-helpers.ts';
import { unitsInReach } from '../../access/units.ts';
import { assertReadable } from '../../access/scope-check.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { importSlots } from './import-slots.ts';
import { importBatches } from './import.ts';
import { importSizes } from './import-sizes.ts';
import { batchesOf, COLUMNS, csvBatches, rowsFromJson } from './input.ts';
import { toDhis2 } from './dhis2.ts';
import { AuditLogSchema, AuditQuery, auditLog } from './audit-log.ts';
import * as repo from './repository.ts';
import { DataValuesQuery, DataValuesResponse, HistoryQuery, HistorySchema, ImportBody, ImportQuery, ImportResponse } from './schema.ts';
import { cellHistory } from './history.ts';

async function requestedUnits(ctx: AppContext, auth: AuthContext, codes: string[] | null): Promise<string[]> {
  if (codes === null) return unitsInReach(ctx.db, auth.scope);
  await assertReadable(ctx, auth, codes);
  return codes;
}

const signedIn = { access: { roles: 'signed-in' } } as const;

export function dataValueRoutes(app: App, ctx: AppContext): void {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: ctx.config.importLimitBytes }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/data-values',
    {
      config: { access: { roles: WRITER_ROLES }, longWork: true },
      bodyLimit: ctx.config.importLimitBytes,
      schema: {
        tags: ['data'],
        summary: 'Store data values from CSV or JSON (atomic by default; ?mode=partial stores the good rows)',
        querystring: ImportQuery,
        body: ImportBody,
        response: { 200: ImportResponse, ...ErrorResponses },
      },
    },
    async (request) => {
      const size = importSizes(ctx.db).batchRows;
      const batches = typeof request.body === 'string' ? csvBatches(request.body, size) : batchesOf(rowsFromJson(request.body), size);
      const source = request.auth!.via === 'token' ? 'api' : 'import';
      return importSlots.run(() => importBatches(ctx, request.auth!, batches, request.query.mode ?? 'atomic', source));
    },
  );

  historyRoutes(app, ctx);

  app.get(
    '/api/data-values',
    {
      config: { access: { roles: 'signed-in' } },
      schema: {
        tags: ['data'],
        summary: 'Stored data values, filtered by element, period and unit, within the caller’s scope',
        querystring: DataValuesQuery,
        response: { 200: DataValuesResponse, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const periods = list(request.query.period);
      for (const p of periods ?? []) {
        const parsed = parsePeriod(p);
        if (!parsed.ok) throw errors.invalidField('period', parsed.messageVi, parsed.message);
      }
      const orgs = await requestedUnits(ctx, request.auth!, list(request.query.org));
      const stored = await repo.listValues(ctx.db, { elements: list(request.query.element), periods, orgs });
      // Sent as text: the 200 schema above describes the default shape, not DHIS2's.
      if (request.query.format === 'dhis2')
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(toDhis2(stored)) as never);
      const rows = stored.map((v) => ({
        element: v.element_code,
        period: v.period,
        org: v.org_code,
        disagg: v.disagg,
        value: v.value,
        comment: v.comment,
      }));
      if (request.query.format === 'csv') {
        const text =
          [csvRecord(COLUMNS), ...rows.map((r) => csvRecord([r.element, r.period, r.org, r.disagg, r.value, r.comment]))].join('\r\n') +
          '\r\n';
        // A string leaves Fastify unserialised: the JSON schema above does not apply to it.
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="data-values.csv"')
          .send(text as never);
      }
      return { rows };
    },
  );
}

/** A cell’s history and the audit log of values. */
function historyRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/data-values/history',
    {
      config: signedIn,
      schema: {
        tags: ['data'],
        summary: 'Every change of a cell: who, when, old → new, source',
        querystring: HistoryQuery,
        response: { 200: HistorySchema, ...ErrorResponses },
      },
    },
    async (request) => cellHistory(ctx, request.auth!, request.query),
  );

  app.get(
    '/api/data-values/audit',
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags: ['data'],
        summary: 'Changes of values per unit or per user, newest first',
        querystring: AuditQuery,
        response: { 200: AuditLogSchema, ...ErrorResponses },
      },
    },
    async (request) => auditLog(ctx, request.auth!, request.query),
  );
}
