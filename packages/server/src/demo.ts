import { demoHistory } from '../../../bench/lib/demo-history.ts';
import type { AppContext } from './context.ts';
import { authContextFor } from './modules/auth/service.ts';
import { importDataValues, type ImportResult } from './modules/data-values/import.ts';

/**
 * Loads the synthetic 2021–2025 history of the default catalogue (its
 * district's communes) as the first administrator, so that a newcomer sees a
 * living dashboard. Only into a database without figures.
 */
export async function loadDemoData(ctx: AppContext, actor = 'admin'): Promise<ImportResult | null> {
  if (await ctx.db.selectFrom('data_value').select('element_code').limit(1).executeTakeFirst()) return null;
  const district = await ctx.db.selectFrom('plan').select('area_code').orderBy('code').executeTakeFirst();
  if (!district) return null;
  const communes = await ctx.db.selectFrom('area_version').select('area_code').where('parent_code', '=', district.area_code).orderBy('area_code').execute();
  const rows = demoHistory({ communes: communes.map((c) => c.area_code), district: district.area_code });
  const input = {
    rows: rows.map(([element, period, org, disagg, value], i) => ({ row: i + 1, element: element!, period: period!, org: org!, disagg: disagg!, value: value!, comment: null })),
    errors: [],
  };
  return importDataValues(ctx, await authContextFor(ctx, actor), input, 'atomic', 'import');
}
