import { describe, expect, it } from 'vitest';
import { useTestApp, type ErrorBody } from '../support/app.ts';

const t = useTestApp();
const body = (over: Record<string, unknown> = {}) => ({
  code: 'DE_LABOUR_JOBS',
  name: 'Số lao động được giới thiệu việc làm',
  valueType: 'count',
  aggregation: 'sum',
  periodType: 'six_monthly',
  dimensions: [{ dimension: 'sex' }],
  ...over,
});

describe('data elements', () => {
  it('lists the catalogue’s elements and dimensions', async () => {
    const s = await t.login(await t.newUser({ role: 'viewer', org: '221' }));
    const elements = (await t.app.inject({ method: 'GET', url: '/api/data-elements', headers: { cookie: s.cookie } })).json<{
      elements: { code: string; dimensions: unknown[] }[];
    }>().elements;
    expect(elements.find((e) => e.code === 'DE_THCS_TO_VET')!.dimensions).toEqual([
      { dimension: 'sex', values: ['M', 'F'] },
      { dimension: 'level', values: ['SC', 'TC'] },
    ]);
    const dims = (await t.app.inject({ method: 'GET', url: '/api/dimensions', headers: { cookie: s.cookie } })).json<{
      dimensions: { code: string }[];
    }>().dimensions;
    expect(dims.map((d) => d.code)).toEqual(['level', 'sex']);
  });

  it('lets an administrator add one, which then takes data', async () => {
    const admin = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
    const res = await t.app.inject({ method: 'POST', url: '/api/data-elements', headers: admin.write, payload: body() });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'DE_LABOUR_JOBS', dimensions: [{ dimension: 'sex', values: ['M', 'F'] }] });
    const data = await t.app.inject({
      method: 'POST',
      url: '/api/data-values',
      headers: { ...admin.write, 'content-type': 'text/csv' },
      payload: 'element,period,org,disagg,value\nDE_LABOUR_JOBS,2025S1,07681,sex:F,12\n',
    });
    expect(data.json()).toMatchObject({ created: 1 });
    expect((await t.app.inject({ method: 'POST', url: '/api/data-elements', headers: admin.write, payload: body() })).statusCode).toBe(409);
  });

  it('answers 400 with exact messages, 401 and 403', async () => {
    const admin = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
    const badCode = await t.app.inject({
      method: 'POST',
      url: '/api/data-elements',
      headers: admin.write,
      payload: body({ code: 'jobs' }),
    });
    expect(badCode.json<ErrorBody>().message).toBe(
      'code: phải bắt đầu bằng DE_ và chỉ gồm chữ in hoa không dấu, chữ số và dấu _ (ví dụ DE_LABOUR_JOBS)',
    );
    const badDim = await t.app.inject({
      method: 'POST',
      url: '/api/data-elements',
      headers: admin.write,
      payload: body({ code: 'DE_X', dimensions: [{ dimension: 'age' }] }),
    });
    expect(badDim.json<ErrorBody>().message).toBe('dimensions.0.dimension: "age" không phải là phân tổ đã có (level, sex)');
    expect((await t.app.inject({ method: 'POST', url: '/api/data-elements', payload: body() })).statusCode).toBe(401);
    const manager = await t.login(await t.newUser({ role: 'plan_manager', org: '221' }));
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/data-elements', headers: manager.write, payload: body({ code: 'DE_Y' }) }))
        .statusCode,
    ).toBe(403);
  });

  it('is for an administrator of the plan’s area or above: one scoped to a commune is refused in Vietnamese', async () => {
    const commune = await t.login(await t.newUser({ role: 'admin', org: '07741' }));
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/data-elements',
      headers: commune.write,
      payload: body({ code: 'DE_COMMUNE' }),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>()).toMatchObject({
      error: 'out_of_scope',
      message:
        'Thao tác này áp dụng cho toàn bộ danh mục và kế hoạch; phạm vi được giao của bạn ("07741") chưa bao trùm địa bàn "221" của kế hoạch YD-GDNN-2023. Hãy nhờ quản trị viên cấp huyện trở lên thực hiện.',
    });
    const district = await t.login(await t.newUser({ role: 'admin', org: '221' }));
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/data-elements', headers: district.write, payload: body({ code: 'DE_DISTRICT' }) }))
        .statusCode,
    ).toBe(201);
  });
});
