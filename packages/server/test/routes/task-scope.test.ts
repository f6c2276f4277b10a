import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type ErrorBody, type Session } from '../support/app.ts';
import { copyPlan } from '../support/plans.ts';

/**
 * Adding a task names a plan and its lead and coordinating parties: each must
 * lie in the caller's scope (a group counts as its members), and the dates in
 * the plan's period. Issue 13: a commune's or an agency's plan manager added
 * tasks led by other agencies, overdue back to 1900, into their scorecards.
 */
const t = useTestApp();
const PLAN = 'YD-GDNN-2023';
const COMMUNE_PLAN = 'ZZ-TU-MAI';

let district: Session;
let commune: Session;
let agency: Session;
let communeAdmin: Session;

const post = (s: Session, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/tasks', headers: s.write, payload });
const task = (over: Record<string, unknown> = {}) => ({
  plan: PLAN,
  group: '1',
  title: 'Tuyên truyền về GDNN',
  lead: ['221-LDTBXH'],
  startOn: '2025-07-01',
  recurrence: 'once',
  dueOn: '2025-09-30',
  ...over,
});
const taskCount = async () =>
  Number(
    (
      await t.db.db
        .selectFrom('task')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t.clock.current = new Date('2025-06-16T03:00:00Z');
  await copyPlan(t.db.db, PLAN, COMMUNE_PLAN, '07741');
  district = await t.login(await t.newUser({ role: 'plan_manager', org: '221' }));
  commune = await t.login(await t.newUser({ role: 'plan_manager', org: '07741' }));
  agency = await t.login(await t.newUser({ role: 'plan_manager', org: '221-GDDT' }));
  communeAdmin = await t.login(await t.newUser({ role: 'admin', org: '07741' }));
});

function expectOutOfScope(res: Awaited<ReturnType<typeof post>>, code: string) {
  expect(res.statusCode).toBe(403);
  expect(res.json<ErrorBody>()).toMatchObject({ error: 'out_of_scope', message: expect.stringContaining(`"${code}"`) });
}

describe('POST /api/tasks: scope of the plan and of every party', () => {
  it('refuses a commune’s or an agency’s manager a task in the district plan', async () => {
    const before = await taskCount();
    expectOutOfScope(await post(commune, task()), '221');
    expectOutOfScope(await post(communeAdmin, task({ lead: ['221-CA'] })), '221');
    expectOutOfScope(await post(agency, task({ lead: ['221-GDDT'] })), '221');
    expect(await taskCount()).toBe(before);
  });

  it('refuses a lead or coordinating party outside the caller’s scope, naming it', async () => {
    expectOutOfScope(await post(commune, task({ plan: COMMUNE_PLAN, lead: ['221-CA'] })), '221-CA');
    expectOutOfScope(await post(commune, task({ plan: COMMUNE_PLAN, lead: ['07741-UBND'], coordinating: ['221-GDDT'] })), '221-GDDT');
  });

  it('expands a group to its members: every commune’s committee is not one commune’s to assign', async () => {
    const res = await post(commune, task({ plan: COMMUNE_PLAN, lead: ['07741-UBND'], coordinating: ['COMMUNE_PPC'] }));
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().message).toMatch(/^Đơn vị "07\d{3}-UBND" \(nhóm "COMMUNE_PPC"\) nằm ngoài phạm vi được giao của bạn\.$/);
  });

  it('lets a commune add a task of its own plan led by its own committee', async () => {
    const res = await post(commune, task({ plan: COMMUNE_PLAN, lead: ['07741-UBND'] }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ assignments: 1 });
  });

  it('lets the district’s manager assign the district’s agencies and every commune', async () => {
    const res = await post(district, task({ lead: ['221-CA'], coordinating: ['COMMUNE_PPC'] }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ assignments: 19 });
  });
});

describe('POST /api/tasks: dates within the plan’s period', () => {
  it('refuses a start before the plan’s issue date or after its last horizon, naming the range', async () => {
    const before = await taskCount();
    const early = await post(district, task({ startOn: '1900-01-01', recurrence: 'continuous', reporting: 'six_monthly', dueOn: null }));
    expect(early.statusCode).toBe(400);
    expect(early.json<ErrorBody>().message).toBe(
      'startOn: Ngày bắt đầu (01/01/1900) phải nằm trong thời gian của kế hoạch, từ 01/10/2023 đến 31/12/2045',
    );
    expect(early.json<ErrorBody>().messageEn).toBe(
      'startOn: the start (1900-01-01) must lie within the plan’s period, from 2023-10-01 to 2045-12-31',
    );
    const late = await post(district, task({ startOn: '2046-01-01', dueOn: '2046-02-01' }));
    expect(late.json<ErrorBody>().message).toBe(
      'startOn: Ngày bắt đầu (01/01/2046) phải nằm trong thời gian của kế hoạch, từ 01/10/2023 đến 31/12/2045',
    );
    expect(await taskCount()).toBe(before);
  });

  it('refuses a due date after the plan’s last horizon', async () => {
    const res = await post(district, task({ dueOn: '2099-12-31' }));
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().message).toBe(
      'dueOn: Thời hạn (31/12/2099) phải nằm trong thời gian của kế hoạch, từ 01/10/2023 đến 31/12/2045',
    );
  });
});
