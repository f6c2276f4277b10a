import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type ErrorBody, type Session } from '../support/app.ts';

/** People are shown by name, not username (issue 14, item 8): submission history, cell history, the submitted lock, task history. */
const t = useTestApp();
const FORM = 'F_COMMUNE_GDNN_6M';
const ORG = '07741';
const PERIOD = '2026S1';
let officer: Session;
let officerName: string;
let manager: Session;

const named = (username: string, displayName: string) =>
  t.db.db.updateTable('app_user').set({ display_name: displayName }).where('username', '=', username).execute();

beforeAll(async () => {
  t.clock.current = new Date('2026-12-03T03:00:00Z');
  officerName = await t.newUser({ role: 'unit_officer', org: ORG });
  await named(officerName, 'Nguyễn Thị Hoa');
  officer = await t.login(officerName);
  const managerName = await t.newUser({ role: 'plan_manager', org: '221' });
  await named(managerName, 'Trần Thị Lan');
  manager = await t.login(managerName);
});

describe('people are named by their display names', () => {
  it('in the submission history, the cell history and the submitted lock; usernames stay beside them for scripts', async () => {
    const cell = (value: number, baseVersion: number) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/data-entry/cell',
        headers: officer.write,
        payload: { element: 'DE_LABOUR_FORCE', period: PERIOD, org: ORG, disagg: 'sex:F', value, baseVersion },
      });
    expect((await cell(2100, 0)).statusCode).toBe(200);
    const submit = await t.app.inject({
      method: 'POST',
      url: `/api/forms/${FORM}/submissions/${ORG}/${PERIOD}/submit`,
      headers: officer.write,
      payload: {},
    });
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json()).toMatchObject({
      submittedBy: officerName,
      submittedByName: 'Nguyễn Thị Hoa',
      events: [{ action: 'submit', actor: officerName, actorName: 'Nguyễn Thị Hoa' }],
    });

    const refused = await cell(2200, 1);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().message).toContain('đã được Nguyễn Thị Hoa gửi ngày 03/12/2026');

    const history = await t.app.inject({
      method: 'GET',
      url: `/api/data-values/history?element=DE_LABOUR_FORCE&period=${PERIOD}&org=${ORG}`,
      headers: { cookie: manager.cookie },
    });
    expect(history.json<{ entries: { actor: string; actorName: string }[] }>().entries).toEqual([
      expect.objectContaining({ actor: officerName, actorName: 'Nguyễn Thị Hoa' }),
    ]);

    const returned = await t.app.inject({
      method: 'POST',
      url: `/api/forms/${FORM}/submissions/${ORG}/${PERIOD}/return`,
      headers: manager.write,
      payload: { comment: 'Kiểm tra lại số lao động nữ' },
    });
    expect(returned.json()).toMatchObject({
      decidedByName: 'Trần Thị Lan',
      events: [{ actorName: 'Nguyễn Thị Hoa' }, { action: 'return', actorName: 'Trần Thị Lan' }],
    });
  });

  it('an account without a display name is shown by its username', async () => {
    const plain = await t.newUser({ role: 'unit_officer', org: ORG });
    const s = await t.login(plain);
    const write = await t.app.inject({
      method: 'PUT',
      url: '/api/data-entry/cell',
      headers: s.write,
      payload: { element: 'DE_LABOUR_FORCE', period: PERIOD, org: ORG, disagg: 'sex:M', value: 900, baseVersion: 0 },
    });
    expect(write.statusCode, write.body).toBe(200);
    const history = await t.app.inject({
      method: 'GET',
      url: `/api/data-values/history?element=DE_LABOUR_FORCE&period=${PERIOD}&org=${ORG}&disagg=sex:M`,
      headers: { cookie: s.cookie },
    });
    expect(history.json<{ entries: { actorName: string }[] }>().entries[0]!.actorName).toBe(plain);
  });
});
