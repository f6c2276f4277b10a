import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/modules/data-values/audit-chain.ts';
import { importBatches, type ImportProgress } from '../../src/modules/data-values/import.ts';
import { csvBatches } from '../../src/modules/data-values/input.ts';
import { useTestApp } from '../support/app.ts';
import { useImportAdmin } from '../support/import-admin.ts';

const t = useTestApp();
const { admin, putCell, storedRows } = useImportAdmin(t);

/** The labour force of one commune, both sexes, for `months` monthly periods from January 2001, and for 2025S1. */
function labourForceCsv(org: string, months: number): string {
  const lines = ['element,period,org,disagg,value,comment'];
  for (let m = 0; m < months; m++) {
    const period = `${2001 + Math.floor(m / 12)}${String((m % 12) + 1).padStart(2, '0')}`;
    for (const sex of ['M', 'F']) lines.push(`DE_LABOUR_FORCE,${period},${org},sex:${sex},${3000 + m},`);
  }
  lines.push(`DE_LABOUR_FORCE,2025S1,${org},sex:M,4000,`, `DE_LABOUR_FORCE,2025S1,${org},sex:F,4100,`);
  return lines.join('\n');
}

describe('an import read in batches', () => {
  it('leaves the database free between batches: a cell is saved while the import runs, and progress is reported batch by batch', async () => {
    const progress: ImportProgress[] = [];
    const during: ImportProgress[] = [];
    let saved = 0;
    const result = await importBatches(t.ctx, admin.auth, csvBatches(labourForceCsv('07681', 150), 100), 'atomic', 'import', {
      total: 302,
      onProgress: (p) => progress.push(p),
      afterBatch: async (read) => {
        if (read !== 100) return;
        // Were the import holding PGlite's single connection, this write would wait for it forever.
        const res = await putCell({ element: 'DE_THCS_GRAD', period: '2025S1', org: '07681', disagg: 'sex:M', value: 120 });
        saved = res.statusCode;
        during.push(...progress);
      },
    });
    expect(saved).toBe(200);
    expect(during.map((p) => `${p.phase} ${p.processed}/${p.total}`)).toEqual(['checking 100/302']);
    expect(progress.filter((p) => p.phase === 'checking').map((p) => p.processed)).toEqual([100, 200, 300, 302]);
    expect(progress.at(-1)).toEqual({ phase: 'done', processed: 302, total: 302 });
    expect(result).toMatchObject({ created: 302, updated: 0, deleted: 0, unchanged: 0, errors: [] });
    expect((await storedRows('07681', '2025S1')).map((r) => `${r.element} ${r.disagg} ${r.value}`)).toEqual([
      'DE_LABOUR_FORCE sex:F 4100',
      'DE_LABOUR_FORCE sex:M 4000',
      'DE_THCS_GRAD sex:M 120',
    ]);
    expect(await verifyChain(t.ctx.db)).toEqual({ entries: 303, broken: null });
  });

  it('checks the rules again when another writer changed a unit-period after they were checked, and then stores nothing', async () => {
    expect((await putCell({ element: 'DE_LABOUR_FORCE', period: '2025S1', org: '07682', disagg: 'sex:M', value: 5000 })).statusCode).toBe(
      200,
    );
    const csv = 'element,period,org,disagg,value\nDE_LABOUR_TRAINED_CERT,2025S1,07682,sex:M,2000\n';
    const attempt = importBatches(t.ctx, admin.auth, csvBatches(csv), 'atomic', 'import', {
      beforeWrite: async () => {
        // The labour force drops below the trained workers the file brings, after the rules passed.
        expect(
          (await putCell({ element: 'DE_LABOUR_FORCE', period: '2025S1', org: '07682', disagg: 'sex:M', value: 1000, baseVersion: 1 }))
            .statusCode,
        ).toBe(200);
      },
    });
    await expect(attempt).rejects.toMatchObject({
      id: 'import_rejected',
      status: 422,
      extra: {
        errors: [
          { row: 1, column: 'value', messageEn: 'Trained workers with a certificate (2,000) exceed the labour force (1,000) (sex:M)' },
        ],
      },
    });
    expect((await storedRows('07682', '2025S1')).map((r) => `${r.element} ${r.disagg} ${r.value}`)).toEqual(['DE_LABOUR_FORCE sex:M 1000']);
  });
});
