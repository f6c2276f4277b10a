/* eslint-disable @typescript-eslint/no-explicit-any -- one list of fuzz targets whose inputs differ in type */
import { EVIDENCE_MAX_BYTES } from '@vetplan/domain';
import fc from 'fast-check';
import { hostileRecord, hostileString, hostileValue, segment, wellFormed } from './fuzz-arbitraries.ts';
import { probeWrite } from './fuzz-probe.ts';
import type { FuzzEnv, FuzzTarget } from './fuzz-targets.ts';
import { IN_PLAN as PLAN, IN_UNIT as ORG, PERIOD } from './route-fixtures.ts';

/**
 * Hostile input for the write endpoints of plans: task assignments (progress
 * reports, extensions and their decisions, evidence uploads), new tasks,
 * score adjustments and official reports (exports and drafts).
 */
const LEAD = '221-LDTBXH';

const PROGRESS = {
  status: 'in_progress',
  percent: 40,
  doneText: 'Đã mở 2 lớp sơ cấp',
  resultsText: 'Kết quả',
  difficultiesText: 'Khó khăn',
  proposalsText: 'Đề xuất',
  completedOn: null,
};
const EXTENSION = { requestedTo: '2025-07-10', reason: 'Chờ kinh phí' };
const DECISION = { decision: 'refuse', note: 'Không đủ căn cứ' };
const NEW_TASK = {
  plan: PLAN,
  group: '1',
  title: 'Nhiệm vụ thử',
  content: 'Nội dung',
  lead: [LEAD],
  coordinating: ['221-GDDT', 'COMMUNE_PPC'],
  startOn: '2025-01-01',
  recurrence: 'once',
  reporting: null,
  dueOn: '2025-12-31',
};
const ADJUSTMENT = { plan: PLAN, org: ORG, year: 2025, delta: 1.5, reason: 'Điều chỉnh thử' };
const REPORT = { type: 'plan-progress', plan: PLAN, org: ORG, period: PERIOD, format: 'xlsx' };
const SECTIONS = {
  general: ['Tình hình chung'],
  difficulties: ['Khó khăn'],
  proposals: [],
  nextTasks: ['Nhiệm vụ tới'],
  recipients: ['UBND tỉnh'],
};
const DRAFT = { type: 'plan-progress', plan: PLAN, org: ORG, period: PERIOD, baseVersion: 1, sections: SECTIONS };

/** Dates near valid: real days, impossible days, other formats. */
const hostileDay = fc.oneof(
  fc.constantFrom(
    '2025-07-10',
    '2025-02-29',
    '2024-02-29',
    '2025-13-01',
    '2025-06-00',
    '1900-01-01',
    '9999-12-31',
    '2025-7-1',
    '10/07/2025',
    '2025-07-10T00:00:00Z',
    '+002025-07-10',
  ),
  hostileString,
);
/** An assignment id: one that exists (in or out of the caller's scope), or a hostile path segment. */
const assignmentId = (ids: () => number[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.nat({ max: 1_000 }).map((i) => () => String(ids()[i % Math.max(1, ids().length)] ?? 1)) },
    { weight: 1, arbitrary: fc.oneof(hostileString, fc.integer().map(String)).map((s) => () => s) },
  );

/** Evidence names that break naive storage: paths, reserved names, control characters, long and odd Unicode. */
const evidenceName = fc.oneof(
  fc.constantFrom(
    'minh-chung.pdf',
    '../../etc/passwd',
    '..\\..\\boot.ini',
    'CON',
    'a.pdf\u0000.exe',
    'ảnh chụp.png',
    '.',
    '..',
    '/',
    ' ',
    'x'.repeat(255),
    'x'.repeat(256),
    'bieu-mau";.xlsx',
    'e\u0301.pdf',
    '\u202Efdp.exe',
    '%2e%2e%2fpasswd',
  ),
  hostileString,
);
const EVIDENCE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/octet-stream',
  'text/html',
  'application/json',
  'text/csv',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'text/plain; charset=utf-16',
  '*/*',
  'x',
] as const;
const ascii = (s: string) => Buffer.from(s, 'latin1');
/** File bodies: real magic numbers with junk after them, Office-looking zips, lies, empty, and one byte over the limit. */
const evidenceBody = (template: Buffer) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            ascii('%PDF-1.4\n'),
            Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
            Buffer.from([0xff, 0xd8, 0xff]),
            ascii('RIFF\0\0\0\0WEBP'),
            Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
            ascii('PK\x03\x04[Content_Types].xmlword/'),
            ascii('PK\x03\x04'),
            ascii('<html><script>'),
            ascii('{"a":1}'),
          ),
          fc.uint8Array({ maxLength: 200 }),
        )
        .map(([head, tail]) => Buffer.concat([head, Buffer.from(tail)])),
    },
    { weight: 1, arbitrary: fc.constant(template) },
    { weight: 1, arbitrary: fc.constantFrom(Buffer.alloc(0), Buffer.from('%PDF'), Buffer.from([0x89, 0x50])) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(EVIDENCE_MAX_BYTES, EVIDENCE_MAX_BYTES + 1)
        .map((size) => Buffer.concat([ascii('%PDF-1.4\n'), Buffer.alloc(size - 9)])),
    },
  );

