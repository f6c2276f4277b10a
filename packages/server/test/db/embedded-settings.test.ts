import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openEmbedded } from '../../src/db/connection.ts';

async function settings(dir: string) {
  const db = await openEmbedded(dir);
  try {
    const rows = await sql<{ name: string; setting: string; unit: string | null }>`
      select name, setting, unit from pg_settings where name in ('shared_buffers', 'TimeZone', 'default_text_search_config') order by name`.execute(
      db.db,
    );
    return Object.fromEntries(rows.rows.map((r) => [r.name, r.unit === '8kB' ? `${(Number(r.setting) * 8) / 1024} MB` : r.setting]));
  } finally {
    await db.close();
  }
}

describe('the embedded database', () => {
  it('runs with 32 MB of shared buffers and keeps the settings initdb wrote, at its first start and after a reopen', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-settings-'));
    try {
      const expected = { default_text_search_config: 'pg_catalog.english', shared_buffers: '32 MB', TimeZone: 'UTC' };
      expect(await settings(dir)).toEqual(expected);
      expect(await settings(dir)).toEqual(expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
