import { formatNumber, type Lang, type Problem, type ValueType } from '@vetplan/domain';

/**
 * What a person types in a cell, read the way they write numbers: in
 * Vietnamese "1.234" is one thousand two hundred and thirty-four and "37,4"
 * has a decimal comma; in English "1,234" and "37.4". A lone "." or ","
 * that cannot be a thousands separator (not followed by groups of three
 * digits) is read as the decimal mark, so "37.4" also works in Vietnamese.
 */
export type Parsed = { ok: true; value: number | null } | { ok: false; problem: Problem };

const GROUPED = (sep: string) => new RegExp(`^-?\\d{1,3}(\\${sep}\\d{3})+$`);

export function parseLocalNumber(raw: string, lang: Lang): Parsed {
  const text = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return { ok: true, value: null };
  const group = lang === 'vi' ? '.' : ',';
  const decimal = lang === 'vi' ? ',' : '.';
  let normal: string;
  if (text.includes(decimal) && text.includes(group)) {
    // Both marks: the grouping one must come before the decimal one.
    if (text.lastIndexOf(group) > text.indexOf(decimal)) return notANumber(raw);
    normal = text.split(group).join('').replace(decimal, '.');
  } else if (text.includes(group)) {
    normal = GROUPED(group).test(text) ? text.split(group).join('') : text.replace(group, '.');
  } else {
    normal = text.replace(decimal, '.');
  }
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(normal)) return notANumber(raw);
  return { ok: true, value: Number(normal) };
}

function notANumber(raw: string): Parsed {
  return { ok: false, problem: { vi: `"${raw.trim()}" không phải là số`, en: `"${raw.trim()}" is not a number` } };
}

/** A check on a number: undefined when it passes, else what is wrong (in both languages). */
export type Validator = (value: number) => Problem | undefined;

export const zeroOrPositive: Validator = (v) => (v < 0 ? { vi: 'Số lượng phải từ 0 trở lên', en: 'A count must be 0 or more' } : undefined);

export const integer: Validator = (v) =>
  Number.isInteger(v) ? undefined : { vi: 'Số lượng phải là số nguyên', en: 'A count must be a whole number' };

export const atMost =
  (max: number): Validator =>
  (v) =>
    v > max ? { vi: `Không được lớn hơn ${formatNumber(max)}`, en: `Must not exceed ${formatNumber(max, { lang: 'en' })}` } : undefined;

export const oneOrZero: Validator = (v) =>
  v === 0 || v === 1 ? undefined : { vi: 'Chỉ nhận 1 (có) hoặc 0 (không)', en: 'Use 1 (yes) or 0 (no)' };

/** Runs validators in order and answers the first problem. */
export const compose =
  (...validators: Validator[]): Validator =>
  (v) => {
    for (const check of validators) {
      const problem = check(v);
      if (problem) return problem;
    }
    return undefined;
  };

export const integerZeroOrPositive = compose(zeroOrPositive, integer, atMost(Number.MAX_SAFE_INTEGER));
export const percentage = compose((v) =>
  v < 0 || v > 100 ? { vi: 'Tỷ lệ phần trăm phải từ 0 đến 100', en: 'A percentage must be from 0 to 100' } : undefined,
);
const anyNumber: Validator = () => undefined;

export const VALIDATORS: Record<ValueType, Validator> = {
  count: integerZeroOrPositive,
  percentage,
  boolean: oneOrZero,
  number: anyNumber,
};

/** Reads and checks a cell's text for the element's type; null is an emptied cell (delete). */
export function readCell(raw: string, type: ValueType, lang: Lang): Parsed {
  const parsed = parseLocalNumber(raw, lang);
  if (!parsed.ok || parsed.value === null) return parsed;
  const problem = VALIDATORS[type](parsed.value);
  return problem ? { ok: false, problem } : parsed;
}

/** A figure as shown in a cell: 1.234 and 37,4 (up to 2 decimals). */
export function showNumber(value: number | null | undefined, lang: Lang): string {
  return value === null || value === undefined ? '' : formatNumber(value, { lang, maxDecimals: 2 });
}
