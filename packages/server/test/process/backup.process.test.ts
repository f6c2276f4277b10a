import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { readArchive } from '../../src/modules/backup/archive.ts';
import type { BackupManifest } from '../../src/modules/backup/backup.ts';
import { REPO_ROOT } from '../../src/config.ts';
import { openPostgres } from '../../src/db/connection.ts';
import { withDatabaseName } from '../support/engine.ts';
import { cliEntry } from '../support/process.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-backup-cli-'));
const dataDir = path.join(dir, 'data');
const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', VETPLAN_ADMIN_PASSWORD: 'admin-pass-123', DATABASE_URL: '' };
const cli = (args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, [cliEntry(), ...args], { cwd: REPO_ROOT, env: { ...env, ...extra }, encoding: 'utf8' });
const file = (name: string) => path.join(dir, name);

/** Table → [rows, sha256] and file path → [bytes, sha256] from a backup's manifest. */
async function sums(backup: string): Promise<Record<string, [number, string]>> {
  const into = fs.mkdtempSync(path.join(dir, 'open-'));
  await readArchive(backup, into);
  const manifest = JSON.parse(fs.readFileSync(path.join(into, 'manifest.json'), 'utf8')) as BackupManifest;
  const files = manifest.files!.map((f): [string, [number, string]] => [f.path, [f.bytes, f.sha256]]);
  expect(files).toHaveLength(2);
  return Object.fromEntries([...manifest.parts.map((p): [string, [number, string]] => [p.table, [p.rows, p.sha256]]), ...files]);
}

