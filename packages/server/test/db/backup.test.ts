import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArchive, writeArchive } from '../../src/modules/backup/archive.ts';
import { BackupError, createBackup, openBackup, restoreBackup, type BackupManifest } from '../../src/modules/backup/backup.ts';
import { tableSums } from '../../src/modules/backup/tables.ts';
import { verifyChain } from '../../src/modules/data-values/audit-chain.ts';
import { useTestApp, type Session } from '../support/app.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-backup-test-'));
// Evidence and report exports are written under DATA_DIR: a folder of this test's own.
const dataDir = path.join(dir, 'data');
const t = useTestApp({ DATA_DIR: dataDir });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function importCsv(lines: string[]) {
  const admin = await t.login('admin');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/data-values',
    headers: { ...admin.write, 'content-type': 'text/csv' },
    payload: ['element,period,org,disagg,value,comment', ...lines].join('\n'),
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function restore(file: string) {
  const backup = await openBackup(file);
  try {
    return await restoreBackup(t.db.db, backup, dataDir);
  } finally {
    backup.close();
  }
}

/** Unpacks a backup, lets `edit` change its files, and packs it again as a well-formed archive. */
async function repack(from: string, to: string, edit: (files: string) => void) {
  const work = fs.mkdtempSync(path.join(dir, 'repack-'));
  const names = await readArchive(from, work);
  edit(work);
  await writeArchive(
    to,
    names.map((name) => ({ name, source: path.join(work, name) })),
  );
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
    await expect(restore(edited)).rejects.toThrow(
      'the part tables/data_value.jsonl does not match its checksum in the manifest (damaged or edited)',
    );
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
    await expect(restore(newer)).rejects.toThrow(
      'the backup was made by a newer vetplan (migrations 20991231_0001_future.sql are unknown here); use that version. Nothing was changed.',
    );
    expect(await tableSums(t.db.db)).toEqual(untouched);
  });
});

describe('backup and restore of the files under DATA_DIR', () => {
  const withFiles = path.join(dir, 'with-files.tar.gz');
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  let officer: Session;
  let manager: Session;
  let evidence: { id: number; sha256: string };
  let kept: { id: number; sha256: string };
  const download = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

  it('puts each evidence file and kept report export in the backup with its path and SHA-256', async () => {
    t.clock.current = new Date('2025-06-10T03:00:00Z');
    officer = await t.login(await t.newUser({ role: 'unit_officer', org: '07741' }));
    manager = await t.login(await t.newUser({ role: 'plan_manager', org: '221' }));
    const assignments = (await download(officer, '/api/task-assignments?plan=YD-GDNN-2023&year=2025')).json<{
      assignments: { id: number; task: string }[];
    }>().assignments;
    const assignment = assignments.find((a) => a.task === 'T1')!.id;
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/task-assignments/${assignment}/evidence?name=bien-ban.pdf`,
      headers: { ...officer.write, 'content-type': 'application/octet-stream' },
      payload: PDF,
    });
    expect(up.statusCode, up.body).toBe(200);
    evidence = up.json();
    const exported = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: manager.write,
      payload: { type: 'plan-progress', plan: 'YD-GDNN-2023', org: '221', period: '2025', format: 'xlsx' },
    });
    expect(exported.statusCode, exported.body).toBe(200);
    kept = (await download(manager, '/api/reports/exports?plan=YD-GDNN-2023&org=221')).json<{ exports: { id: number; sha256: string }[] }>()
      .exports[0]!;

    const manifest = await createBackup(t.db.db, t.db.engine, withFiles, { dataDir });
    const files = manifest.files!;
    expect(files.map((f) => f.path.split('/')[0])).toEqual(['evidence', 'reports']);
    expect(files[0]).toMatchObject({
      path: `evidence/${evidence.sha256.slice(0, 2)}/${evidence.sha256}`,
      bytes: PDF.length,
      sha256: evidence.sha256,
    });
    expect(files[1]).toMatchObject({ path: expect.stringMatching(/^reports\/2025\/[0-9a-f-]{36}-.+\.xlsx$/), sha256: kept.sha256 });
  });

  it('puts lost and altered files back on restore, each as backed up, and the downloads work again', async () => {
    const manifest = (await openBackup(withFiles)).manifest;
    const [evidencePath, reportPath] = manifest.files!.map((f) => path.join(dataDir, f.path));
    fs.rmSync(evidencePath!);
    fs.writeFileSync(reportPath!, 'overwritten');
    expect((await download(officer, `/api/task-evidence/${evidence.id}`)).statusCode).toBe(410);

    const report = await restore(withFiles);
    expect(report.files).toEqual({ written: 2, unchanged: 0, bytes: manifest.files!.reduce((n, f) => n + f.bytes, 0) });
    const again = await download(officer, `/api/task-evidence/${evidence.id}`);
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals(PDF)).toBe(true);
    const file = await download(manager, `/api/reports/exports/${kept.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(kept.sha256);
    // A second restore finds every file in place.
    expect((await restore(withFiles)).files).toMatchObject({ written: 0, unchanged: 2 });
  });

  it('refuses a backup whose file was altered, or whose manifest points outside the data folders, and changes nothing', async () => {
    const altered = path.join(dir, 'altered-file.tar.gz');
    await repack(withFiles, altered, (files) => fs.appendFileSync(path.join(files, 'files/1'), 'x'));
    const escaping = path.join(dir, 'escaping.tar.gz');
    await repack(withFiles, escaping, (files) => {
      const file = path.join(files, 'manifest.json');
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
      manifest.files![0]!.path = 'evidence/../../outside.pdf';
      fs.writeFileSync(file, JSON.stringify(manifest));
    });
    const untouched = await tableSums(t.db.db);
    const evidenceFile = (await openBackup(withFiles)).manifest.files![0]!;
    await expect(restore(altered)).rejects.toThrow(
      `The backup ${altered} cannot be used: the file ${evidenceFile.path} does not match its checksum in the manifest (damaged or edited). Nothing was changed.`,
    );
    await expect(restore(escaping)).rejects.toThrow(
      'its manifest lists a file outside the data folders: "evidence/../../outside.pdf". Nothing was changed.',
    );
    expect(await tableSums(t.db.db)).toEqual(untouched);
    expect(fs.existsSync(path.join(dir, 'outside.pdf'))).toBe(false);
  });
});
