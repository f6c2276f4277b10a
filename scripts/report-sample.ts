/**
 * Writes the plan-progress report of the demo history as DOCX, XLSX and PDF,
 * to look at them (docs/reports.md): a throw-away embedded database with the
 * default catalogue and the synthetic 2021–2025 figures.
 *
 *   npx tsx scripts/report-sample.ts <out-dir> [period=2025] [org=221]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureAdmin } from '../packages/server/src/bootstrap.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { createContext } from '../packages/server/src/context.ts';
import { openEmbedded } from '../packages/server/src/db/connection.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { loadDemoData } from '../packages/server/src/modules/demo/service.ts';
import { authContextFor } from '../packages/server/src/modules/auth/service.ts';
import { loadCatalog } from '../packages/server/src/modules/catalog/load.ts';
import { buildReportModel } from '../packages/server/src/modules/reports/build-model.ts';
import { renderDocx } from '../packages/server/src/modules/reports/render-docx.ts';
import { renderPdf } from '../packages/server/src/modules/reports/render-pdf.ts';
import { renderXlsx } from '../packages/server/src/modules/reports/render-xlsx.ts';

const [outDir, period = '2025', org = '221'] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: npx tsx scripts/report-sample.ts <out-dir> [period] [org]');
  process.exit(2);
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-report-sample-'));
const handle = await openEmbedded(dataDir);
try {
  await migrate(handle.db);
  await loadCatalog(handle.db, path.resolve('catalog/yen-dung-2023'), 'sample');
  const ctx = createContext(handle.db, loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', VETPLAN_ADMIN_PASSWORD: 'sample-admin-1' }));
  await ensureAdmin(ctx);
  await loadDemoData(ctx);
  const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    console.log(`${label}: ${Math.round(performance.now() - start)} ms`);
    return result;
  };
  const auth = await authContextFor(ctx, 'admin');
  const model = await timed('model', () => buildReportModel(ctx, auth, { type: 'plan-progress', plan: 'YD-GDNN-2023', org, period }));
  fs.mkdirSync(outDir, { recursive: true });
  const base = path.join(outDir, `report-${org}-${period}`);
  fs.writeFileSync(`${base}.docx`, await timed('docx', () => renderDocx(model)));
  fs.writeFileSync(`${base}.xlsx`, await timed('xlsx', () => renderXlsx(model)));
  fs.writeFileSync(`${base}.pdf`, await timed('pdf', () => renderPdf(model)));
  fs.writeFileSync(`${base}.json`, JSON.stringify(model, null, 2));
  console.log(`wrote ${base}.{docx,xlsx,pdf,json}`);
} finally {
  await handle.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
