import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { openEmbedded, openPostgres, type DatabaseHandle } from '../../src/db/connection.ts';
import { testEngine, withDatabaseName } from './engine.ts';

export interface TestDatabase extends DatabaseHandle {
  engine: DatabaseHandle['engine'];
  /** Drops the copy. */
  destroy(): Promise<void>;
}

/** A private copy of the migrated database with the default catalogue, for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const engine = testEngine();
  const template = inject('templateDatabase');
  if (engine.kind === 'postgres') {
    const name = `vetplan_test_${randomBytes(6).toString('hex')}`;
    const admin = await openPostgres(engine.url, 1);
    await sql.raw(`create database ${name} template ${template}`).execute(admin.db);
    const handle = await openPostgres(withDatabaseName(engine.url, name), 5);
    return {
      ...handle,
      destroy: async () => {
        await handle.close();
        await sql.raw(`drop database if exists ${name}`).execute(admin.db);
        await admin.close();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-test-'));
  fs.cpSync(template, dir, { recursive: true });
  const handle = await openEmbedded(dir);
  return {
    ...handle,
    destroy: async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
