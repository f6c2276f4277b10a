import { fail, ok, type Checked } from './messages.ts';

export const VALUE_TYPES = ['count', 'number', 'percentage', 'boolean'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Checks one value for its element's type: a count is a whole number of 0 or
 * more, a percentage lies from 0 to 100, yes/no is 1 or 0. Text uses "." as
 * the decimal point (the exchange format); the web app converts "37,4" first.
 */
export function parseValue(raw: string | number, type: ValueType): Checked<number> {
  let value: number;
  if (typeof raw === 'number') {
    value = raw;
  } else {
    const text = raw.trim();
    if (type === 'boolean' && /^(true|false)$/i.test(text)) return ok(text.toLowerCase() === 'true' ? 1 : 0);
    if (!NUMBER.test(text)) {
      // "1,580" or "37,4": the Vietnamese way of writing numbers, which CSV does not use.
      if (/^-?\d[\d.,]*$/.test(text) && text.includes(',')) {
        return fail(
          `"${text}" không phải là số trong CSV: dấu thập phân là dấu chấm "." (37.4) và không dùng dấu phân cách hàng nghìn (1580)`,
          `"${text}" is not a number in CSV: the decimal point is "." (37.4) and thousands are not separated (1580)`,
        );
      }
      return fail(`"${text}" không phải là số`, `"${text}" is not a number`);
    }
    value = Number(text);
    // "1.580" meant as one thousand five hundred and eighty is read 1.58: say so where it cannot stand (a count).
    if (type === 'count' && /^\d{1,3}(\.\d{3})+$/.test(text)) {
      const read = String(value).replace('.', ',');
      return fail(
        `"${text}" được đọc là ${read} vì trong CSV dấu chấm "." là dấu thập phân; số lượng phải là số nguyên: ` +
          `nếu là ${text.replace(/\./g, '')} thì viết ${text.replace(/\./g, '')}, không có dấu chấm`,
        `"${text}" reads as ${value} (CSV uses "." as the decimal point); a count must be whole: ` +
          `for ${text.replace(/\./g, '')} write ${text.replace(/\./g, '')}, without the point`,
      );
    }
  }
  if (!Number.isFinite(value)) return fail(`"${raw}" không phải là số hữu hạn`, `"${raw}" is not a finite number`);
  switch (type) {
    case 'count':
      if (value < 0) return fail(`${value} là số âm; số lượng phải từ 0 trở lên`, `${value} is negative; a count must be 0 or more`);
      if (!Number.isInteger(value))
        return fail(
          `${value} không phải là số nguyên; số lượng phải là số nguyên`,
          `${value} is not a whole number; a count must be whole`,
        );
      if (value > Number.MAX_SAFE_INTEGER) return fail(`${value} quá lớn`, `${value} is too large`);
      return ok(value);
    case 'percentage':
      if (value < 0 || value > 100)
        return fail(`${value} nằm ngoài khoảng 0–100 của một tỷ lệ phần trăm`, `${value} is outside 0–100 for a percentage`);
      return ok(value);
    case 'boolean':
      if (value !== 0 && value !== 1)
        return fail(`${value} không hợp lệ; chỉ nhận 1 (có) hoặc 0 (không)`, `${value} is not valid; use 1 (yes) or 0 (no)`);
      return ok(value);
    case 'number':
      return ok(value);
  }
}
