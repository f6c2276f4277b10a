import { describe, expect, it } from 'vitest';
import { useTestApp, type ErrorBody } from '../support/app.ts';

const t = useTestApp();
const COMMUNES = [
  '07681',
  '07682',
  '07684',
  '07690',
  '07702',
  '07708',
  '07711',
  '07714',
  '07717',
  '07720',
  '07723',
  '07726',
  '07729',
  '07735',
  '07738',
  '07741',
  '07747',
  '07750',
];
const COMMUNE_PPC = COMMUNES.map((c) => `${c}-UBND`);

interface PlanBody {
  code: string;
  targets: { indicator: string; year: number; comparator: string; value: number; wording: string }[];
  tasks: { code: string; title: string; lead: string[]; coordinating: string[]; leadGroups: string[] }[];
  basis: { number: string }[];
  horizons: number[];
}

async function getPlan(headers: Record<string, string>, code = 'YD-GDNN-2023') {
  return t.app.inject({ method: 'GET', url: `/api/plans/${code}`, headers });
}

describe('GET /api/plans/YD-GDNN-2023', () => {
  it('answers 401 without a session', async () => {
    const res = await getPlan({});
    expect(res.statusCode).toBe(401);
    expect(res.json<ErrorBody>().message).toBe('Bạn cần đăng nhập để tiếp tục.');
  });

  it('gives the targets of the six indicators for their horizons, as data-contract.md', async () => {
    const s = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
    const res = await getPlan({ cookie: s.cookie });
    expect(res.statusCode).toBe(200);
    const plan = res.json<PlanBody>();
    const targets = plan.targets.map((x) => `${x.indicator} ${x.year} ${x.comparator} ${x.value}`).sort();
    expect(targets).toEqual(
      [
        'I_THCS_TO_VET 2025 > 40',
        'I_THPT_TO_VET_CD 2025 >= 45',
        'I_SECONDARY_TO_VET 2030 > 50',
        'I_SECONDARY_TO_VET 2045 > 55',
        'I_LABOUR_TRAINED_CERT 2025 >= 36',
        'I_LABOUR_TRAINED_CERT 2030 > 40',
        'I_LABOUR_TRAINED_CERT 2045 > 50',
        'I_LABOUR_RETRAINED 2025 > 40',
        'I_LABOUR_RETRAINED 2030 > 50',
        'I_VET_INSTITUTIONS 2025 ~ 5',
        'I_VET_INSTITUTIONS 2030 ~ 5',
        'I_VET_INSTITUTIONS 2045 ~ 5',
      ].sort(),
    );
    expect(plan.horizons).toEqual([2025, 2030, 2045]);
    expect(plan.targets.find((x) => x.indicator === 'I_LABOUR_TRAINED_CERT' && x.year === 2025)!.wording).toContain('đạt 36%');
    expect(plan.basis.map((b) => b.number)).toEqual(['21-CT/TW', '89-KH/TU', '41/KH-UBND', '71-CV/HU']);
  });

  it('gives the twelve tasks with their lead and coordinating organisations', async () => {
    const s = await t.login(await t.newUser({ role: 'viewer', org: '221' }));
    const plan = (await getPlan({ cookie: s.cookie })).json<PlanBody>();
    const byCode = new Map(plan.tasks.map((x) => [x.code, x]));
    expect(plan.tasks.map((x) => x.code)).toEqual([
      'T1',
      'T2.1',
      'T2.2',
      'T3.1',
      'T3.2',
      'T4.1',
      'T4.2',
      'T5.1',
      'T5.2',
      'T6',
      'T7.1',
      'T7.2',
    ]);
    const sorted = (codes: string[]) => [...codes].sort();
    expect(byCode.get('T2.1')).toMatchObject({ lead: ['221-LDTBXH'] });
    expect(sorted(byCode.get('T2.1')!.coordinating)).toEqual(sorted(['221-KT', '221-BCHQS', '221-CA', ...COMMUNE_PPC]));
    expect(sorted(byCode.get('T2.2')!.lead)).toEqual(sorted(['221-LDTBXH', '221-KT', '221-BCHQS', '221-CA', ...COMMUNE_PPC]));
    expect(byCode.get('T3.2')).toMatchObject({ lead: ['221-GDDT'], coordinating: [] });
    expect(byCode.get('T5.2')).toMatchObject({ lead: ['221-HDN'], coordinating: ['221-LDTBXH', '24-DVVL'] });
    expect(byCode.get('T6')!.lead).toEqual(['221-TCKH']);
    expect(byCode.get('T6')!.coordinating).not.toContain('221-TCKH');
    expect(byCode.get('T4.2')).toMatchObject({ lead: [], leadGroups: ['VET_INSTITUTIONS'] });
    for (const code of COMMUNE_PPC) expect(byCode.get('T1')!.lead).toContain(code);
  });

  it('lets a commune officer read the district plan that assigns the commune tasks', async () => {
    const s = await t.login(await t.newUser({ role: 'unit_officer', org: '07741' }));
    expect((await getPlan({ cookie: s.cookie })).statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/plans', headers: { cookie: s.cookie } });
    expect(list.json<{ plans: { code: string }[] }>().plans.map((p) => p.code)).toEqual(['YD-GDNN-2023']);
  });

  it('refuses a user of another district with 403', async () => {
    await t.db.db.insertInto('area').values({ code: '222', level: 'district' }).execute();
    await t.db.db
      .insertInto('area_version')
      .values({ area_code: '222', name: 'Huyện khác', kind: 'district', parent_code: '24', name_en: null })
      .execute();
    const s = await t.login(await t.newUser({ role: 'plan_manager', org: '222' }));
    const res = await getPlan({ cookie: s.cookie });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>()).toMatchObject({
      error: 'out_of_scope',
      message: 'Đơn vị "YD-GDNN-2023" nằm ngoài phạm vi được giao của bạn.',
    });
    const list = await t.app.inject({ method: 'GET', url: '/api/plans', headers: { cookie: s.cookie } });
    expect(list.json<{ plans: unknown[] }>().plans).toEqual([]);
  });

  it('answers 404 for an unknown plan', async () => {
    const s = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
    const res = await getPlan({ cookie: s.cookie }, 'NO-SUCH-PLAN');
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().message).toBe('Không tìm thấy kế hoạch "NO-SUCH-PLAN".');
  });
});
