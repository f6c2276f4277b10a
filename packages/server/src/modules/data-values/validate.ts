import { formatNumber, parseDisagg, parsePeriod, parseValue, type Period } from '@vetplan/domain';
import type { InputRow, RowError } from './input.ts';
import type { DataMetadata } from '../data-elements/metadata.ts';

/** A row that passed its own checks: a write (value) or a deletion (null). */
export interface CheckedRow {
  row: number;
  element: string;
  period: Period;
  org: string;
  disagg: string;
  value: number | null;
  comment: string | null;
}

/** Parses of repeated texts within one batch (a file repeats a few periods and disaggregations many times). */
export class ParseCache {
  readonly periods = new Map<string, ReturnType<typeof parsePeriod>>();
  readonly disaggs = new Map<string, ReturnType<typeof parseDisagg>>();
}

export interface RowContext {
  cache?: ParseCache;
  metadata: DataMetadata;
  /** Known area and organisation codes among those the batch names. */
  knownUnits: Set<string>;
  /** The first day after the current period: later periods cannot be written yet. */
  today: string;
}

/** The longest comment a value may carry, in any path (cell, file, workbook). */
export const COMMENT_MAX_LENGTH = 2000;

function error(row: number, column: string, vi: string, en: string): RowError {
  return { row, column, message: vi, messageEn: en };
}

/** Checks one row on its own (not against the other rows or the rules). */
export function checkRow(input: InputRow, ctx: RowContext): CheckedRow | RowError {
  const { row } = input;
  if (!input.element) return error(row, 'element', 'Thiếu mã chỉ tiêu (element)', 'The element code is missing');
  const element = ctx.metadata.elements.get(input.element);
  if (!element)
    return error(row, 'element', `"${input.element}" không phải là mã chỉ tiêu đã có`, `"${input.element}" is not a known data element`);
  let period = ctx.cache?.periods.get(input.period);
  if (!period) {
    period = parsePeriod(input.period);
    ctx.cache?.periods.set(input.period, period);
  }
  if (!period.ok) return error(row, 'period', period.messageVi, period.message);
  if (period.period.start > ctx.today) {
    return error(
      row,
      'period',
      `Kỳ ${period.period.code} chưa bắt đầu; không thể nhập số liệu cho kỳ tương lai`,
      `Period ${period.period.code} has not started; future periods cannot be written`,
    );
  }
  if (!input.org) return error(row, 'org', 'Thiếu mã đơn vị (org)', 'The org code is missing');
  if (!ctx.knownUnits.has(input.org))
    return error(
      row,
      'org',
      `"${input.org}" không phải là mã địa bàn hoặc đơn vị đã có`,
      `"${input.org}" is not a known area or organisation code`,
    );
  const disaggKey = `${element.code}|${input.disagg}`;
  let disagg = ctx.cache?.disaggs.get(disaggKey);
  if (!disagg) {
    disagg = parseDisagg(input.disagg, element.dimensions);
    ctx.cache?.disaggs.set(disaggKey, disagg);
  }
  if (!disagg.ok) return error(row, 'disagg', disagg.problem.vi, disagg.problem.en);
  if (input.comment !== null && input.comment.length > COMMENT_MAX_LENGTH) {
    return error(
      row,
      'comment',
      `Ghi chú dài ${formatNumber(input.comment.length)} ký tự, vượt quá ${formatNumber(COMMENT_MAX_LENGTH)} ký tự cho phép`,
      `The comment is ${input.comment.length} characters long, more than the ${COMMENT_MAX_LENGTH} allowed`,
    );
  }
  let value: number | null = null;
  if (input.value !== null && input.value !== '') {
    const parsed = parseValue(input.value, element.valueType);
    if (!parsed.ok) return error(row, 'value', parsed.problem.vi, parsed.problem.en);
    value = parsed.value;
  }
  return { row, element: element.code, period: period.period, org: input.org, disagg: disagg.value, value, comment: input.comment };
}
