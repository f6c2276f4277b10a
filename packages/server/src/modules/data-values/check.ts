import type { AppContext } from '../../context.ts';
import { canWrite, ReopenedReports, type WriteDecision } from '../forms/access.ts';
import { ScopeCache } from '../../access/scope-cache.ts';
import { lockedCells, type Lock } from '../forms/locks.ts';
import { loadForms, type FormWithParts } from '../forms/repository.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { CellMap } from './cell-map.ts';
import type { InputRow, RowError } from './input.ts';
import type { DataMetadata } from '../data-elements/metadata.ts';
import type { StagedRow } from './stage.ts';
import { checkRow, ParseCache } from './validate.ts';
import { textProblem } from '../../http/input-guard.ts';

export interface CheckedBatch {
  good: StagedRow[];
  errors: RowError[];
  /** The first row refused because approved figures are locked (the whole import is then a 409). */
  lock: RowError | null;
}

/**
 * Checks the rows of a file batch by batch: each row alone, then who may
 * write it, whether it is locked, and that no two rows of the file name one
 * cell. What it learns (units, scope, locks, parses) is kept for the next
 * batches; rows are not.
 */
export class RowChecker {
  private readonly scope: ScopeCache;
  private readonly reopened: ReopenedReports;
  private readonly known = new Set<string>();
  private readonly unknown = new Set<string>();
  /** Who may write each element of a unit-period. */
  private readonly decisions = new CellMap<WriteDecision>();
  private readonly locks = new Map<string, Lock>();
  private readonly lockedFor = new Set<string>();
  /** The first row of each cell, to report a cell named twice. */
  private readonly firstRows = new CellMap<number>();
  private readonly cache = new ParseCache();
  private readonly today: string;
  private forms: FormWithParts[] | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly auth: AuthContext,
    private readonly metadata: DataMetadata,
  ) {
    this.scope = new ScopeCache(ctx, auth);
    this.reopened = new ReopenedReports(ctx.db);
    this.today = ctx.now().toISOString().slice(0, 10);
  }

  /** Learns the units, and the locks of the unit-periods, that a batch names for the first time. */
  private async learn(rows: InputRow[]): Promise<void> {
    for (const code of new Set(rows.map((r) => r.org))) {
      if (!code || this.known.has(code) || this.unknown.has(code)) continue;
      if (await this.scope.unit(code)) this.known.add(code);
      else this.unknown.add(code);
    }
    const fresh = new Map<string, Set<string>>();
    for (const r of rows) {
      const period = r.period.trim();
      if (!this.known.has(r.org) || this.lockedFor.has(`${r.org}|${period}`)) continue;
      this.lockedFor.add(`${r.org}|${period}`);
      const orgs = fresh.get(period) ?? new Set<string>();
      orgs.add(r.org);
      fresh.set(period, orgs);
    }
    // One query per group of periods that name the same units (usually one per batch).
    const byOrgs = new Map<string, { orgs: string[]; periods: string[] }>();
    for (const [period, orgs] of fresh) {
      const key = [...orgs].sort().join(',');
      const group = byOrgs.get(key) ?? { orgs: [...orgs], periods: [] };
      group.periods.push(period);
      byOrgs.set(key, group);
    }
    for (const { orgs, periods } of byOrgs.values())
      for (const [cell, lock] of await lockedCells(this.ctx, orgs, periods, this.auth.role)) this.locks.set(cell, lock);
  }

  async check(batch: InputRow[]): Promise<CheckedBatch> {
    const errors: RowError[] = [];
    // Files (streamed CSV, Excel) bypass the request guard: an unstorable character in any field is refused before any query sees it.
    const rows = batch.filter((input) => {
      for (const column of ['element', 'period', 'org', 'disagg', 'value', 'comment'] as const) {
        const problem = typeof input[column] === 'string' ? textProblem(input[column]) : null;
        if (problem) {
          errors.push({ row: input.row, column, message: `Ô ${problem.vi}`, messageEn: `The cell ${problem.en}` });
          return false;
        }
      }
      return true;
    });
    await this.learn(rows);
    this.forms ??= await loadForms(this.ctx.db);
    const rowContext = { metadata: this.metadata, knownUnits: this.known, today: this.today, cache: this.cache };
    const good: StagedRow[] = [];
    let lock: RowError | null = null;
    for (const input of rows) {
      const checked = checkRow(input, rowContext);
      if ('column' in checked) {
        errors.push(checked);
        continue;
      }
      let decision = this.decisions.get(checked.org, checked.period.code, checked.element);
      if (!decision) {
        decision = await canWrite(
          this.auth,
          this.scope,
          this.forms,
          checked.element,
          checked.org,
          checked.period.code,
          this.today,
          this.reopened,
        );
        this.decisions.set(checked.org, checked.period.code, checked.element, decision);
      }
      if (!decision.ok) {
        errors.push({ row: input.row, column: 'org', message: decision.vi, messageEn: decision.en });
        continue;
      }
      const locked = this.locks.size > 0 ? this.locks.get(`${checked.element}|${checked.org}|${checked.period.code}`) : undefined;
      if (locked) {
        const lockError = { row: input.row, column: 'value', message: locked.vi, messageEn: locked.en };
        lock ??= lockError;
        errors.push(lockError);
        continue;
      }
      const cell = `${checked.element}\u0001${checked.disagg}`;
      const first = this.firstRows.get(checked.org, checked.period.code, cell);
      if (first !== undefined) {
        errors.push({
          row: input.row,
          column: null,
          message: `Trùng ô số liệu với dòng ${first}`,
          messageEn: `The same cell as row ${first}`,
        });
        continue;
      }
      this.firstRows.set(checked.org, checked.period.code, cell, input.row);
      good.push({
        row: checked.row,
        element: checked.element,
        period: checked.period.code,
        org: checked.org,
        disagg: checked.disagg,
        value: checked.value,
        comment: checked.comment,
      });
    }
    return { good, errors, lock };
  }
}
