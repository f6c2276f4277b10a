import type { Transaction } from 'kysely';
import { checkRule, ruleElements } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, errors } from '../../http/errors.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { loadDataMetadata, type DataMetadata } from '../data-elements/metadata.ts';
import * as values from '../data-values/repository.ts';
import { checkRow, type CheckedRow } from '../data-values/validate.ts';
import { canWrite, ReopenedReports } from '../forms/access.ts';
import { ScopeCache } from '../../access/scope-cache.ts';
import { lockedCells } from '../forms/locks.ts';
import { loadForms } from '../forms/repository.ts';
import type { CellInput } from './schema.ts';
import { inlineRows, noCounts, writeRows, type ValueAuthor } from '../data-values/value-writer.ts';
import { assertNotClaimed } from '../forms/locks.ts';

function cellDto(v: values.StoredValue) {
  return {
    element: v.element_code,
    disagg: v.disagg,
    value: v.value,
    comment: v.comment,
    version: v.version,
    updatedBy: v.updated_by,
    updatedAt: new Date(v.updated_at).toISOString(),
  };
}

/**
 * Saves one cell typed in the data entry grid. The write names the version it
 * started from: if someone changed the cell since, the answer is 409 with the
 * current value so the person can choose. Rule violations do not stop the
 * save (the other figure may be the wrong one); they come back to be shown.
 */
export async function saveCell(ctx: AppContext, auth: AuthContext, input: CellInput) {
  const metadata = await loadDataMetadata(ctx.db);
  const checked = await checkCellWrite(ctx, auth, input, metadata);
  return ctx.db.transaction().execute(async (trx) => {
    await values.lockUnitPeriods(trx, [`${checked.org}|${checked.period.code}`]);
    await assertNotClaimed(trx, checked.org, checked.period.code);
    const cell = { element: checked.element, period: checked.period.code, org: checked.org, disagg: checked.disagg };
    const current = await storedCell(trx, cell);
    if ((current?.version ?? 0) !== input.baseVersion) throw staleWrite(current);
    const comment = input.comment === undefined ? (current?.comment ?? null) : input.comment;
    await writeCell(trx, cell, { value: checked.value, comment }, { source: 'entry', actor: auth.username, at: ctx.now(), importId: null });
    const saved = await storedCell(trx, cell);
    return { cell: saved ? cellDto(saved) : null, violations: await ruleViolations(trx, cell, metadata) };
  });
}

type CellKey = { element: string; period: string; org: string; disagg: string };

/** The typed figure checked like an imported row, then the right to write it: the form's window, and no submitted or approved lock. */
async function checkCellWrite(ctx: AppContext, auth: AuthContext, input: CellInput, metadata: DataMetadata): Promise<CheckedRow> {
  const scope = new ScopeCache(ctx, auth);
  const known = new Set<string>((await scope.unit(input.org)) ? [input.org] : []);
  const today = ctx.now().toISOString().slice(0, 10);
  const checked = checkRow(
    {
      row: 1,
      element: input.element,
      period: input.period,
      org: input.org,
      disagg: input.disagg,
      value: input.value,
      comment: input.comment ?? null,
    },
    { metadata, knownUnits: known, today },
  );
  if ('column' in checked) throw errors.invalidField(checked.column ?? 'value', checked.message, checked.messageEn);
  const decision = await canWrite(
    auth,
    scope,
    await loadForms(ctx.db),
    checked.element,
    checked.org,
    checked.period.code,
    today,
    new ReopenedReports(ctx.db),
  );
  if (!decision.ok) throw errors.forbidden(decision.vi, decision.en);
  const lock = (await lockedCells(ctx, [checked.org], [checked.period.code], auth.role)).get(
    `${checked.element}|${checked.org}|${checked.period.code}`,
  );
  if (lock) throw new AppError(lock.kind === 'submitted' ? 'submitted' : 'locked', 409, lock.vi, lock.en);
  return checked;
}

function storedCell(trx: Transaction<Database>, cell: CellKey): Promise<values.StoredValue | undefined> {
  return trx
    .selectFrom('data_value')
    .selectAll()
    .where('element_code', '=', cell.element)
    .where('period', '=', cell.period)
    .where('org_code', '=', cell.org)
    .where('disagg', '=', cell.disagg)
    .executeTakeFirst();
}

/** 409 stale_write: someone changed the cell since the version the write started from; the answer carries the current value. */
function staleWrite(current: values.StoredValue | undefined): AppError {
  return new AppError(
    'stale_write',
    409,
    `Ô này vừa được ${current?.updated_by ?? 'người khác'} sửa (giá trị hiện tại: ${current ? current.value : 'trống'}). ` +
      `Hãy chọn giữ giá trị nào.`,
    `This cell was changed by ${current?.updated_by ?? 'someone else'} meanwhile (current value: ` +
      `${current ? current.value : 'empty'}). Choose which value to keep.`,
    [],
    {},
    { current: current ? cellDto(current) : null },
  );
}

/** Stores the new figure (an empty one deletes the cell) through the one value writer; nothing when nothing changed. */
async function writeCell(
  trx: Transaction<Database>,
  cell: CellKey,
  next: { value: number | null; comment: string | null },
  who: ValueAuthor,
) {
  const effects = { counts: noCounts(), touched: new Map(), refreshNow: true };
  await writeRows(trx, inlineRows([{ row: 1, ...cell, ...next }]), who, { after: 0, limit: 1 }, effects);
}

/** The validation rules the cell takes part in, checked against its unit-period's figures after the save. */
async function ruleViolations(trx: Transaction<Database>, cell: CellKey, metadata: DataMetadata) {
  const cells = await trx
    .selectFrom('data_value')
    .select(['element_code as element', 'disagg', 'value'])
    .where('org_code', '=', cell.org)
    .where('period', '=', cell.period)
    .execute();
  const violations = metadata.rules.filter((r) => ruleElements(r).includes(cell.element)).flatMap((r) => checkRule(r, cells));
  return violations.map((v) => ({
    rule: v.rule,
    message: v.message,
    messageEn: v.messageEn,
    where: v.where,
    elements: v.elements,
    leftElements: v.leftElements,
  }));
}
