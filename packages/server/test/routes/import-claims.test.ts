import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { isEmbedded } from '../../src/db/connection.ts';
import { verifyChain } from '../../src/modules/data-values/audit-chain.ts';
import { recoverImports } from '../../src/modules/data-values/import-claims.ts';
import { importBatches } from '../../src/modules/data-values/import.ts';
import { csvBatches } from '../../src/modules/data-values/input.ts';
import { dropLeftStages, Stage } from '../../src/modules/data-values/stage.ts';
import { useTestApp } from '../support/app.ts';
import { useImportAdmin } from '../support/import-admin.ts';

const t = useTestApp();
const { admin, putCell, storedRows } = useImportAdmin(t);

async function stored(org: string, period: string) {
  return (await storedRows(org, period)).map((r) => `${r.element} ${r.disagg} ${r.value}${r.comment ? ` ${r.comment}` : ''}`);
}

/** The labour force of one commune, both sexes, for `months` monthly periods from January 2001: 2 × months rows. */
function labourForceCsv(org: string, months: number): string {
  const lines = ['element,period,org,disagg,value,comment'];
  for (let m = 0; m < months; m++) {
    const period = `${2001 + Math.floor(m / 12)}${String((m % 12) + 1).padStart(2, '0')}`;
    for (const sex of ['M', 'F']) lines.push(`DE_LABOUR_FORCE,${period},${org},sex:${sex},${3000 + m},`);
  }
  return lines.join('\n');
}

async function importsOf(org: string) {
  const history = await t.db.db.selectFrom('data_value_audit').select(['import_id', 'undoes']).where('org_code', '=', org).execute();
  const ids = [...new Set(history.map((h) => h.import_id).filter((id) => id !== null))];
  const imports = ids.length
    ? await t.db.db
        .selectFrom('data_import')
        .select('status')
        .where('id', 'in', ids as number[])
        .execute()
    : [];
  const claims = await t.db.db.selectFrom('data_import_claim').select('org_code').where('org_code', '=', org).execute();
  return {
    entries: history.length,
    undo: history.filter((h) => h.undoes !== null).length,
    statuses: imports.map((i) => i.status),
    claims: claims.length,
  };
}

