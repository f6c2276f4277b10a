import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../../src/bootstrap.ts';
import { useTestApp, type Session } from '../support/app.ts';

// Item 6 of issue 14: a report opens on the user's own unit, never on "Việt Nam" for the nation's administrator.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-report-unit-'));
const t = useTestApp({ DATA_DIR: dataDir, VETPLAN_ADMIN_PASSWORD: 'admin-pass-123' });
const PLAN = 'YD-GDNN-2023';
let admin: Session;
let educationHead: Session;
let communeHead: Session;

beforeAll(async () => {
  t.clock.current = new Date('2026-01-12T03:00:00Z');
  await ensureAdmin(t.ctx);
  admin = await t.login('admin', 'admin-pass-123');
  educationHead = await t.login(await t.newUser({ role: 'unit_head', org: '221-GDDT' }));
  communeHead = await t.login(await t.newUser({ role: 'unit_head', org: '07684' }));
});

type Model = {
  org: { code: string; name: string };
  header: { body: string[]; number: string };
  taskGroups: { tasks: { instances: unknown[] }[] }[];
};
async function preview(s: Session, org?: string): Promise<Model> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/reports/preview?plan=${PLAN}&period=2025${org ? `&org=${org}` : ''}`,
    headers: { cookie: s.cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Model>();
}
const instances = (m: Model) => m.taskGroups.flatMap((g) => g.tasks).reduce((n, task) => n + task.instances.length, 0);

describe('the unit a report opens on', () => {
  it('is the plan’s district for the administrator of the nation, with every task the district assigned', async () => {
    const m = await preview(admin);
    expect(m.org.code).toBe('221');
    expect(m.header.body.join(' ')).not.toContain('VIỆT NAM');
    expect(m.header.number).not.toContain('BC-VN');
    // On a fresh install, before anyone opened the task pages: the report counts what they will show.
    const assigned = await t.db.db
      .selectFrom('task_assignment')
      .select('id')
      .where('plan_code', '=', PLAN)
      .where('period', 'in', ['2025', '2025S1', '2025S2'])
      .execute();
    expect(assigned.length).toBeGreaterThan(200);
    expect(instances(m)).toBe(assigned.length);
  });

  it('is the user’s own unit for an organisation or a commune', async () => {
    expect((await preview(educationHead)).org.code).toBe('221-GDDT');
    expect((await preview(communeHead)).org.code).toBe('07684');
  });

  it('is the unit asked for when one is named', async () => {
    expect((await preview(admin, 'VN')).org.code).toBe('VN');
  });

  it('is the same for an export without a unit', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: admin.write,
      payload: { type: 'plan-progress', plan: PLAN, period: '2025', format: 'xlsx' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: `/api/reports/exports?plan=${PLAN}`, headers: { cookie: admin.cookie } });
    expect(list.json<{ exports: { org: string }[] }>().exports.map((e) => e.org)).toEqual(['221']);
  });
});
