import type { Lang } from './number.ts';

export type DatePrecision = 'day' | 'month' | 'year';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(isoDate: string): [number, number, number] {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new RangeError(`"${isoDate}" is not a date in the form YYYY-MM-DD`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `15/06/2025` (vi) or `15/06/2025` (en-GB); with month precision `10/2023`. */
export function formatDate(isoDate: string, precision: DatePrecision = 'day'): string {
  const [y, m, d] = parts(isoDate);
  const mm = String(m).padStart(2, '0');
  if (precision === 'year') return String(y);
  if (precision === 'month') return `${mm}/${y}`;
  return `${String(d).padStart(2, '0')}/${mm}/${y}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A moment as officials write it, in local time: "09:52, 03/12/2026"; "—" for none. */
export function formatMoment(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}, ${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()}`;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "ngày 15 tháng 6 năm 2025", as in documents; "tháng 10 năm 2023" for month precision. */
export function formatLongDate(isoDate: string, precision: DatePrecision = 'day', lang: Lang = 'vi'): string {
  const [y, m, d] = parts(isoDate);
  if (lang === 'en') {
    if (precision === 'year') return String(y);
    if (precision === 'month') return `${EN_MONTHS[m - 1]} ${y}`;
    return `${d} ${EN_MONTHS[m - 1]} ${y}`;
  }
  if (precision === 'year') return `năm ${y}`;
  if (precision === 'month') return `tháng ${m} năm ${y}`;
  return `ngày ${d} tháng ${m} năm ${y}`;
}
