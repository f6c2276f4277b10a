/* eslint-disable @typescript-eslint/no-explicit-any -- one list of fuzz targets whose inputs differ in type */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { formatFormula, parseDisagg, parseFormula, parsePeriod, parseRuleSide, parseValue, periodCode, VALUE_TYPES } from '@vetplan/domain';
import type { AppContext } from '../../src/context.ts';
import type { App } from '../../src/http/app-type.ts';
import { parseCatalogFile, readCatalogFiles } from '../../src/modules/catalog/files.ts';
import { checkCatalog } from '../../src/modules/catalog/parse.ts';
import { CatalogError, type CatalogProblem } from '../../src/modules/catalog/reader.ts';
import { csvBatches, rowsFromJson } from '../../src/modules/data-values/input.ts';
import { XLSX_TYPE } from '../../src/modules/data-entry/xlsx.ts';
import { hostileNumber, hostileRecord, hostileString, hostileValue, NASTY, segment } from './fuzz-arbitraries.ts';
import { planTargets } from './fuzz-targets-plans.ts';
import { probeWrite, type FuzzOutcome } from './fuzz-probe.ts';

/**
 * Hostile input for every write endpoint and every parser, shared by the CI
 * property tests (a few hundred cases) and `bench/fuzz.ts` (10,000 each).
 * A probe answers what went wrong with one case, or null: never a 5xx,
 * never an exception other than the parser's own, never a partial write.
 */
export interface FuzzEnv {
  app: App;
  ctx: AppContext;
  /** Bearer headers of callers that may write: an administrator of the district and a commune officer. */
  callers: Record<string, string>[];
  /** A filled Excel template of FORM for ORG and PERIOD. */
  template: Buffer;
  /** Excel files built to explode when read (test/support/xlsx-bombs.ts), each sent whole or damaged. */
  bombs: Buffer[];
  catalogDir: string;
}

export interface FuzzTarget<T = unknown> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  probe(input: T): Promise<FuzzOutcome>;
}

export type { FuzzOutcome };
export { hostileString };

export const FORM = 'F_COMMUNE_GDNN_6M';
export const ORG = '07741';
export const PERIOD = '2025S1';

const CELL = {
  element: 'DE_LABOUR_FORCE',
  period: PERIOD,
  org: ORG,
  disagg: fc.constantFrom('sex:M', 'sex:F'),
  value: fc.oneof(fc.nat(), fc.constant(12)),
  comment: null,
  baseVersion: fc.nat({ max: 4 }),
};
const ROW = { element: 'DE_LABOUR_FORCE', period: PERIOD, org: ORG, disagg: 'sex:F', value: 7, comment: 'ghi chú' };
const USER = {
  username: fc.nat().map((i) => `fuzz.user${i}`),
  password: 'correct-horse-42',
  role: 'viewer',
  org: ORG,
  displayName: 'Người thử',
};
/** A user the account targets change (created by the suite; 404 where it does not exist). */
export const FUZZ_ACCOUNT = 'fuzz.account';
const USER_CHANGES = { role: fc.constantFrom('viewer', 'unit_head'), org: ORG, displayName: 'Người thử', active: fc.boolean() };
const ELEMENT = {
  code: fc.nat().map((i) => `DE_FUZZ_${i}`),
  name: 'Chỉ tiêu thử',
  valueType: 'count',
  aggregation: 'sum',
  periodType: 'yearly',
  dimensions: [{ dimension: 'sex' }],
};

const csvField = (v: unknown) => {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
/** CSV text: mostly the exchange format with hostile fields, sometimes broken quoting or no header at all. */
export const hostileCsv = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(hostileRecord(ROW), { maxLength: 6 })
      .map((rows) =>
        [
          'element,period,org,disagg,value,comment',
          ...rows.map((r) => ['element', 'period', 'org', 'disagg', 'value', 'comment'].map((k) => csvField(r[k])).join(',')),
        ].join('\r\n'),
      ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom(...NASTY, 'element,period,org,value', '"unterminated', 'a,"b""c",d'), { maxLength: 8 })
      .map((lines) => lines.join('\n')),
  },
);

