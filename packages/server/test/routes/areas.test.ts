import { describe, expect, it } from 'vitest';
import type { AreaNode } from '../../src/modules/areas/schema.ts';
import { useTestApp, type ErrorBody } from '../support/app.ts';

const t = useTestApp();

function find(nodes: AreaNode[], code: string): AreaNode | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const below = find(n.children, code);
    if (below) return below;
  }
  return undefined;
}

describe('GET /api/areas/tree', () => {
  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/areas/tree' })).statusCode).toBe(401);
  });

  it('shows nation › province › district › 18 communes with their organisations', async () => {
    const s = await t.login(await t.newUser({ role: 'viewer', org: 'VN' }));
    const res = await t.app.inject({ method: 'GET', url: '/api/areas/tree', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    const { roots } = res.json<{ roots: AreaNode[] }>();
    expect(roots.map((r) => r.code)).toEqual(['VN']);
    const district = find(roots, '221')!;
    expect(district.name).toBe('Huyện Yên Dũng');
    expect(district.children).toHaveLength(18);
    expect(district.organisations.map((o) => o.code)).toContain('221-LDTBXH');
    expect(find(roots, '07741')!.organisations.map((o) => o.code)).toEqual(['07741-UBND']);
    expect(
      find(roots, '24')!
        .organisations.map((o) => o.code)
        .sort(),
    ).toEqual(['24-DVVL', '24-SLDTBXH']);
  });

  it('shows a commune officer only their commune', async () => {
    const s = await t.login(await t.newUser({ role: 'unit_officer', org: '07741' }));
    const { roots } = (await t.app.inject({ method: 'GET', url: '/api/areas/tree', headers: { cookie: s.cookie } })).json<{
      roots: AreaNode[];
    }>();
    expect(roots.map((r) => r.code)).toEqual(['07741']);
    expect(roots[0]!.children).toEqual([]);
  });

  it('shows the hierarchy as it stood on a date: a merged commune disappears after its end', async () => {
    await t.db.db.insertInto('area').values({ code: '07999', level: 'commune' }).execute();
    await t.db.db
      .insertInto('area_version')
      .values({
        area_code: '07999',
        name: 'Xã Thắng Cương',
        name_en: null,
        kind: 'commune',
        parent_code: '221',
        valid_from: '2000-01-01',
        valid_to: '2020-01-01',
      })
      .execute();
    const s = await t.login(await t.newUser({ role: 'viewer', org: '221' }));
    const at = async (date: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/areas/tree?date=${date}`, headers: { cookie: s.cookie } })).json<{
        roots: AreaNode[];
      }>().roots;
    expect(find(await at('2019-06-30'), '07999')).toMatchObject({ name: 'Xã Thắng Cương', validTo: '2020-01-01' });
    expect(find(await at('2020-01-01'), '07999')).toBeUndefined();
  });

  it('answers 400 for a bad date', async () => {
    const s = await t.login(await t.newUser({ role: 'viewer', org: '221' }));
    const res = await t.app.inject({ method: 'GET', url: '/api/areas/tree?date=2025-02-30', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().message).toBe('date: "2025-02-30" không phải là ngày hợp lệ (YYYY-MM-DD)');
  });
});

describe('GET /api/organisations', () => {
  it('lists the organisations in scope', async () => {
    const district = await t.login(await t.newUser({ role: 'viewer', org: '221' }));
    const all = (await t.app.inject({ method: 'GET', url: '/api/organisations', headers: { cookie: district.cookie } })).json<{
      organisations: { code: string }[];
    }>();
    expect(all.organisations.map((o) => o.code)).toContain('07681-UBND');
    expect(all.organisations.map((o) => o.code)).not.toContain('24-SLDTBXH');
    const office = await t.login(await t.newUser({ role: 'unit_officer', org: '221-GDDT' }));
    const own = (await t.app.inject({ method: 'GET', url: '/api/organisations', headers: { cookie: office.cookie } })).json<{
      organisations: { code: string }[];
    }>();
    expect(own.organisations.map((o) => o.code)).toEqual(['221-GDDT']);
  });
});