function writeCsv(name: string, lines: string[]): string {
  fs.writeFileSync(file(name), ['element,period,org,disagg,value', ...lines].join('\n'));
  return file(name);
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// An evidence file and a kept report export, where the server puts them under DATA_DIR.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');
const dataFiles: Record<string, Buffer> = {
  [`evidence/${PDF_SHA.slice(0, 2)}/${PDF_SHA}`]: PDF,
  'reports/2025/0b6f8a52-1c1e-4d2a-9a57-3f0c2d7e9b10-bao-cao-ke-hoach-2025.docx': Buffer.from('PK\u0003\u0004 a kept export'),
};
const FILE_BYTES = Object.values(dataFiles).reduce((n, b) => n + b.length, 0);
const readDataFiles = (root: string) =>
  Object.fromEntries(
    Object.keys(dataFiles).map((p) => [p, fs.existsSync(path.join(root, p)) ? fs.readFileSync(path.join(root, p)) : null]),
  );

describe('vetplan backup, restore and migrate-to on an embedded installation', { timeout: 600_000 }, () => {
  it('backs up, verifies, restores over later changes to the same checksums, and refuses a damaged file without changing anything', async () => {
    expect(cli(['catalog', 'load', path.join(REPO_ROOT, 'catalog/yen-dung-2023')]).status).toBe(0);
    expect(cli(['user', 'add', 'admin', '--role', 'admin', '--org', 'VN', '--password', 'admin-pass-123']).status).toBe(0);
    expect(
      cli(['import', writeCsv('a.csv', ['DE_LABOUR_FORCE,2025S1,07741,sex:M,2210', 'DE_LABOUR_FORCE,2025S1,07741,sex:F,2050'])]).status,
    ).toBe(0);
    for (const [relative, bytes] of Object.entries(dataFiles)) {
      fs.mkdirSync(path.dirname(path.join(dataDir, relative)), { recursive: true });
      fs.writeFileSync(path.join(dataDir, relative), bytes);
    }

    const backup = cli(['backup', file('one.tar.gz')]);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/data_value_audit\s+2\s+[0-9a-f]{64}/);
    expect(backup.stdout).toContain(`vetplan: 2 files (1 evidence, 1 report exports, ${FILE_BYTES} bytes) from ${dataDir}`);
    expect(backup.stdout).toContain(`vetplan: wrote ${file('one.tar.gz')}`);
    const verify = cli(['backup', 'verify', file('one.tar.gz')]);
    expect(verify.stdout).toMatch(
      /^vetplan: the backup is intact: \d+ tables, \d+ rows, 2 files \(1 evidence, 1 report exports, \d+ bytes\), made .* from pglite, every part and file matches its SHA-256/,
    );

    expect(cli(['import', writeCsv('b.csv', ['DE_LABOUR_FORCE,2025S1,07741,sex:M,2300'])]).status).toBe(0);
    // The evidence file is lost and the export overwritten: the restore puts both back as they were.
    const [evidencePath, exportPath] = Object.keys(dataFiles).map((p) => path.join(dataDir, p));
    fs.rmSync(evidencePath!);
    fs.writeFileSync(exportPath!, 'changed');
    const restore = cli(['restore', file('one.tar.gz')]);
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toMatch(/data_value\s+2\s+[0-9a-f]{64}\s+ok/);
    expect(restore.stdout).not.toContain('DIFFERS');
    expect(restore.stdout).toContain(`in ${dataDir}: 2 written, 0 already there; every SHA-256 matches`);
    expect(readDataFiles(dataDir)).toEqual(dataFiles);
    expect(cli(['audit', 'verify']).stdout.trim()).toBe('vetplan: the history of values is intact (2 entries)');

    expect(cli(['backup', file('two.tar.gz')]).status).toBe(0);
    expect(await sums(file('two.tar.gz'))).toEqual(await sums(file('one.tar.gz')));

    const damaged = Buffer.from(fs.readFileSync(file('one.tar.gz')));
    damaged[damaged.length - 40]! ^= 0x55;
    fs.writeFileSync(file('damaged.tar.gz'), damaged);
    expect(cli(['import', writeCsv('c.csv', ['DE_LABOUR_FORCE,2025S1,07741,sex:F,1999'])]).status).toBe(0);
    expect(cli(['backup', file('before-bad.tar.gz')]).status).toBe(0);
    const refused = cli(['restore', file('damaged.tar.gz')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^vetplan: The backup .*damaged\.tar\.gz cannot be used: .*\. Nothing was changed\.\n$/);
    expect(cli(['backup', 'verify', file('damaged.tar.gz')]).status).toBe(1);
    expect(cli(['backup', file('after-bad.tar.gz')]).status).toBe(0);
    expect(await sums(file('after-bad.tar.gz'))).toEqual(await sums(file('before-bad.tar.gz')));
  });

  // Needs a PostgreSQL server: runs wherever TEST_DATABASE_URL is set (CI sets it).
  const servers = process.env.TEST_DATABASE_URL ? [process.env.TEST_DATABASE_URL] : [];
  it.each(servers)(
    'moves the installation to PostgreSQL with every table’s rows and checksum and an intact history chain',
    async (server) => {
      const name = `vetplan_resilience_move_${randomBytes(4).toString('hex')}`;
      const admin = await openPostgres(server, 1);
      await sql.raw(`create database ${name}`).execute(admin.db);
      const url = withDatabaseName(server, name);
      try {
        expect(cli(['backup', file('source.tar.gz')]).status).toBe(0);
        const serverDataDir = file('server-data');
        const moved = cli(['migrate-to', url, '--files-to', serverDataDir]);
        expect(moved.stderr).toBe('');
        expect(moved.stdout).toMatch(/data_value_audit\s+3\s+[0-9a-f]{64}\s+ok/);
        expect(moved.stdout).not.toContain('DIFFERS');
        expect(moved.stdout).toContain('vetplan: the history of values is intact on the target (3 entries)');
        expect(moved.stdout).toContain(
          `vetplan: copied the 2 files (1 evidence, 1 report exports, ${FILE_BYTES} bytes) to ${serverDataDir} (2 written, 0 already there); every SHA-256 matches.`,
        );
        expect(readDataFiles(serverDataDir)).toEqual(dataFiles);

        const onServer = { DATABASE_URL: url, DATA_DIR: serverDataDir };
        expect(cli(['audit', 'verify'], onServer).stdout.trim()).toBe('vetplan: the history of values is intact (3 entries)');
        expect(cli(['backup', file('target.tar.gz')], onServer).status).toBe(0);
        // The same rows give the same checksums on both engines.
        expect(await sums(file('target.tar.gz'))).toEqual(await sums(file('source.tar.gz')));

        const again = cli(['migrate-to', url]);
        expect(again.status).toBe(1);
        expect(again.stderr).toContain('The target database already holds data');

        // Restore on PostgreSQL: the embedded backup goes back onto the server.
        expect(cli(['import', writeCsv('d.csv', ['DE_LABOUR_FORCE,2025S1,07741,sex:F,1'])], onServer).status).toBe(0);
        expect(cli(['restore', file('source.tar.gz')], onServer).status).toBe(0);
        expect(cli(['backup', file('target-2.tar.gz')], onServer).status).toBe(0);
        expect(await sums(file('target-2.tar.gz'))).toEqual(await sums(file('source.tar.gz')));
      } finally {
        await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
        await admin.close();
      }
    },
  );
});
