import type { Config } from './config.ts';
import { createContext, type AppContext } from './context.ts';
import { migrate } from './db/migrate.ts';
import { openConfiguredDatabase } from './db/open.ts';
import { failureCode, isDatabaseUnavailable } from './db/unavailable.ts';
import { buildApp } from './app.ts';
import { ensureAdmin } from './bootstrap.ts';
import { loadDemoData } from './modules/demo/service.ts';
import { anyCatalogLoaded, loadCatalog } from './modules/catalog/load.ts';
import { sweepDeadImports } from './modules/data-values/import-claims.ts';
import { whereToOpen } from './network-addresses.ts';

/**
 * Starts vetplan: database, migrations, the default catalogue on first start,
 * the first administrator, then HTTP. SIGINT/SIGTERM stop it gracefully:
 * no new requests, in-flight ones finish, CHECKPOINT, close.
 */
/** How often a server on PostgreSQL looks for imports left applying by a process that died. */
const IMPORT_SWEEP_MS = 60_000;

/** An import a crash left half-written is undone before the first request is answered. */
async function undoCrashedImports(ctx: AppContext, log: (msg: string) => void): Promise<void> {
  const { undone, stages } = await sweepDeadImports(ctx.db, ctx.now());
  if (undone > 0) log(`vetplan: đã hoàn tác ${undone} lượt nhập dở dang do sự cố / undid ${undone} import(s) left unfinished by a crash`);
  if (stages > 0)
    log(`vetplan: đã xóa ${stages} bảng tạm của lượt nhập do sự cố / dropped ${stages} import stage table(s) left by a crash`);
}

/** The first start of an installation: the synthetic 2021–2025 history, and how to remove it when going live. */
async function loadDemo(ctx: AppContext, log: (msg: string) => void): Promise<void> {
  const demo = await loadDemoData(ctx);
  if (!demo) return;
  log(
    `vetplan: đã nạp số liệu mẫu 2021–2025 / loaded demo figures 2021–2025 (${demo.created} giá trị / values; ` +
      'DEMO_DATA=false để bắt đầu trống / to start empty)',
  );
  log(
    'vetplan: khi dùng thật, xóa số liệu mẫu bằng / going live, remove them with: npx vetplan demo remove ' +
      '(hoặc trang Người dùng / or the Users page)',
  );
}

export async function serve(config: Config): Promise<void> {
  const database = await openConfiguredDatabase(config);
  const log = (msg: string) => process.stdout.write(`${msg}\n`);
  try {
    const applied = await migrate(database.db);
    if (applied.length) log(`vetplan: đã cập nhật cấu trúc cơ sở dữ liệu / applied migrations: ${applied.join(', ')}`);
    if (!(await anyCatalogLoaded(database.db))) {
      const summary = await loadCatalog(database.db, config.catalogDir, 'system');
      log(
        `vetplan: đã nạp danh mục / loaded catalogue ${summary.catalog} (${summary.areas} địa bàn / areas, ` +
          `${summary.organisations} đơn vị / organisations; kế hoạch / plans ${summary.plans.join(', ')})`,
      );
    }
    const ctx = createContext(database.db, config);
    await undoCrashedImports(ctx, log);
    const admin = await ensureAdmin(ctx);
    if (admin.created && config.demoData) await loadDemo(ctx, log);
    if (admin.created && !admin.printedPassword)
      log(
        'vetplan: đã tạo tài khoản "admin" với mật khẩu trong VETPLAN_ADMIN_PASSWORD / ' +
          'created user "admin" with the password from VETPLAN_ADMIN_PASSWORD',
      );
    const app = await buildApp(ctx, { logger: { level: config.logLevel }, webDistDir: config.webDistDir });
    // A connection the database server ended is replaced when next needed; the operator sees it in the log.
    database.onConnectionLost((error) =>
      app.log.warn({ code: failureCode(error), reason: error.message }, 'lost a database connection; a new one is opened when needed'),
    );
    // On a PostgreSQL server another process (a `vetplan import` run beside this one) may die mid-import:
    // undo its import once it is gone.
    const sweep = database.engine === 'postgres' ? setInterval(() => void sweepNow(), IMPORT_SWEEP_MS).unref() : null;
    const sweepNow = async () => {
      try {
        const { undone, stages } = await sweepDeadImports(database.db, ctx.now());
        if (undone > 0) app.log.warn(`undid ${undone} import(s) left unfinished by a process that stopped`);
        if (stages > 0) app.log.warn(`dropped ${stages} import stage table(s) left by a process that stopped`);
      } catch (error) {
        // While the database is away the next sweep tries again.
        if (isDatabaseUnavailable(error))
          app.log.warn({ code: failureCode(error) }, 'the database is unavailable: undoing imports left by a dead process waits for it');
        else app.log.error({ err: error }, 'undoing imports left by a dead process failed');
      }
    };
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) {
        log(`vetplan: ${signal} lần nữa, dừng ngay / again, exiting now`);
        process.exit(1);
      }
      stopping = true;
      if (sweep) clearInterval(sweep);
      log(
        `vetplan: nhận ${signal}, đang hoàn tất các yêu cầu và đóng cơ sở dữ liệu / ` +
          `${signal} received, finishing requests and closing the database`,
      );
      try {
        await app.close();
        await database.checkpoint();
        await database.close();
        process.exit(0);
      } catch (error) {
        process.stderr.write(`vetplan: error while stopping: ${String(error)}\n`);
        process.exit(1);
      }
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
    // Fastify's own "Server listening at" lines (one per interface with HOST=0.0.0.0, some written after the box
    // below) are left out: the bilingual lines below say where to open the app.
    const level = app.log.level;
    app.log.level = 'warn';
    const address = await app.listen({ port: config.port, host: config.host }).finally(() => (app.log.level = level));
    const where = database.engine === 'pglite' ? `the embedded database in ${database.location}` : `PostgreSQL ${database.location}`;
    log(`vetplan: đang phục vụ tại / serving ${address} (${where}). Mở địa chỉ này trong trình duyệt / open it in a browser.`);
    // With HOST=0.0.0.0 the address above is no address to type: name this computer's, and the network's for the phones.
    for (const line of whereToOpen(config.host, new URL(address).port ? Number(new URL(address).port) : config.port)) log(line);
    // Printed last, so that nothing the server logs at start-up pushes it out of sight.
    if (admin.printedPassword) log(passwordBox(admin.printedPassword));
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** The first administrator's generated password, in a box that stands out in a console. */
function passwordBox(password: string): string {
  const lines = [
    'Đã tạo tài khoản "admin". Mật khẩu chỉ hiển thị một lần này:',
    'Created user "admin". Its password is shown only this once:',
    '',
    `    ${password}`,
    '',
    'Hãy ghi lại ở nơi an toàn; đặt VETPLAN_ADMIN_PASSWORD để tự chọn mật khẩu.',
    'Keep it somewhere safe; set VETPLAN_ADMIN_PASSWORD to choose it.',
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const bar = '═'.repeat(width);
  return ['', `╔${bar}╗`, ...lines.map((l) => `║ ${l.padEnd(width - 1)}║`), `╚${bar}╝`, ''].join('\n');
}
