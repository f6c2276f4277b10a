// Records what the API answers to a fixed set of requests, to show that a refactoring changed no behaviour:
//   node scripts/api-record.mjs <repository root> <out.json>
// starts that checkout's server (`vetplan serve`) on an empty data folder with the demo history and the
// test clock at 10/06/2026, creates one user per role, sends every request below as each of them, and
// writes each answer's status and body (times and secrets replaced by placeholders). Run it on the commit
// before and after, then compare the two files: `diff <(jq . a.json) <(jq . b.json)`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const [root, out] = process.argv.slice(2);
if (!root || !out) {
  process.stderr.write('usage: node scripts/api-record.mjs <repository root> <out.json>\n');
  process.exit(2);
}
const PASSWORD = 'ghi-lai-api-123';
const PLAN = 'YD-GDNN-2023';
const USERS = [
  { username: 'lan.ldtbxh', role: 'plan_manager', org: '221' },
  { username: 'tuan.tumai', role: 'unit_officer', org: '07741' },
  { username: 'hoa.gddt', role: 'unit_head', org: '221-GDDT' },
  { username: 'hung.ubnd', role: 'viewer', org: '221' },
];

/** Requests every role sends: reads of every route group, and a few that must be refused. */
const READS = [
  '/api/health',
  '/api/auth/me',
  '/api/users',
  '/api/tokens',
  '/api/areas/tree',
  '/api/organisations',
  '/api/plans',
  `/api/plans/${PLAN}`,
  `/api/plans/${PLAN}/progress?org=221`,
  `/api/plans/${PLAN}/progress?org=07741`,
  '/api/data-elements',
  '/api/dimensions',
  '/api/data-values?element=DE_THCS_GRAD&period=2024&org=07741',
  '/api/data-values?element=DE_THCS_GRAD&period=2024&org=07747',
  '/api/data-values/history?element=DE_THCS_GRAD&period=2024&org=07741',
  '/api/analytics/indicators?org=221&period=2024,2025',
  '/api/analytics/pivot?indicator=I_THCS_TO_VET&org=221&children=true&period=2023,2024,2025',
  '/api/forms',
  '/api/forms/F_COMMUNE_GDNN_6M/entry?org=07741&period=2025S2',
  '/api/forms/F_COMMUNE_GDNN_6M/completeness?period=2025S2',
  '/api/inbox',
  `/api/task-assignments?plan=${PLAN}&year=2025`,
  `/api/evaluation/scorecard?plan=${PLAN}&org=07741&year=2025`,
  `/api/evaluation/ranking?plan=${PLAN}&year=2025`,
  `/api/reports/preview?plan=${PLAN}&period=2025`,
  `/api/reports/exports?plan=${PLAN}`,
  '/api/plans/KHONG-CO',
  '/api/data-values?element=DE_X&period=2025Q9&org=07741',
];

async function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Times, secrets and per-run names become placeholders; the rest is compared as it is. */
function normalise(value) {
  if (typeof value === 'string') {
    return value
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
      .replace(/vp_[A-Za-z0-9_-]{20,}/g, '<token>')
      .replace(/\b\d\d:\d\d, \d\d\/\d\d\/\d{4}\b/g, '<moment>');
  }
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    const o = {};
    for (const [k, v] of Object.entries(value))
      o[k] = ['csrfToken', 'sha256', 'lastLoginAt', 'lastUsedAt'].includes(k) ? '<secret>' : normalise(v);
    return o;
  }
  return value;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-api-record-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'packages/server/bin/vetplan.mjs'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      VETPLAN_ADMIN_PASSWORD: 'quan-tri-api-123',
      VETPLAN_TEST_CLOCK: '1',
      WEB_DIST_DIR: path.join(dataDir, 'no-web'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).status === 200) break;
      } catch {
        // not listening yet
      }
      if (i > 1200) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const login = async (username, password) => {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      const cookie = res.headers.get('set-cookie').split(';')[0];
      const { csrfToken } = await res.json();
      return { username, cookie, csrf: csrfToken };
    };
    const send = async (session, method, url, body) => {
      const headers = { cookie: session.cookie };
      if (method !== 'GET') Object.assign(headers, { 'x-csrf-token': session.csrf, 'content-type': 'application/json' });
      const res = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      let parsed;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = { bytes: text.length };
      }
      return { who: session.username, method, url, status: res.status, body: normalise(parsed) };
    };
    const admin = await login('admin', 'quan-tri-api-123');
    const answers = [];
    answers.push(await send(admin, 'POST', '/api/test/clock', { now: '2026-06-10T03:00:00Z' }));
    for (const u of USERS)
      answers.push(await send(admin, 'POST', '/api/users', { ...u, password: PASSWORD, displayName: `Người dùng ${u.username}` }));
    const sessions = [admin, ...(await Promise.all(USERS.map((u) => login(u.username, PASSWORD))))];
    for (const s of sessions) for (const url of READS) answers.push(await send(s, 'GET', url));
    // Writes: a cell, its stale twin, a submission, a refused one, an out-of-scope cell.
    const officer = sessions[2];
    const cell = { element: 'DE_LABOUR_FORCE', period: '2026S1', org: '07741', disagg: 'sex:F', value: 12, baseVersion: 0 };
    answers.push(await send(officer, 'PUT', '/api/data-entry/cell', cell));
    answers.push(await send(officer, 'PUT', '/api/data-entry/cell', cell));
    answers.push(await send(officer, 'PUT', '/api/data-entry/cell', { ...cell, org: '07747' }));
    answers.push(await send(officer, 'POST', '/api/forms/F_COMMUNE_GDNN_6M/submissions/07741/2026S1/submit', {}));
    answers.push(await send(sessions[4], 'POST', '/api/forms/F_COMMUNE_GDNN_6M/submissions/07741/2026S1/approve', {}));
    answers.push(await send(sessions[1], 'POST', '/api/forms/F_COMMUNE_GDNN_6M/reminders', { period: '2025S2' }));
    for (const s of sessions) answers.push(await send(s, 'GET', '/api/inbox'));
    fs.writeFileSync(out, JSON.stringify(answers, null, 1));
    process.stdout.write(`${answers.length} requests recorded in ${out}\n`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
