import { expect } from 'vitest';
import { apiLogin, apiRequest, createUserAsAdmin } from './api.ts';
import type { RunningServer } from './server.ts';

/**
 * Chị Lan's morning (users.md): 25/6/2026, five days after the 6-month report was due (20/6) and
 * while 2026S1 is still open to officers (until 20/12). The server's clock is set to it.
 */
export const LAN_TODAY = '2026-06-25T03:00:00.000Z';
export const FORM_CODE = 'F_COMMUNE_GDNN_6M';
export const FORM = 'Báo cáo 6 tháng về GDNN của xã, thị trấn';
export const PERIOD = '2026S1';

const suffix = Date.now() % 100_000;
const person = (username: string, role: string, org: string, displayName: string) => ({
  username: `${username}${suffix}`,
  password: `mat-khau-${username}-1`,
  role,
  org,
  displayName,
});

/** The people of the journey: the labour office's specialist, four communes' officers, the district's leader. */
export const PEOPLE = {
  lan: person('lan.ldtbxh', 'plan_manager', '221', 'Nguyễn Thị Lan'),
  tuMai: person('tuan.tumai', 'unit_officer', '07741', 'Nguyễn Văn Tuấn'),
  canhThuy: person('ha.canhthuy', 'unit_officer', '07738', 'Trần Thu Hà'),
  dongViet: person('minh.dongviet', 'unit_officer', '07747', 'Phạm Văn Minh'),
  dongPhuc: person('phuc.dongphuc', 'unit_officer', '07750', 'Lê Văn Phúc'),
  hung: person('hung.ubnd', 'viewer', '221', 'Nguyễn Văn Hưng'),
};

async function write(
  server: RunningServer,
  who: (typeof PEOPLE)[keyof typeof PEOPLE],
  cells: [string, string, number][],
  comment?: string,
): Promise<void> {
  const session = await apiLogin(server, who.username, who.password);
  for (const [element, disagg, value] of cells) {
    const res = await apiRequest(server, session, 'PUT', '/api/data-entry/cell', {
      element,
      period: PERIOD,
      org: who.org,
      disagg,
      value,
      baseVersion: 0,
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  const submitted = await apiRequest(
    server,
    session,
    'POST',
    `/api/forms/${FORM_CODE}/submissions/${who.org}/${PERIOD}/submit`,
    comment ? { comment } : {},
  );
  expect(submitted.status, await submitted.clone().text()).toBe(200);
}

/**
 * The board as Chị Lan finds it: Tư Mại and Cảnh Thụy sent clean figures, Đồng Việt sent figures that break a
 * rule (explained), Đồng Phúc and the other 14 communes have not started.
 */
export async function prepareLanMorning(server: RunningServer): Promise<void> {
  for (const p of Object.values(PEOPLE)) await createUserAsAdmin(server, p);
  await write(server, PEOPLE.tuMai, [
    ['DE_LABOUR_FORCE', 'sex:M', 2210],
    ['DE_LABOUR_FORCE', 'sex:F', 2050],
    ['DE_LABOUR_TRAINED_CERT', 'sex:M', 780],
  ]);
  await write(server, PEOPLE.canhThuy, [
    ['DE_LABOUR_FORCE', 'sex:M', 1830],
    ['DE_LABOUR_TRAINED_CERT', 'sex:M', 640],
  ]);
  await write(
    server,
    PEOPLE.dongViet,
    [
      ['DE_LABOUR_FORCE', 'sex:M', 2210],
      ['DE_LABOUR_TRAINED_CERT', 'sex:M', 2315],
    ],
    'Tính cả học viên của trung tâm huyện bạn',
  );
}
