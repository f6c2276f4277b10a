import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config.ts';
import { CLI, cliEntry, freePort, startServer, waitForHealth } from '../support/process.ts';
import { openSixMonthlyPeriod } from '../support/open-period.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-cli-'));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  VETPLAN_ADMIN_PASSWORD: 'admin-pass-123',
  WEB_DIST_DIR: path.join(dataDir, 'no-web'),
};
const cli = (...args: string[]) => spawnSync(process.execPath, [cliEntry(), ...args], { cwd: REPO_ROOT, env, encoding: 'utf8' });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('the vetplan command', { timeout: 180_000 }, () => {
  it('loads a catalogue, adds a user and creates a token that the server accepts', async () => {
    const load = cli('catalog', 'load', path.join(REPO_ROOT, 'catalog/yen-dung-2023'));
    expect(load.stderr).toBe('');
    expect(load.stdout).toContain(
      'loaded catalogue yen-dung-2023: 21 areas, 28 organisations, 8 data elements, 6 indicators, plans YD-GDNN-2023',
    );

    const add = cli(
      'user',
      'add',
      'tuan.tumai',
      '--role',
      'unit_officer',
      '--org',
      '07741',
      '--name',
      'Anh Tuấn',
      '--email',
      'tuan@tumai.gov.vn',
    );
    expect(add.stdout).toContain('created user tuan.tumai (unit_officer, 07741 Xã Tư Mại)');
    expect(add.stdout).toMatch(/password \(shown once\): \S{16}/);

    const token = cli('token', 'create', 'tuan.tumai');
    expect(token.status).toBe(0);
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^vp_/);
    const tooLong = cli('token', 'create', 'tuan.tumai', '--days', '400');
    expect(tooLong.status).not.toBe(0);
    expect(tooLong.stderr).toContain('--days must be a whole number from 1 to 365');
    const weekly = cli('token', 'create', 'tuan.tumai', '--name', 'weekly', '--days', '7');
    expect(weekly.status).toBe(0);

    const server = startServer(
      { DATA_DIR: dataDir, VETPLAN_ADMIN_PASSWORD: 'admin-pass-123', WEB_DIST_DIR: path.join(dataDir, 'no-web') },
      await freePort(),
    );
    try {
      await waitForHealth(server);
      const me = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ user: { username: 'tuan.tumai', displayName: 'Anh Tuấn', scope: { code: '07741' } } });
      const tokens = (await (await fetch(`${server.url}/api/tokens`, { headers: { authorization: `Bearer ${secret}` } })).json()) as {
        tokens: { name: string; createdAt: string; expiresAt: string }[];
      };
      const days = (t: { createdAt: string; expiresAt: string }) =>
        Math.round((Date.parse(t.expiresAt) - Date.parse(t.createdAt)) / 86_400_000);
      expect(tokens.tokens.map((t) => [t.name, days(t)])).toEqual([
        ['weekly', 7],
        ['cli', 90],
      ]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('imports a CSV file as a user, all or nothing', () => {
    // The command line runs on the real clock: the officer writes the half-year open to them today.
    const period = openSixMonthlyPeriod();
    const good = path.join(dataDir, 'good.csv');
    fs.writeFileSync(
      good,
      `element,period,org,disagg,value\nDE_LABOUR_FORCE,${period},07741,sex:M,2210\nDE_LABOUR_FORCE,${period},07741,sex:F,2050\n`,
    );
    const ok = cli('import', good, '--user', 'tuan.tumai');
    expect(ok.stdout).toContain('vetplan: created 2, updated 0, deleted 0, unchanged 0');
    const bad = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(
      bad,
      `element,period,org,disagg,value\nDE_LABOUR_FORCE,${period},07741,sex:M,2300\nDE_LABOUR_FORCE,${period},07747,sex:M,10\n`,
    );
    const refused = cli('import', bad, '--user', 'tuan.tumai');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('row 2 (org): "07747" is outside the area or organisation you are assigned to');
    const verify = cli('audit', 'verify');
    expect([verify.status, verify.stdout.trim()]).toEqual([0, 'vetplan: the history of values is intact (2 entries)']);
    // Two cells of the half-year, each also a figure of its year; summed into the commune, the district, the province and the nation.
    const rebuild = cli('analytics', 'rebuild');
    expect(rebuild.status).toBe(0);
    expect(rebuild.stdout).toMatch(/^vetplan: rebuilt the analytics aggregate in \d+ ms \(4 unit figures, 16 area figures\)\n$/);
  });

  it('stops a bad catalogue with every problem and exit code 1', () => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-bad-catalog-'));
    fs.cpSync(path.join(REPO_ROOT, 'catalog/yen-dung-2023'), bad, { recursive: true });
    fs.writeFileSync(path.join(bad, 'indicators.yaml'), 'indicators: [\n');
    const result = cli('catalog', 'load', bad);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('vetplan: The catalogue has');
    expect(result.stderr).toMatch(/indicators\.yaml: line \d+, column \d+: is not valid YAML/);
  });

  it('refuses an unknown role and a bad configuration with clear messages', () => {
    const role = cli('user', 'add', 'x', '--role', 'boss', '--org', '221');
    expect(role.status).toBe(1);
    expect(role.stderr).toContain('--role must be one of: admin, plan_manager, unit_officer, unit_head, viewer');
    const common = cli('user', 'add', 'weak.pass', '--role', 'viewer', '--org', '221', '--password', 'Password123');
    expect(common.status).toBe(1);
    expect(common.stderr).toContain('  - password: is one of the most common passwords and easy to guess');
    const blank = cli('user', 'add', 'weak.pass', '--role', 'viewer', '--org', '221', '--password', ' '.repeat(8));
    expect(blank.status).toBe(1);
    expect(blank.stderr).toContain('  - password: must not be only spaces');
    const email = cli('user', 'add', 'no.mail', '--role', 'viewer', '--org', '221', '--email', 'lan-at-ldtbxh');
    expect(email.status).toBe(1);
    expect(email.stderr).toContain('  - email: "lan-at-ldtbxh" must be an e-mail address, e.g. lan@ldtbxh.vn');
    // The installed command (bin/vetplan.mjs, the sources through tsx), where the others run the bundle.
    const config = spawnSync(process.execPath, [CLI, 'migrate'], {
      cwd: REPO_ROOT,
      env: { ...env, PORT: 'abc', DATABASE_URL: 'mysql://x' },
      encoding: 'utf8',
    });
    expect(config.status).toBe(1);
    expect(config.stderr).toContain('PORT: "abc" must be a whole number from 0 to 65535');
    expect(config.stderr).toContain('DATABASE_URL: "mysql://x" must start with postgres:// or postgresql://');
  });
});
