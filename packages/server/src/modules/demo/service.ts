import { sql, type Kysely } from 'kysely';
import { demoHistory } from './history.ts';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { refreshAggregates } from '../analytics/aggregate.ts';
import { recordAudit } from '../audit/audit.ts';
import { authContextFor } from '../auth/service.ts';
import { chainHead, rechainAfter } from '../data-values/audit-chain.ts';
import { batchesOf } from '../data-values/input.ts';
import { importBatches, type ImportResult } from '../data-values/import.ts';

/** The synthetic rows for the catalogue's first plan's district and its communes; null without a plan. */
async function demoRows(db: Kysely<Database>): Promise<string[][] | null> {
  const district = await db.selectFrom('plan').select('area_code').orderBy('code').executeTakeFirst();
  if (!district) return null;
  const communes = await db
    .selectFrom('area_version')
    .select('area_code')
    .where('parent_code', '=', district.area_code)
    .orderBy('area_code')
    .execute();
  return demoHistory({ communes: communes.map((c) => c.area_code), district: district.area_code });
}

/**
 * Loads the synthetic 2021–2025 history of the default catalogue (its
 * district's communes) as the first administrator, so that a newcomer sees a
 * living dashboard. Only into a database without figures. The import is
 * marked as the demo's (data_import.demo) for removeDemoData.
 */
export async function loadDemoData(ctx: AppContext, actor = 'admin'): Promise<ImportResult | null> {
  if (await ctx.db.selectFrom('data_value').select('element_code').limit(1).executeTakeFirst()) return null;
  const rows = await demoRows(ctx.db);
  if (!rows) return null;
  const input = {
    rows: rows.map(([element, period, org, disagg, value], i) => ({
      row: i + 1,
      element: element!,
      period: period!,
      org: org!,
      disagg: disagg!,
      value: value!,
      comment: null,
    })),
    errors: [],
  };
  return importBatches(ctx, await authContextFor(ctx, actor), batchesOf(input), 'atomic', 'import', {
    total: input.rows.length,
    demo: true,
  });
}

/** What removing the demo history took out. */
export interface DemoRemoval {
  /** Stored values that only the demo had written. */
  values: number;
  /** Their history entries. */
  history: number;
  /** Submissions and task progress reports the demo made (it makes none today; counted in case a catalogue's demo does). */
  submissions: number;
  taskReports: number;
  /** Demo values people changed since, kept as theirs. */
  kept: number;
}

const canonical = (disagg: string) => disagg.split(';').filter(Boolean).sort().join(';');

/**
 * An installation whose demo history was loaded before imports were marked
 * (migration 0013): its demo import is the applied import whose created
 * values are exactly the demo's rows. Marked once found.
 */
async function markUnmarkedDemo(trx: Kysely<Database>): Promise<void> {
  const first = await trx
    .selectFrom('data_import')
    .select('id')
    .where('status', '=', 'applied')
    .where('source', '=', 'import')
    .orderBy('id')
    .executeTakeFirst();
  const rows = await demoRows(trx);
  if (!first || !rows) return;
  const entries = await trx
    .selectFrom('data_value_audit')
    .select(['element_code', 'period', 'org_code', 'disagg', 'new_value', 'action'])
    .where('import_id', '=', first.id)
    .execute();
  if (entries.length !== rows.length || entries.some((e) => e.action !== 'create')) return;
  const expected = new Set(rows.map(([e, p, o, d, v]) => `${e}|${p}|${o}|${canonical(d!)}|${Number(v)}`));
  if (entries.every((e) => expected.has(`${e.element_code}|${e.period}|${e.org_code}|${canonical(e.disagg)}|${Number(e.new_value)}`))) {
    await trx.updateTable('data_import').set({ demo: true }).where('id', '=', first.id).execute();
  }
}

/**
 * Takes the synthetic demo history out, in one transaction: the values only
 * the demo wrote and their history entries (the history's hash chain is
 * linked again over the gap), with the analytics aggregate brought up to
 * date. Users, settings, the catalogue and every value people entered or
 * changed stay. Run again, it finds nothing to remove.
 */