/** A parser must answer or throw its own error, never anything else. */
/** Reads a whole CSV text batch by batch, as an import does. */
async function readAllCsv(text: string): Promise<number> {
  let rows = 0;
  for await (const batch of csvBatches(text, 50)) rows += batch.rows.length + batch.errors.length;
  return rows;
}

async function probeParser(run: () => unknown, allowed: (error: unknown) => boolean = () => false): Promise<FuzzOutcome> {
  try {
    await run();
    return { problem: null };
  } catch (error) {
    return allowed(error) ? { problem: null } : { problem: `threw ${(error as Error)?.name}: ${(error as Error)?.message}` };
  }
}

const json = (headers: Record<string, string>) => ({ ...headers, 'content-type': 'application/json' });
const caller = (env: FuzzEnv, i: number) => env.callers[i % env.callers.length]!;

/** Byte-level damage to a file: flipped bytes, a cut, or random bytes. */
const damagedBytes = (file: Buffer) =>
  fc.oneof(
    fc.array(fc.tuple(fc.nat({ max: file.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
      const copy = Buffer.from(file);
      for (const [at, byte] of flips) copy[at] = byte;
      return copy;
    }),
    fc.nat({ max: file.length }).map((n) => file.subarray(0, n)),
    fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
  );

type WorkbookCells = { value: unknown; element: unknown; disagg: unknown; comment: unknown; org: unknown; period: unknown };
const CELL_ADDRESSES = { value: 'E8', element: 'A9', disagg: 'C10', comment: 'F8' } as const;

/**
 * The filled template parsed once; `fill` writes hostile values into its cells
 * (value, element, disaggregation, comment, and the hidden org/period), saves
 * it, and puts the template's own values back for the next case.
 */
function preparedWorkbook(template: Buffer) {
  let loaded: Promise<ExcelJS.Workbook> | null = null;
  const cellValue = (v: unknown) =>
    (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : JSON.stringify(v)) as ExcelJS.CellValue;
  return {
    async fill(cells: WorkbookCells): Promise<Buffer> {
      const wb = await (loaded ??= (async () => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(template as unknown as ArrayBuffer);
        return book;
      })());
      const sheet = wb.getWorksheet('Nhập số liệu')!;
      const writes: [ExcelJS.Cell, unknown][] = Object.entries(CELL_ADDRESSES).map(([field, address]) => [
        sheet.getCell(address),
        cells[field as keyof typeof CELL_ADDRESSES],
      ]);
      wb.getWorksheet('vetplan')!.eachRow((row) => {
        const key = row.getCell(1).value;
        if ((key === 'org' || key === 'period') && cells[key] !== undefined) writes.push([row.getCell(2), cells[key]]);
      });
      const kept = writes.map(([cell]) => cell.value);
      try {
        for (const [cell, hostile] of writes) cell.value = cellValue(hostile);
        return Buffer.from(await wb.xlsx.writeBuffer());
      } finally {
        writes.forEach(([cell], i) => (cell.value = kept[i]!));
      }
    },
  };
}

/** Replaces one node of a YAML document (found by walking random keys) with a hostile value, or drops it. */
function mutateYaml(doc: unknown, walk: number[], replacement: unknown, drop: boolean): unknown {
  if (walk.length === 0 || doc === null || typeof doc !== 'object') return drop ? undefined : replacement;
  const keys = Object.keys(doc as object);
  if (keys.length === 0) return replacement;
  const key = keys[walk[0]! % keys.length]!;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(doc) ? [...doc] : { ...(doc as Record<string, unknown>) };
  const next = mutateYaml((doc as Record<string, unknown>)[key], walk.slice(1), replacement, drop);
  if (next === undefined) {
    if (Array.isArray(copy)) copy.splice(Number(key), 1);
    else delete copy[key];
  } else (copy as Record<string, unknown>)[key] = next;
  return copy;
}

/** Every JSON write route, for bodies that are not JSON or barely are. */
const RAW_JSON_ROUTES = [
  'PUT /api/data-entry/cell',
  'POST /api/data-values',
  'POST /api/users',
  'POST /api/data-elements',
  `POST /api/forms/${FORM}/submissions/${ORG}/${PERIOD}/submit`,
  'POST /api/auth/login',
  'POST /api/task-assignments/1/reports',
  'POST /api/task-assignments/1/extension',
  'POST /api/task-assignments/1/extension/decision',
  'POST /api/tasks',
  'POST /api/evaluation/adjustments',
  'POST /api/reports',
  'PUT /api/reports/draft',
  'PATCH /api/users/fuzz.account',
  'POST /api/users/fuzz.account/password',
  'POST /api/auth/password',
  'POST /api/tokens',
  `POST /api/forms/${FORM}/reminders`,
  `POST /api/forms/${FORM}/approvals`,
];
/** Read routes whose query strings carry period codes, units, plans, years and formats. */
const QUERIED_ROUTES = [
  '/api/data-values',
  '/api/analytics/indicators',
  '/api/analytics/pivot',
  `/api/forms/${FORM}/entry`,
  `/api/forms/${FORM}/completeness`,
  '/api/data-values/history',
  '/api/data-values/audit',
  '/api/plans/YD-GDNN-2023/progress',
  '/api/areas/tree',
  '/api/task-assignments',
  '/api/evaluation/scorecard',
  '/api/evaluation/ranking',
  '/api/reports/preview',
  '/api/reports/exports',
];

export function fuzzTargets(env: FuzzEnv): FuzzTarget<any>[] {
  const files = fs.readdirSync(env.catalogDir).filter((f) => f.endsWith('.yaml'));
  const parsedFiles = new Map(
    files.map((f) => [f, parseDocument(fs.readFileSync(path.join(env.catalogDir, f), 'utf8')).toJS() as unknown]),
  );
  let n = 0;
  // The catalogue read once: each case damages one file and checks it against the others as they were read.
  const pristine = readCatalogFiles(env.catalogDir, []);
  const workbook = preparedWorkbook(env.template);

  const targets: FuzzTarget<any>[] = [
    // ---- parsers
    {
      name: 'parser: period codes',
      arbitrary: hostileString,
      probe: (s: string) =>
        probeParser(() => {
          const r = parsePeriod(s);
          if (r.ok && periodCode(r.period.type, r.period.year, r.period.index) !== r.period.code)
            throw new Error(`"${s}" does not round-trip`);
        }),
    },
    {
      name: 'parser: formulas',
      arbitrary: fc.oneof(
        hostileString,
        fc
          .array(
            fc.constantFrom(
              'DE_LABOUR_FORCE',
              '[sex:F]',
              '[',
              ']',
              '+',
              '-',
              '*',
              '/',
              '(',
              ')',
              '100',
              '0',
              ' ',
              ':',
              ',',
              'sum',
              '1e400',
            ),
            { maxLength: 12 },
          )
          .map((p) => p.join('')),
      ),
      probe: (s: string) =>
        probeParser(() => {
          const r = parseFormula(s);
          if (r.ok) {
            const again = parseFormula(formatFormula(r.formula));
            if (!again.ok) throw new Error(`"${s}" formats to "${formatFormula(r.formula)}", which does not parse`);
          }
        }),
    },
    { name: 'parser: validation rule sides', arbitrary: hostileString, probe: (s: string) => probeParser(() => parseRuleSide(s)) },
    {
      name: 'parser: values and disaggregations',
      arbitrary: fc.tuple(fc.oneof(hostileString, hostileNumber), fc.constantFrom(...VALUE_TYPES), hostileString),
      probe: ([raw, type, disagg]: [string | number, (typeof VALUE_TYPES)[number], string]) =>
        probeParser(() => {
          const v = parseValue(raw, type);
          if (v.ok && !Number.isFinite(v.value)) throw new Error(`${JSON.stringify(raw)} parsed to ${v.value}`);
          parseDisagg(disagg, [
            { dimension: 'sex', values: ['M', 'F'] },
            { dimension: 'level', values: ['SC', 'TC', 'CD'] },
          ]);
        }),
    },
    { name: 'parser: CSV exchange files', arbitrary: hostileCsv, probe: (s: string) => probeParser(() => readAllCsv(s)) },
    {
      name: 'parser: JSON exchange rows',
      arbitrary: fc.oneof(fc.array(hostileRecord(ROW), { maxLength: 5 }), hostileValue),
      probe: (v: unknown) => probeParser(() => rowsFromJson(v)),
    },
    {
      name: 'parser: catalogue YAML files',
      arbitrary: fc.record({
        file: fc.constantFrom(...files),
        walk: fc.array(fc.nat(), { minLength: 0, maxLength: 5 }),
        replacement: hostileValue,
        drop: fc.boolean(),
        raw: fc.option(fc.string({ maxLength: 300 }), { freq: 6 }),
      }),
      probe: (m: { file: string; walk: number[]; replacement: unknown; drop: boolean; raw: string | null }) =>
        probeParser(
          () => {
            const problems: CatalogProblem[] = [];
            const docs = new Map(pristine.docs);
            parseCatalogFile(
              m.file,
              m.raw ?? stringify(mutateYaml(parsedFiles.get(m.file), m.walk, m.replacement, m.drop) ?? null),
              docs,
              problems,
            );
            return checkCatalog({ ...pristine, docs }, problems);
          },
          (e) => e instanceof CatalogError,
        ),
    },

    // ---- write endpoints
    {
      name: 'PUT /api/data-entry/cell',
      arbitrary: fc.oneof({ weight: 4, arbitrary: hostileRecord(CELL) }, { weight: 1, arbitrary: hostileValue }),
      probe: (body: unknown) =>
        probeWrite(env, { method: 'PUT', url: '/api/data-entry/cell', headers: json(caller(env, n++)), payload: JSON.stringify(body) }),
    },
    {
      name: 'POST /api/data-values (JSON)',
      arbitrary: fc.tuple(
        fc.oneof({ weight: 4, arbitrary: fc.array(hostileRecord(ROW), { maxLength: 5 }) }, { weight: 1, arbitrary: hostileValue }),
        fc.constantFrom('atomic', 'partial', 'x'),
      ),
      probe: ([body, mode]: [unknown, string]) =>
        probeWrite(env, {
          method: 'POST',
          url: `/api/data-values?mode=${mode}`,
          headers: json(caller(env, n++)),
          payload: JSON.stringify(body),
        }),
    },
    {
      name: 'POST /api/data-values (CSV)',
      arbitrary: hostileCsv,
      probe: (csv: string) =>
        probeWrite(env, {
          method: 'POST',
          url: '/api/data-values',
          headers: { ...caller(env, n++), 'content-type': 'text/csv' },
          payload: csv,
        }),
    },
    {
      name: 'POST /api/imports (CSV and JSON)',
      arbitrary: fc.oneof(hostileCsv, fc.array(hostileRecord(ROW), { maxLength: 4 })),
      probe: async (body: string | unknown[]) => {
        const headers = { ...caller(env, n++), 'content-type': typeof body === 'string' ? 'text/csv' : 'application/json' };
        const res = await env.app.inject({
          method: 'POST',
          url: '/api/imports',
          headers,
          payload: typeof body === 'string' ? body : JSON.stringify(body),
        });
        if (res.statusCode >= 500) return { status: res.statusCode, problem: `→ ${res.statusCode} ${res.body.slice(0, 300)}` };
        if (res.statusCode !== 202) return { status: res.statusCode, problem: null };
        const url = res.headers.location as string;
        for (let i = 0; i < 10_000; i++) {
          const job = (await env.app.inject({ method: 'GET', url, headers })).json<{ status: string; error: { error: string } | null }>();
          if (job.status !== 'running')
            return { status: 202, problem: job.error?.error === 'internal_error' ? `the import job failed with internal_error` : null };
          await new Promise((resolve) => setImmediate(resolve));
        }
        return { status: 202, problem: 'the import job never finished' };
      },
    },
    {
      name: 'POST /api/forms/:code/xlsx',
      arbitrary: fc.oneof(
        damagedBytes(env.template),
        fc.record({
          value: hostileValue,
          element: hostileValue,
          disagg: hostileValue,
          comment: hostileValue,
          org: fc.option(hostileString),
          period: fc.option(hostileString),
        }),
      ),
      probe: async (input: Buffer | WorkbookCells) => {
        const file = Buffer.isBuffer(input) ? input : await workbook.fill(input);
        return probeWrite(env, {
          method: 'POST',
          url: `/api/forms/${FORM}/xlsx`,
          headers: { ...caller(env, n++), 'content-type': XLSX_TYPE },
          payload: file,
        });
      },
    },
    {
      name: 'POST /api/forms/:code/xlsx (bombs)',
      arbitrary: fc.nat({ max: env.bombs.length - 1 }).chain((i) => fc.oneof(fc.constant(env.bombs[i]!), damagedBytes(env.bombs[i]!))),
      probe: (file: Buffer) =>
        probeWrite(env, {
          method: 'POST',
          url: `/api/forms/${FORM}/xlsx`,
          headers: { ...caller(env, n++), 'content-type': XLSX_TYPE },
          payload: file,
        }),
    },
    {
      name: 'POST /api/forms/:code/submissions/:org/:period/:action',
      arbitrary: fc.tuple(
        fc.oneof(fc.constant(FORM), hostileString),
        fc.oneof(fc.constant(ORG), hostileString),
        fc.oneof(fc.constant(PERIOD), hostileString),
        fc.oneof(fc.constantFrom('submit', 'approve', 'return', 'unlock'), hostileString),
        fc.oneof(hostileRecord({ comment: 'Giải trình' }), hostileValue),
      ),
      probe: ([form, org, period, action, body]: [string, string, string, string, unknown]) =>
        probeWrite(env, {
          method: 'POST',
          url: `/api/forms/${segment(form)}/submissions/${segment(org)}/${segment(period)}/${segment(action)}`,
          headers: json(caller(env, n++)),
          payload: JSON.stringify(body),
        }),
    },
    ...(['reminders', 'approvals'] as const).map((what) => ({
      name: `POST /api/forms/:code/${what}`,
      arbitrary: fc.tuple(
        fc.oneof(fc.constant(FORM), hostileString),
        fc.oneof({ weight: 4, arbitrary: hostileRecord({ period: PERIOD, orgs: [ORG] }) }, { weight: 1, arbitrary: hostileValue }),
      ),
      probe: ([form, body]: [string, unknown]) =>
        probeWrite(env, {
          method: 'POST',
          url: `/api/forms/${segment(form)}/${what}`,
          headers: json(caller(env, n++)),
          payload: JSON.stringify(body),
        }),
    })),
    {
      name: 'POST /api/users',
      arbitrary: fc.oneof({ weight: 4, arbitrary: hostileRecord(USER) }, { weight: 1, arbitrary: hostileValue }),
      probe: (body: unknown) =>
        probeWrite(env, { method: 'POST', url: '/api/users', headers: json(env.callers[0]!), payload: JSON.stringify(body) }),
    },
    {
      name: 'POST /api/users/:username/disable|enable',
      arbitrary: fc.tuple(hostileString, fc.constantFrom('disable', 'enable')),
      probe: ([username, action]: [string, string]) =>
        probeWrite(env, { method: 'POST', url: `/api/users/${segment(username)}/${action}`, headers: env.callers[0]! }),
    },
    {
      name: 'PATCH /api/users/:username',
      arbitrary: fc.tuple(
        fc.oneof(fc.constant(FUZZ_ACCOUNT), hostileString),
        fc.oneof({ weight: 4, arbitrary: hostileRecord(USER_CHANGES) }, { weight: 1, arbitrary: hostileValue }),
      ),
      probe: ([username, body]: [string, unknown]) =>
        probeWrite(env, {
          method: 'PATCH',
          url: `/api/users/${segment(username)}`,
          headers: json(env.callers[0]!),
          payload: JSON.stringify(body),
        }),
    },
    {
      name: 'POST /api/users/:username/password',
      arbitrary: fc.tuple(
        fc.oneof(fc.constant(FUZZ_ACCOUNT), hostileString),
        fc.oneof({ weight: 4, arbitrary: hostileRecord({ password: 'ngựa đúng pin kẹp ghim' }) }, { weight: 1, arbitrary: hostileValue }),
      ),
      probe: ([username, body]: [string, unknown]) =>
        probeWrite(env, {
          method: 'POST',
          url: `/api/users/${segment(username)}/password`,
          headers: json(env.callers[0]!),
          payload: JSON.stringify(body),
        }),
    },
    {
      name: 'POST /api/auth/password',
      arbitrary: fc.oneof(
        { weight: 4, arbitrary: hostileRecord({ currentPassword: 'not-the-password', newPassword: 'ngựa đúng pin kẹp ghim' }) },
        { weight: 1, arbitrary: hostileValue },
      ),
      probe: (body: unknown) =>
        probeWrite(env, { method: 'POST', url: '/api/auth/password', headers: json(env.callers[1]!), payload: JSON.stringify(body) }),
    },
    {
      name: 'POST /api/tokens',
      arbitrary: fc.oneof(
        { weight: 4, arbitrary: hostileRecord({ name: 'Nhập số liệu', expiresInDays: fc.integer({ min: -5, max: 400 }) }) },
        { weight: 1, arbitrary: hostileValue },
      ),
      probe: (body: unknown) =>
        probeWrite(env, { method: 'POST', url: '/api/tokens', headers: json(env.callers[1]!), payload: JSON.stringify(body) }),
    },
    {
      name: 'DELETE /api/tokens/:id',
      arbitrary: fc.oneof(hostileString, fc.integer().map(String)),
      probe: (id: string) => probeWrite(env, { method: 'DELETE', url: `/api/tokens/${segment(id)}`, headers: env.callers[1]! }),
    },
    {
      name: 'POST /api/data-elements',
      arbitrary: fc.oneof({ weight: 4, arbitrary: hostileRecord(ELEMENT) }, { weight: 1, arbitrary: hostileValue }),
      probe: (body: unknown) =>
        probeWrite(env, { method: 'POST', url: '/api/data-elements', headers: json(env.callers[0]!), payload: JSON.stringify(body) }),
    },
    {
      name: 'POST /api/auth/login',
      arbitrary: fc.oneof(hostileRecord({ username: 'fuzz.user', password: 'wrong-password' }), hostileValue),
      probe: (body: unknown) =>
        probeWrite(env, {
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        }),
    },
    ...planTargets(env, (i) => caller(env, i)),
    {
      name: 'raw JSON bodies on write routes',
      arbitrary: fc.tuple(
        fc.constantFrom(...RAW_JSON_ROUTES),
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.json().map((s) => s.slice(0, Math.max(0, s.length - 1))),
          fc.constantFrom(
            '{',
            '[',
            '{"a":',
            '\u0000',
            '{"__proto__":{"x":1}}',
            '[{"constructor":{"prototype":{}}}]',
            '1'.repeat(400),
            '"\\ud800"',
          ),
        ),
      ),
      probe: ([route, text]: [string, string]) => {
        const [method, url] = route.split(' ') as ['POST' | 'PUT' | 'PATCH', string];
        return probeWrite(env, { method, url, headers: json(env.callers[0]!), payload: text });
      },
    },
    {
      name: 'GET query strings (period codes, units, formats)',
      arbitrary: fc.tuple(
        fc.constantFrom(...QUERIED_ROUTES),
        fc.dictionary(
          fc.constantFrom(
            'period',
            'org',
            'element',
            'format',
            'indicator',
            'children',
            'date',
            'disagg',
            'limit',
            'from',
            'to',
            'actor',
            'plan',
            'year',
            'type',
            'status',
            'name',
          ),
          hostileString,
          { maxKeys: 4 },
        ),
      ),
      probe: async ([url, query]: [string, Record<string, string>]) => {
        const res = await env.app.inject({
          method: 'GET',
          url: `${url}?${new URLSearchParams(query).toString()}`,
          headers: caller(env, n++),
        });
        return {
          status: res.statusCode,
          problem: res.statusCode >= 500 ? `GET ${url} ${JSON.stringify(query)} → ${res.statusCode} ${res.body.slice(0, 300)}` : null,
        };
      },
    },
  ];
  return targets;
}