export function planTargets(env: FuzzEnv, caller: (i: number) => Record<string, string>): FuzzTarget<any>[] {
  let n = 0;
  const json = (headers: Record<string, string>) => ({ ...headers, 'content-type': 'application/json' });
  // The assignments of the catalogue's tasks in force on the fuzz clock: the commune's, and the district office's (out of the officer's scope).
  let ids: number[] = [];
  const loadIds = async () => {
    if (ids.length > 0) return;
    for (const org of [ORG, LEAD]) {
      const res = await env.app.inject({
        method: 'GET',
        url: `/api/task-assignments?plan=${PLAN}&year=2025&org=${org}`,
        headers: env.callers[0]!,
      });
      ids.push(...res.json<{ assignments: { id: number }[] }>().assignments.map((a) => a.id));
    }
    if (ids.length === 0) ids = [1];
  };
  const onAssignment = (action: string, valid: Record<string, unknown>): FuzzTarget<any> => ({
    name: `POST /api/task-assignments/:id/${action}`,
    arbitrary: fc.tuple(
      assignmentId(() => ids),
      fc.oneof({ weight: 4, arbitrary: hostileRecord(valid) }, { weight: 1, arbitrary: hostileValue }),
    ),
    probe: async ([id, body]: [() => string, unknown]) => {
      await loadIds();
      return probeWrite(env, {
        method: 'POST',
        url: `/api/task-assignments/${segment(id())}/${action}`,
        headers: json(caller(n++)),
        payload: JSON.stringify(body),
      });
    },
  });

  return [
    onAssignment('reports', { ...PROGRESS, percent: fc.nat({ max: 100 }), completedOn: fc.option(hostileDay) }),
    onAssignment('extension', { ...EXTENSION, requestedTo: hostileDay }),
    onAssignment('extension/decision', DECISION),
    {
      name: 'POST /api/task-assignments/:id/evidence',
      arbitrary: fc.record({
        id: assignmentId(() => ids),
        name: fc.option(evidenceName, { freq: 8 }),
        type: fc.option(fc.constantFrom(...EVIDENCE_TYPES), { freq: 8 }),
        body: evidenceBody(env.template),
      }),
      probe: async (input: { id: () => string; name: string | null; type: string | null; body: Buffer }) => {
        await loadIds();
        const query = input.name === null ? '' : `?name=${encodeURIComponent(wellFormed(input.name))}`;
        const headers = { ...caller(n++), ...(input.type ? { 'content-type': input.type } : {}) };
        return probeWrite(env, {
          method: 'POST',
          url: `/api/task-assignments/${segment(input.id())}/evidence${query}`,
          headers,
          payload: input.body,
          filesIn: 'evidence',
        });
      },
    },
    {
      name: 'POST /api/tasks',
      arbitrary: fc.oneof(
        {
          weight: 4,
          arbitrary: hostileRecord({
            ...NEW_TASK,
            lead: fc.oneof(fc.constant([LEAD]), fc.array(hostileString, { maxLength: 3 })),
            startOn: hostileDay,
            dueOn: fc.option(hostileDay),
          }),
        },
        { weight: 1, arbitrary: hostileValue },
      ),
      probe: (body: unknown) =>
        probeWrite(env, { method: 'POST', url: '/api/tasks', headers: json(caller(n++)), payload: JSON.stringify(body) }),
    },
    {
      name: 'POST /api/evaluation/adjustments',
      arbitrary: fc.oneof({ weight: 4, arbitrary: hostileRecord(ADJUSTMENT) }, { weight: 1, arbitrary: hostileValue }),
      probe: (body: unknown) =>
        probeWrite(env, { method: 'POST', url: '/api/evaluation/adjustments', headers: json(caller(n++)), payload: JSON.stringify(body) }),
    },
    {
      name: 'POST /api/reports',
      arbitrary: fc.oneof({ weight: 4, arbitrary: hostileRecord(REPORT) }, { weight: 1, arbitrary: hostileValue }),
      probe: (body: unknown) =>
        probeWrite(env, {
          method: 'POST',
          url: '/api/reports',
          headers: json(caller(n++)),
          payload: JSON.stringify(body),
          filesIn: 'reports',
        }),
    },
    {
      name: 'PUT /api/reports/draft',
      arbitrary: fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .tuple(
              hostileRecord(DRAFT),
              fc.oneof(
                { weight: 2, arbitrary: hostileRecord(SECTIONS) },
                {
                  weight: 2,
                  arbitrary: hostileRecord(Object.fromEntries(Object.keys(SECTIONS).map((k) => [k, ['Đoạn 1', 'x'.repeat(20_001)]]))),
                },
                { weight: 1, arbitrary: hostileValue },
              ),
            )
            .map(([draft, sections]) => ({ ...draft, sections })),
        },
        { weight: 1, arbitrary: hostileValue },
      ),
      probe: (body: unknown) =>
        probeWrite(env, { method: 'PUT', url: '/api/reports/draft', headers: json(caller(n++)), payload: JSON.stringify(body) }),
    },
  ];
}
