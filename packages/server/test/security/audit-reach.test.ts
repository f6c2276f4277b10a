import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestApp, type Session } from '../support/app.ts';

/**
 * Issue 13: filters by person must not reach past the caller's scope. A
 * commune's administrator got 403 for `audit?org=07741` but every change of
 * 07741 with `audit?actor=<07741's officer>`; any administrator read any
 * import job by its id.
 */
const t = useTestApp({ SESSION_IDLE_MINUTES: '10080' });
const PERIOD = '2025S1';

let officer: Session;
let officerName: string;
let otherCommuneAdmin: Session;
let districtAdmin: Session;
let otherOfficer: Session;

type Entries = { entries: { org: string; actor: string }[] };
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
const cell = (s: Session, org: string, value: number) =>
  t.app.inject({
    method: 'PUT',
    url: '/api/data-entry/cell',
    headers: s.write,
    payload: { element: 'DE_LABOUR_FORCE', period: PERIOD, org, disagg: 'sex:M', value, baseVersion: 0 },
  });

beforeAll(async () => {
  t.clock.current = new Date('2025-06-16T03:00:00Z');
  officerName = await t.newUser({ role: 'unit_officer', org: '07741' });
  officer = await t.login(officerName);
  otherOfficer = await t.login(await t.newUser({ role: 'unit_officer', org: '07747' }));
  otherCommuneAdmin = await t.login(await t.newUser({ role: 'admin', org: '07747' }));
  districtAdmin = await t.login(await t.newUser({ role: 'admin', org: '221' }));
  expect((await cell(officer, '07741', 2210)).statusCode).toBe(200);
  expect((await cell(otherOfficer, '07747', 1500)).statusCode).toBe(200);
});

describe('GET /api/data-values/audit?actor=', () => {
  it('gives another commune’s administrator none of the officer’s changes (as ?org= refuses them)', async () => {
    expect((await get(otherCommuneAdmin, '/api/data-values/audit?org=07741')).statusCode).toBe(403);
    const res = await get(otherCommuneAdmin, `/api/data-values/audit?actor=${officerName}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<Entries>().entries).toEqual([]);
  });

  it('gives the district’s administrator, and the officer, the officer’s changes in their reach', async () => {
    for (const s of [districtAdmin, officer]) {
      const entries = (await get(s, `/api/data-values/audit?actor=${officerName}`)).json<Entries>().entries;
      expect(entries.map((e) => [e.org, e.actor])).toEqual([['07741', officerName]]);
    }
  });

  it('keeps the cells an office reports for the communes in its own officer’s reach', async () => {
    const name = await t.newUser({ role: 'unit_officer', org: '221-GDDT' });
    const education = await t.login(name);
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/data-entry/cell',
      headers: education.write,
      payload: { element: 'DE_THCS_GRAD', period: '2024', org: '07741', disagg: 'sex:M', value: 120, baseVersion: 0 },
    });
    expect(res.statusCode).toBe(200);
    const entries = (await get(education, `/api/data-values/audit?actor=${name}`)).json<Entries>().entries;
    expect(entries.map((e) => e.org)).toEqual(['07741']);
    expect((await get(otherCommuneAdmin, `/api/data-values/audit?actor=${name}`)).json<Entries>().entries).toEqual([]);
  });
});

describe('GET /api/imports/{id}', () => {
  type Job = { id: string; status: string };
  async function importAs(s: Session): Promise<string> {
    const csv = `element,period,org,disagg,value\nDE_LABOUR_FORCE,${PERIOD},07741,sex:F,2050\n`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...s.write, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode).toBe(202);
    const id = res.json<Job>().id;
    await vi.waitFor(async () => expect((await get(s, `/api/imports/${id}`)).json<Job>().status).not.toBe('running'), {
      timeout: 20_000,
      interval: 20,
    });
    return id;
  }

  it('shows a job to its owner and to administrators whose scope covers the owner’s, and to no one else', async () => {
    const id = await importAs(officer);
    expect((await get(officer, `/api/imports/${id}`)).statusCode).toBe(200);
    expect((await get(districtAdmin, `/api/imports/${id}`)).statusCode).toBe(200);
    expect((await get(otherCommuneAdmin, `/api/imports/${id}`)).statusCode).toBe(404);
    expect((await get(otherOfficer, `/api/imports/${id}`)).statusCode).toBe(404);
  });
});
