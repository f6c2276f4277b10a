import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestApp, type Session } from '../support/app.ts';

const t = useTestApp();
let admin: Session;
beforeAll(async () => {
  admin = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
});

interface Job {
  id: string;
  status: string;
  progress: { phase: string; processed: number; total: number };
  result: { created: number } | null;
  error: { error: string; errors: { row: number; messageEn: string }[] } | null;
}

async function finished(id: string, session = admin): Promise<Job> {
  return vi.waitFor(
    async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie: session.cookie } });
      const job = res.json<Job>();
      if (job.status === 'running') throw new Error('still running');
      return job;
    },
    { timeout: 30_000, interval: 20 },
  );
}

function start(csv: string, session = admin) {
  return t.app.inject({ method: 'POST', url: '/api/imports', headers: { ...session.write, 'content-type': 'text/csv' }, payload: csv });
}

describe('import jobs', () => {
  it('take a streamed CSV, answer 202 at once and report progress to the end', async () => {
    const lines = ['element,period,org,disagg,value,comment'];
    for (let m = 1; m <= 12; m++)
      for (const sex of ['M', 'F']) lines.push(`DE_LABOUR_FORCE,2019${String(m).padStart(2, '0')},07681,sex:${sex},${1000 + m},`);
    const res = await start(lines.join('\n'));
    expect(res.statusCode).toBe(202);
    const started = res.json<Job>();
    expect(res.headers.location).toBe(`/api/imports/${started.id}`);
    expect(started.progress.total).toBe(24);
    const job = await finished(started.id);
    expect(job).toMatchObject({ status: 'done', progress: { phase: 'done', processed: 24, total: 24 }, result: { created: 24 } });
  });

  it('report a rejected file with every bad row, storing nothing', async () => {
    const res = await start(
      'element,period,org,disagg,value\nDE_LABOUR_FORCE,201901,07682,sex:M,5\nDE_LABOUR_FORCE,2019Q5,07682,sex:M,5\n',
    );
    const job = await finished(res.json<Job>().id);
    expect(job).toMatchObject({
      status: 'failed',
      result: null,
      error: { error: 'import_rejected', errors: [{ row: 2, messageEn: '"2019Q5" is not a valid quarterly period' }] },
    });
    const stored = await t.app.inject({
      method: 'GET',
      url: '/api/data-values?org=07682&period=201901',
      headers: { cookie: admin.cookie },
    });
    expect(stored.json<{ rows: unknown[] }>().rows).toEqual([]);
  });

  it('show a job only to its owner (and administrators)', async () => {
    const officer = await t.login(await t.newUser({ role: 'unit_officer', org: '07684' }));
    const res = await start('element,period,org,disagg,value\nDE_THCS_GRAD,2019,07684,sex:M,5\n');
    const id = res.json<Job>().id;
    await finished(id);
    expect((await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie: officer.cookie } })).statusCode).toBe(404);
  });
});
