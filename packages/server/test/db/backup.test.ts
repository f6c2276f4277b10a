import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArchive, writeArchive } from '../../src/db/backup/archive.ts';
import { BackupError, createBackup, openBackup, restoreBackup, type BackupManifest } from '../../src/db/backup/backup.ts';
import { tableSums } from '../../src/db/backup/tables.ts';
import { verifyChain } from '../../src/modules/data-values/audit-chain.ts';
import { useTestApp } from '../support/app.ts';

const t = useTestApp();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-backup-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function importCsv(lines: string[]) {
  const admin = await t.login('admin');
  const res = await t.app.inject({ method: 'POST', url: '/api/data-values', headers: { ...admin.write, 'content-type': 'text/csv' }, payload: ['element,period,org,disagg,value,comment', ...lines].join('\n') });
  expect(res.statusCode, res.body).toBe(200);
}

async function restore(file: string) {
  const backup = await openBackup(file);
  try {
    return await restoreBackup(t.db.db, backup);
  } finally {
    backup.close();
  }
}

/** Unpacks a backup, lets `edit` change its files, and packs it again as a well-formed archive. */
async function repack(from: string, to: string, edit: (files: string) => void) {
  const work = fs.mkdtempSync(path.join(dir, 'repack-'));
  const names = await readArchive(from, work);
  edit(work);
  await writeArchive(to, names.map((name) => ({ name, source: path.join(work, name) })));
}

describe(`backup and restore (${process.env.VETPLAN_TEST_ENGINE ?? 'pglite'})`, () => {
  const good = path.join(dir, 'good.tar.gz');
  let before: Awaited<ReturnType<typeof tableSums>>;

  it('writes every table with its row count and SHA-256, equal to the live database’s', async () => {
    await t.newUser({ role: 'admin', org: 'VN', username: 'admin' });
    await importCsv(['DE_THCS_GRAD,2022,07681,sex:F,10,"đầu năm, ""ước"""', 'DE_THCS_GRAD,2022,07681,sex:M,12,']);
    await importCsv(['DE_THCS_GRAD,2022,07681,sex:F,11,', 'DE_THCS_GRAD,2022,07682,sex:F,7,"dòng 2\nxuống dòng"']);
    before = await tableSums(t.db.db);
    const manifest = await createBackup(t.db.db, t.db.engine, good);
    expect(manifest.migrations.length).toBeGreaterThan(0);
    expect(new Map(manifest.parts.map((p) => [p.table, { rows: p.rows, sha256: p.sha256 }]))).toEqual(before);
    expect(before.get('data_value')!.rows).toBe(3);
    expect(before.get('data_value_audit')!.rows).toBe(4);
    expect(before.get('app_user')!.rows).toBe(1);
  });

  it('restores it over later changes: every table’s checksum as backed up, the history chain intact, new writes still work', async () => {
    await importCsv(['DE_THCS_GRAD,2023,07681,sex:F,99,', 'DE_THCS_GRAD,2022,07681,sex:M,,']);
    await t.newUser({ role: 'viewer', org: '07681', username: 'later.user' });
    expect(await tableSums(t.db.db)).not.toEqual(before);

    const report = await restore(good);
    expect(report.sums).toEqual(before);
    expect(await tableSums(t.db.db)).toEqual(before);
    expect(await verifyChain(t.db.db)).toEqual({ entries: 4, broken: null });

    // Identity sequences were moved past the restored ids: new rows get new ids and extend the chain.
    await t.newUser({ role: 'viewer', org: '07681', username: 'after.restore' });
    await importCsv(['DE_THCS_GRAD,2024,07681,sex:F,5,']);
    expect(await verifyChain(t.db.db)).toEqual({ entries: 5, broken: null });
  });

  it('refuses a damaged, truncated, edited or foreign file with a clear message and changes nothing', async () => {
    await restore(good);
    const untouched = await tableSums(t.db.db);
    const bytes = fs.readFileSync(good);

    const flipped = path.join(dir, 'flipped.tar.gz');
    const copy = Buffer.from(bytes);
    copy[Math.floor(copy.length / 2)]! ^= 0xff;
    fs.writeFileSync(flipped, copy);

    const truncated = path.join(dir, 'truncated.tar.gz');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));

    const edited = path.join(dir, 'edited.tar.gz');
    await repack(good, edited, (files) => {
      const part = path.join(files, 'tables/data_value.jsonl');
      fs.writeFileSync(part, fs.readFileSync(part, 'utf8').replace('"value":11', '"value":12'));
    });

    const foreign = path.join(dir, 'notes.txt');
    fs.writeFileSync(foreign, 'not a backup');

    for (const file of [flipped, truncated, edited, foreign, path.join(dir, 'missing.tar.gz')]) {
      const attempt = restore(file);
      await expect(attempt).rejects.toBeInstanceOf(BackupError);
      await expect(attempt).rejects.toThrow(/The backup .* cannot be used: .*\. Nothing was changed\./);
    }
    await expect(restore(edited)).rejects.toThrow('the part tables/data_value.jsonl does not match its checksum in the manifest (damaged or edited)');
    expect(await tableSums(t.db.db)).toEqual(untouched);
  });

  it('refuses a backup of another schema version and changes nothing', async () => {
    const newer = path.join(dir, 'newer.tar.gz');
    await repack(good, newer, (files) => {
      const file = path.join(files, 'manifest.json');
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
      manifest.migrations.push('20991231_0001_future.sql');
      fs.writeFileSync(file, JSON.stringify(manifest));
    });
    await importCsv(['DE_THCS_GRAD,2025,07681,sex:F,1,']);
    const untouched = await tableSums(t.db.db);
    await expect(restore(newer)).rejects.toThrow('the backup was made by a newer vetplan (migrations 20991231_0001_future.sql are unknown here); use that version. Nothing was changed.');
    expect(await tableSums(t.db.db)).toEqual(untouched);
  });
});
