import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config.ts';
import { lanAddresses } from '../../src/network-addresses.ts';
import { webBuildIsFresh } from '../../../../scripts/web-build.mjs';
import { cliEntry, freePort, loginCookie } from '../support/process.ts';

// Follows README.md's quick start as a newcomer would, on a fresh data folder (issue 14, item 9).
const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
const blocks = [...quickStart.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
const inline = [...quickStart.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-quick-start-'));
// No VETPLAN_ADMIN_PASSWORD: the newcomer gets the printed one.
const { VETPLAN_ADMIN_PASSWORD: _unset, LOG_LEVEL: _default, ...inherited } = process.env;
const env = { ...inherited, DATA_DIR: dataDir };

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Resolves once no process of the group is left (the server has closed its database and released the data folder). */
async function groupGone(pgid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the README quick start', { timeout: 120_000 }, () => {
  it('names exactly two commands, npm start and npm test, and what happens', () => {
    expect(blocks).toEqual(['npm install && npm start', 'npm install && npm test']);
    const scripts = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts.start).toBe('node scripts/start.mjs');
    expect(scripts.test).toBe('node scripts/test.mjs');
    for (const words of ['Không có trình\n  duyệt nào tự mở', 'No\n  browser opens', '<http://localhost:3000>', 'khung', 'box'])
      expect(quickStart).toContain(words);
    expect(inline).toEqual(expect.arrayContaining(['HOST=0.0.0.0 npm start', 'npx vetplan demo remove']));
  });

  let password = '';
  it('serves on the embedded database with HOST=0.0.0.0, names the address phones open, and prints the password last, in a box', async () => {
    const port = await freePort();
    const [hostVar, ...command] = inline.find((c) => c.startsWith('HOST='))!.split(' ');
    const [name, value] = hostVar!.split('=');
    // `npm start` builds the web app first when its sources changed; while they are being edited the same server bundle is started directly.
    const [cmd, args] = webBuildIsFresh() ? [command[0]!, command.slice(1)] : [process.execPath, [cliEntry(), 'serve']];
    // Its own process group: `npm start` runs the server in a child of npm, and both are stopped.
    const child = spawn(cmd, args, {
      cwd: REPO_ROOT,
      env: { ...env, [name!]: value!, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      // The box is the last thing start-up prints.
      await new Promise<void>((resolve, reject) => {
        const check = () => (out.includes('╝') ? resolve() : undefined);
        child.stdout.on('data', check);
        void exited.then(() => reject(new Error(`the server exited:\n${out}`)));
        // A failure, not a wait: the server is stopped in `finally` rather than left behind by the test's timeout.
        setTimeout(() => reject(new Error(`no password box within 90 s:\n${out}`)), 90_000).unref();
      });
      // Nothing after the box at start-up: it stays in sight.
      const startUp = out;
      expect(startUp.trimEnd().endsWith('╝'), startUp).toBe(true);
      expect(startUp).not.toContain('Server listening');
      expect(out).toContain('embedded database');
      expect(out).toContain('going live, remove them with: npx vetplan demo remove');
      expect(out).toContain(`http://localhost:${port}`);
      const addresses = lanAddresses();
      for (const a of addresses) expect(out).toContain(`phones and other computers on the office network open http://${a}:${port}`);
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      // What a phone on the office network types answers too.
      if (addresses[0]) expect((await fetch(`http://${addresses[0]}:${port}/api/health`)).status).toBe(200);
      password = /║ {5}(\S+) *║/.exec(out)![1]!;
      await loginCookie(`http://127.0.0.1:${port}`, 'admin', password);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
      await groupGone(child.pid!);
    }
  });

  it('goes live with the command it names: the demo history goes, and a second run finds nothing', () => {
    const [cmd, ...args] = inline.find((c) => c.startsWith('npx vetplan demo'))!.split(' ');
    const first = spawnSync(cmd!, args, { cwd: REPO_ROOT, env, encoding: 'utf8' });
    expect(first.stderr).not.toContain('vetplan:');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('vetplan: Đã xóa số liệu mẫu: 2345 giá trị và 2345 mục lịch sử thay đổi.');
    expect(first.stdout).toContain('vetplan: Removed the demo history: 2345 values and 2345 history entries.');
    const again = spawnSync(cmd!, args, { cwd: REPO_ROOT, env, encoding: 'utf8' });
    expect(again.stdout).toBe('vetplan: Không có số liệu mẫu nào để xóa.\nvetplan: There is no demo history to remove.\n');
    const verify = spawnSync(process.execPath, [cliEntry(), 'audit', 'verify'], { cwd: REPO_ROOT, env, encoding: 'utf8' });
    expect(verify.stdout.trim()).toBe('vetplan: the history of values is intact (0 entries)');
  });
});
