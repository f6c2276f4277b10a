import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { openEmbedded, openPostgres } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadCatalog } from '../src/modules/catalog/load.ts';
import { ensureServerBundle } from '../../../scripts/server-bundle.mjs';
import { DEFAULT_CATALOG_DIR, TEMPLATE_DB_NAME, testEngine, withDatabaseName } from './support/engine.ts';

/**
 * Prepares one migrated database with the default catalogue, once per run;
 * every test file then starts from a copy of it (a folder copy for PGlite, a
 * template database for PostgreSQL), which takes well under a second.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The process tests start the bundled command line (test/support/process.ts).
  await ensureServerBundle();
  const engine = testEngine();
  if (engine.kind === 'postgres') {
    const admin = await openPostgres(engine.url, 1);
    await sql.raw(`drop database if exists ${TEMPLATE_DB_NAME}`).execute(admin.db);
    await sql.raw(`create database ${TEMPLATE_DB_NAME}`).execute(admin.db);
    const template = await openPostgres(withDatabaseName(engine.url, TEMPLATE_DB_NAME), 1);
    await migrate(template.db);
    await loadCatalog(template.db, DEFAULT_CATALOG_DIR, 'test');
    await template.close();
    await admin.close();
    project.provide('templateDatabase', TEMPLATE_DB_NAME);
    return async () => {
      const again = await openPostgres(engine.url, 1);
      await sql.raw(`drop database if exists ${TEMPLATE_DB_NAME}`).execute(again.db);
      await again.close();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-template-'));
  const db = await openEmbedded(dir);
  await migrate(db.db);
  await loadCatalog(db.db, DEFAULT_CATALOG_DIR, 'test');
  await db.checkpoint();
  await db.close();
  project.provide('templateDatabase', dir);
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