export async function removeDemoData(ctx: AppContext, actor: string | null, ip: string | null = null): Promise<DemoRemoval> {
  return ctx.db.transaction().execute(async (trx) => {
    // Serialises against every writer of the history while its chain is relinked.
    await chainHead(trx);
    // The one transaction the history's append-only trigger lets take demo entries out (migration 0013).
    await sql`select set_config('vetplan.demo_removal', 'on', true)`.execute(trx);
    if (!(await trx.selectFrom('data_import').select('id').where('demo', '=', true).executeTakeFirst())) await markUnmarkedDemo(trx);
    const demoIds = (await trx.selectFrom('data_import').select('id').where('demo', '=', true).execute()).map((r) => Number(r.id));
    const none: DemoRemoval = { values: 0, history: 0, submissions: 0, taskReports: 0, kept: 0 };
    if (demoIds.length === 0) return none;
    // The cells whose every history entry is the demo's; a cell someone changed since is theirs.
    const cells = (
      await sql<{ element: string; period: string; org: string; disagg: string; mixed: boolean }>`
        select element_code as element, period, org_code as org, disagg,
               bool_or(import_id is null or not (import_id = any(${demoIds}::bigint[]))) as mixed
        from data_value_audit a
        where exists (select 1 from data_value_audit d where d.import_id = any(${demoIds}::bigint[])
                      and d.element_code = a.element_code and d.period = a.period and d.org_code = a.org_code and d.disagg = a.disagg)
        group by 1, 2, 3, 4`.execute(trx)
    ).rows;
    const demoOnly = cells.filter((c) => !c.mixed);
    if (demoOnly.length === 0) return { ...none, kept: cells.length };
    const col = (k: 'element' | 'period' | 'org' | 'disagg') => demoOnly.map((c) => c[k]);
    const cellsCte = sql`c(e, p, o, d) as (select * from unnest(${col('element')}::text[], ${col('period')}::text[],
      ${col('org')}::text[], ${col('disagg')}::text[]))`;
    const values =
      await sql`with ${cellsCte} delete from data_value v using c where v.element_code = c.e and v.period = c.p and v.org_code = c.o
        and v.disagg = c.d`.execute(trx);
    const gone = await sql<{ id: string }>`
      with ${cellsCte} delete from data_value_audit a using c
      where a.element_code = c.e and a.period = c.p and a.org_code = c.o and a.disagg = c.d and a.import_id = any(${demoIds}::bigint[])
      returning a.id`.execute(trx);
    const firstGone = Math.min(...gone.rows.map((r) => Number(r.id)));
    await rechainAfter(trx, firstGone - 1);
    // An import none of whose entries is left goes too.
    await sql`delete from data_import i where i.id = any(${demoIds}::bigint[]) and not exists (select 1 from data_value_audit a
      where a.import_id = i.id)`.execute(trx);
    await refreshAggregates(
      trx,
      demoOnly.map((c) => ({ element: c.element, org: c.org, period: c.period })),
    );
    const removal: DemoRemoval = {
      ...none,
      values: Number(values.numAffectedRows ?? 0),
      history: gone.rows.length,
      kept: cells.length - demoOnly.length,
    };
    await recordAudit(trx, { actor, action: 'demo_remove', entity: 'demo_history', entityKey: null, details: { ...removal }, ip });
    return removal;
  });
}

/** The removal told in Vietnamese and English, one line each (the command line and the app say the same). */
export function describeRemoval(r: DemoRemoval): { vi: string; en: string } {
  if (r.values === 0 && r.history === 0) {
    return {
      vi: 'Không có số liệu mẫu nào để xóa.' + (r.kept ? ` ${r.kept} ô số liệu mẫu đã được người dùng sửa nên được giữ lại.` : ''),
      en: 'There is no demo history to remove.' + (r.kept ? ` ${r.kept} demo cell(s) people changed are kept as theirs.` : ''),
    };
  }
  return {
    vi:
      `Đã xóa số liệu mẫu: ${r.values} giá trị và ${r.history} mục lịch sử thay đổi` +
      (r.submissions || r.taskReports ? `, ${r.submissions} lượt gửi báo cáo và ${r.taskReports} báo cáo tiến độ do dữ liệu mẫu tạo` : '') +
      `.${r.kept ? ` Giữ lại ${r.kept} ô người dùng đã sửa.` : ''} Người dùng, cài đặt và số liệu do người nhập được giữ nguyên.`,
    en:
      `Removed the demo history: ${r.values} values and ${r.history} history entries` +
      (r.submissions || r.taskReports ? `, ${r.submissions} submissions and ${r.taskReports} task progress reports made by the demo` : '') +
      `.${r.kept ? ` Kept ${r.kept} cell(s) people changed.` : ''} Users, settings and the figures people entered are kept.`,
  };
}
