import { PROVISIONAL_REASONS } from '@vetplan/domain';
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { CommaList, commaList as list } from '../../http/schema-helpers.ts';
import { pivot, pivotCsv, pivotXlsx } from './pivot.ts';
import { indicatorAnswer, recentYears } from './service.ts';

const IndicatorQuery = Type.Object(
  {
    indicator: CommaList('Indicator code(s); all by default'),
    org: CommaList('Area or organisation code(s); the caller’s own by default'),
    period: CommaList('Period code(s); the last five years by default'),
  },
  { additionalProperties: false },
);

const IndicatorRows = Type.Object({
  rows: Type.Array(
    Type.Object({
      indicator: Type.String(),
      org: Type.String(),
      period: Type.String(),
      value: Type.Union([Type.Number(), Type.Null()]),
      numerator: Type.Union([Type.Number(), Type.Null()]),
      denominator: Type.Union([Type.Number(), Type.Null()]),
      reason: Type.Union([Type.Enum(['missing_data', 'zero_denominator']), Type.Null()], { description: 'Why value is null' }),
      reportingUnits: Type.Integer({ description: 'Units below with figures for the indicator in the period' }),
      expectedUnits: Type.Integer({ description: 'Lowest-level areas below (the communes of a district)' }),
      provisional: Type.Boolean({
        description:
          'Not complete enough to be final (tạm tính): the period is open, or fewer units reported than COMPLETENESS_PERCENT asks',
      }),
      provisionalReason: Type.Union([Type.Enum([...PROVISIONAL_REASONS]), Type.Null()]),
    }),
  ),
});

export function analyticsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/analytics/indicators',
    {
      config: { access: { roles: 'signed-in' } },
      schema: {
        tags: ['analytics'],
        summary: 'Indicator values per unit and period: numerators and denominators summed over the units below, then divided',
        querystring: IndicatorQuery,
        response: { 200: IndicatorRows, ...ErrorResponses },
      },
    },
    async (request) => {
      return {
        rows: await indicatorAnswer(
          ctx,
          request.auth!,
          list(request.query.indicator),
          list(request.query.org),
          list(request.query.period) ?? recentYears(ctx),
        ),
      };
    },
  );

  app.get(
    '/api/analytics/pivot',
    {
      config: { access: { roles: 'signed-in' } },
      schema: {
        tags: ['analytics'],
        summary:
          'Indicators and/or data elements × units × periods as a table (the units below a unit, with its total); CSV or XLSX with format=',
        querystring: PivotQuery,
        response: { 200: PivotSchema, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const table = await pivot(ctx, request.auth!, {
        indicators: list(request.query.indicator),
        elements: list(request.query.element),
        org: request.query.org ?? null,
        children: request.query.children ?? true,
        periods: list(request.query.period) ?? recentYears(ctx),
      });
      if (request.query.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="chi-so.csv"')
          .send(pivotCsv(table) as never);
      if (request.query.format === 'xlsx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="chi-so.xlsx"')
          .send((await pivotXlsx(table)) as never);
      }
      return table;
    },
  );
}

const PivotQuery = Type.Object(
  {
    indicator: CommaList('Indicator code(s); all by default when no element is named'),
    element: CommaList('Data element code(s), each optionally with dimension values: DE_LABOUR_FORCE or DE_THPT_TO_VET[level:CD]'),
    org: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The unit; the caller’s own by default' })),
    children: Type.Optional(
      Type.Boolean({ description: 'Rows for the areas directly below the unit, with the unit as total (default true)' }),
    ),
    period: CommaList('Period code(s); the last five years by default'),
    format: Type.Optional(Type.Enum(['json', 'csv', 'xlsx'])),
  },
  { additionalProperties: false },
);

const PivotSchema = Type.Object({
  periods: Type.Array(Type.String()),
  rows: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('indicator'), Type.Literal('element')]),
      indicator: Type.String(),
      indicatorName: Type.String(),
      org: Type.String(),
      orgName: Type.String(),
      total: Type.Boolean(),
      values: Type.Array(Type.Union([Type.Number(), Type.Null()])),
      provisional: Type.Array(Type.Boolean(), { description: 'Per period: the value is not final (tạm tính)' }),
    }),
  ),
});
