import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db.destroy());

describe('migrate', () => {
  it('applies each file once, in name order', async () => {
    const files = readMigrations();
    expect(files.map((f) => f.name)).toEqual([...files.map((f) => f.name)].sort());
    expect(await migrate(db.db)).toEqual([]);
    const rows = await db.db.selectFrom('schema_migration').select('name').orderBy('name').execute();
    expect(rows.map((r) => r.name)).toEqual(files.map((f) => f.name));
  });

  it('refuses to run when an applied migration was edited', async () => {
    const [first, ...rest] = readMigrations();
    const edited = { ...first!, checksum: 'edited' };
    await expect(migrate(db.db, [edited, ...rest])).rejects.toThrow(
      `Migration ${first!.name} was changed after it was applied; add a new migration instead`,
    );
  });

  it('applies a new migration in its own transaction', async () => {
    const files = readMigrations();
    const added = {
      name: '99999999_9999_test.sql',
      sql: 'create table migrate_probe (id int); insert into migrate_probe values (1);',
      checksum: 'probe',
    };
    expect(await migrate(db.db, [...files, added])).toEqual(['99999999_9999_test.sql']);
    const broken = {
      name: '99999999_9999_zz.sql',
      sql: 'create table migrate_probe2 (id int); select no_such_function();',
      checksum: 'broken',
    };
    await expect(migrate(db.db, [...files, added, broken])).rejects.toThrow();
    const tables = await db.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toContain('migrate_probe');
    expect(tables.map((t) => t.name)).not.toContain('migrate_probe2');
  });
});