describe('an import written in pages', () => {
  it('claims its unit-periods while it writes: their cells and other imports get a 409, other units are free, and the claims end with it', async () => {
    expect((await putCell({ element: 'DE_LABOUR_FORCE', period: '200101', org: '07684', disagg: 'sex:M', value: 2999 })).statusCode).toBe(
      200,
    );
    const seen: Record<string, unknown> = {};
    const result = await importBatches(t.ctx, admin.auth, csvBatches(labourForceCsv('07684', 150)), 'atomic', 'import', {
      pageRows: 100,
      afterPage: async (written) => {
        if (written !== 100) return;
        const claimed = await putCell({ element: 'DE_LABOUR_FORCE', period: '200112', org: '07684', disagg: 'sex:F', value: 1 });
        seen.claimed = { status: claimed.statusCode, ...claimed.json<Record<string, unknown>>() };
        seen.free = (await putCell({ element: 'DE_LABOUR_FORCE', period: '200101', org: '07690', disagg: 'sex:F', value: 5 })).statusCode;
        const other = importBatches(
          t.ctx,
          admin.auth,
          csvBatches('element,period,org,disagg,value\nDE_LABOUR_FORCE,201001,07684,sex:M,7\n'),
          'atomic',
          'import',
        );
        seen.otherImport = await other.then(
          () => 'stored',
          (e: { id: string; status: number }) => `${e.status} ${e.id}`,
        );
      },
    });
    expect(seen).toMatchObject({
      claimed: {
        status: 409,
        error: 'import_running',
        message: 'Đang nhập dữ liệu từ tệp cho đơn vị 07684, kỳ 200112; hãy thử lại khi việc nhập xong.',
      },
      free: 200,
      otherImport: '409 import_running',
    });
    expect(result).toMatchObject({ created: 299, updated: 1, deleted: 0, unchanged: 0, errors: [] });
    expect(await importsOf('07684')).toEqual({ entries: 301, undo: 0, statuses: ['applied'], claims: 0 });
    expect(
      (await putCell({ element: 'DE_LABOUR_FORCE', period: '200112', org: '07684', disagg: 'sex:F', value: 1, baseVersion: 1 })).statusCode,
    ).toBe(200);
    expect(await verifyChain(t.ctx.db)).toMatchObject({ broken: null });
  });

  it('undoes every page it wrote when it fails half-way, with history entries that say so', async () => {
    expect(
      (await putCell({ element: 'DE_LABOUR_FORCE', period: '200101', org: '07702', disagg: 'sex:M', value: 2999, comment: 'trước' }))
        .statusCode,
    ).toBe(200);
    const attempt = importBatches(t.ctx, admin.auth, csvBatches(labourForceCsv('07702', 150)), 'atomic', 'import', {
      pageRows: 100,
      afterPage: (written) => {
        if (written === 200) throw new Error('the disk is full');
      },
    });
    await expect(attempt).rejects.toThrow('the disk is full');
    expect(await stored('07702', '200101')).toEqual(['DE_LABOUR_FORCE sex:M 2999 trước']);
    expect(await stored('07702', '200105')).toEqual([]);
    // 1 typed entry, 200 written by the import (2 pages), 200 undoing them.
    expect(await importsOf('07702')).toEqual({ entries: 401, undo: 200, statuses: ['rolled_back'], claims: 0 });
    const restored = await t.db.db
      .selectFrom('data_value_audit')
      .selectAll()
      .where('org_code', '=', '07702')
      .where('period', '=', '200101')
      .where('disagg', '=', 'sex:M')
      .orderBy('id')
      .execute();
    expect(
      restored.map((e) => `${e.action} ${e.old_value} -> ${e.new_value} ${e.new_comment} ${e.undoes === null ? '' : 'undo'}`.trim()),
    ).toEqual(['create null -> 2999 trước', 'update 2999 -> 3000 null', 'update 3000 -> 2999 trước undo']);
    expect((await putCell({ element: 'DE_LABOUR_FORCE', period: '200105', org: '07702', disagg: 'sex:M', value: 1 })).statusCode).toBe(200);
    expect(await verifyChain(t.ctx.db)).toMatchObject({ broken: null });
  });

  it('is undone at the next start when a crash leaves it applying, once', async () => {
    let recovered = -1;
    const attempt = importBatches(t.ctx, admin.auth, csvBatches(labourForceCsv('07708', 150)), 'atomic', 'import', {
      pageRows: 100,
      afterPage: async (written) => {
        if (written !== 100) return;
        // A live import is left alone: this process's own, and on a server one whose process still has a connection.
        expect(await recoverImports(t.ctx.db, t.ctx.now())).toBe(0);
        if (!isEmbedded(t.ctx.db)) {
          await sql`update data_import set owner = 'vetplan other-live' where status = 'applying'`.execute(t.ctx.db);
          await t.ctx.db.connection().execute(async (other) => {
            await sql`set application_name = 'vetplan other-live'`.execute(other);
            try {
              expect(await recoverImports(t.ctx.db, t.ctx.now())).toBe(0);
            } finally {
              await sql`reset application_name`.execute(other);
            }
          });
        }
        // What a restart finds: the import 'applying', one page written, by a process that is gone.
        await sql`update data_import set owner = 'vetplan dead-process' where status = 'applying'`.execute(t.ctx.db);
        recovered = await recoverImports(t.ctx.db, t.ctx.now());
        throw new Error('killed');
      },
    });
    await expect(attempt).rejects.toThrow('killed');
    expect(recovered).toBe(1);
    expect(await stored('07708', '200101')).toEqual([]);
    expect(await importsOf('07708')).toEqual({ entries: 200, undo: 100, statuses: ['rolled_back'], claims: 0 });
    expect(await recoverImports(t.ctx.db, t.ctx.now())).toBe(0);
    expect(await verifyChain(t.ctx.db)).toMatchObject({ broken: null });
  });

  it('ties its history entries to it in the chain: an entry moved to another import breaks verify', async () => {
    const entry = await t.db.db
      .selectFrom('data_value_audit')
      .select(['id', 'import_id'])
      .where('org_code', '=', '07684')
      .where('import_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await sql`alter table data_value_audit disable trigger data_value_audit_append_only`.execute(t.db.db);
    try {
      await sql`update data_value_audit set import_id = null where id = ${entry.id}`.execute(t.db.db);
      expect(await verifyChain(t.db.db)).toMatchObject({ broken: { id: entry.id } });
      await sql`update data_value_audit set import_id = ${entry.import_id} where id = ${entry.id}`.execute(t.db.db);
      expect((await verifyChain(t.db.db)).broken).toBeNull();
    } finally {
      await sql`alter table data_value_audit enable trigger data_value_audit_append_only`.execute(t.db.db);
    }
  });
});

describe('import stages a crash left behind', () => {
  const stageNames = async () =>
    (
      await sql<{
        name: string;
      }>`select relname as name from pg_class where relkind = 'r' and starts_with(relname, 'import_stage_') order by relname`.execute(
        t.db.db,
      )
    ).rows.map((r) => r.name);

  it("are dropped, while this process's stages and (on a server) those of a live process are kept", async () => {
    const own = await Stage.create(t.ctx.db);
    await sql`create unlogged table import_stage_dead00000000 (row integer)`.execute(t.db.db);
    await sql`comment on table import_stage_dead00000000 is 'vetplan dead-process'`.execute(t.db.db);
    await sql`create unlogged table import_stage_0ld000000000 (row integer)`.execute(t.db.db);
    try {
      if (!isEmbedded(t.ctx.db)) {
        await sql`create unlogged table import_stage_11ve00000000 (row integer)`.execute(t.db.db);
        await sql`comment on table import_stage_11ve00000000 is 'vetplan other-live'`.execute(t.db.db);
        await t.ctx.db.connection().execute(async (other) => {
          await sql`set application_name = 'vetplan other-live'`.execute(other);
          try {
            // The dead process's stage and the one with no owner (made before stages named theirs) go; the live one stays.
            expect(await dropLeftStages(t.ctx.db)).toBe(2);
            expect(await stageNames()).toEqual(['import_stage_11ve00000000', own.table].sort());
          } finally {
            await sql`reset application_name`.execute(other);
          }
        });
        // Once its process is gone, its stage goes too.
        expect(await dropLeftStages(t.ctx.db)).toBe(1);
      } else {
        expect(await dropLeftStages(t.ctx.db)).toBe(2);
      }
      expect(await stageNames()).toEqual([own.table]);
      expect(await dropLeftStages(t.ctx.db)).toBe(0);
    } finally {
      await own.drop();
    }
    expect(await stageNames()).toEqual([]);
  });
});
