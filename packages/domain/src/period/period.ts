/**
 * Reporting periods with DHIS2-compatible codes: yearly `2025`, six-monthly
 * `2025S1`/`2025S2`, quarterly `2025Q1`..`2025Q4`, monthly `202503`.
 */
export const PERIOD_TYPES = ['monthly', 'quarterly', 'six_monthly', 'yearly'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** Months in one period of each type. */
const MONTHS: Record<PeriodType, number> = { monthly: 1, quarterly: 3, six_monthly: 6, yearly: 12 };

export const PERIOD_TYPE_LABELS: Record<PeriodType, { vi: string; en: string }> = {
  monthly: { vi: 'tháng', en: 'monthly' },
  quarterly: { vi: 'quý', en: 'quarterly' },
  six_monthly: { vi: '6 tháng', en: 'six-monthly' },
  yearly: { vi: 'năm', en: 'yearly' },
};

export interface Period {
  code: string;
  type: PeriodType;
  year: number;
  /** 1-based position within the year: month 1..12, quarter 1..4, half 1..2, always 1 for a year. */
  index: number;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Day after the last day, YYYY-MM-DD (exclusive). */
  end: string;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

const PATTERNS: Array<[PeriodType, RegExp, number]> = [
  ['yearly', /^(\d{4})$/, 1],
  ['six_monthly', /^(\d{4})S(\d+)$/, 2],
  ['quarterly', /^(\d{4})Q(\d+)$/, 4],
  ['monthly', /^(\d{4})(\d{2})$/, 12],
];

const pad = (n: number) => String(n).padStart(2, '0');

function firstMonth(type: PeriodType, index: number): number {
  return (index - 1) * MONTHS[type] + 1;
}

function monthStart(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${y}-${pad(m)}-01`;
}

export function periodCode(type: PeriodType, year: number, index: number): string {
  switch (type) {
    case 'yearly':
      return String(year);
    case 'six_monthly':
      return `${year}S${index}`;
    case 'quarterly':
      return `${year}Q${index}`;
    case 'monthly':
      return `${year}${pad(index)}`;
  }
}

function build(type: PeriodType, year: number, index: number): Period {
  const first = firstMonth(type, index);
  return {
    code: periodCode(type, year, index),
    type,
    year,
    index,
    start: monthStart(year, first),
    end: monthStart(year, first + MONTHS[type]),
  };
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; message: string; messageVi: string };

/** Parses a period code, or says exactly what is wrong with it. */
export function parsePeriod(code: string): PeriodResult {
  const text = code.trim();
  for (const [type, pattern, count] of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const year = Number(m[1]);
    const index = m[2] === undefined ? 1 : Number(m[2]);
    if (year < MIN_YEAR || year > MAX_YEAR) {
      return {
        ok: false,
        message: `"${text}": the year must be from ${MIN_YEAR} to ${MAX_YEAR}`,
        messageVi: `"${text}": năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}`,
      };
    }
    if (index < 1 || index > count) {
      return {
        ok: false,
        message: `"${text}" is not a valid ${PERIOD_TYPE_LABELS[type].en} period`,
        messageVi: `"${text}" không phải là kỳ ${PERIOD_TYPE_LABELS[type].vi} hợp lệ`,
      };
    }
    return { ok: true, period: build(type, year, index) };
  }
  return {
    ok: false,
    message: `"${text}" is not a period code (2025, 2025S1, 2025Q1 or 202503)`,
    messageVi: `"${text}" không phải là mã kỳ báo cáo (2025, 2025S1, 2025Q1 hoặc 202503)`,
  };
}

/** Parses a code known to be valid; throws otherwise. */
export function period(code: string): Period {
  const result = parsePeriod(code);
  if (!result.ok) throw new RangeError(result.message);
  return result.period;
}

/** Orders periods by start, then the longer first (2025 before 2025S1 before 2025Q1). */
export function comparePeriods(a: Period, b: Period): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  return MONTHS[b.type] - MONTHS[a.type];
}

/** Whether `inner` lies within `outer` (a period contains itself). */
export function periodContains(outer: Period, inner: Period): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** The period of a longer (or equal) type that contains `p`: 202503 → 2025Q1 → 2025S1 → 2025. */
export function rollUp(p: Period, type: PeriodType): Period {
  if (MONTHS[type] < MONTHS[p.type]) throw new RangeError(`cannot roll ${p.code} up to the shorter ${type} type`);
  const month = firstMonth(p.type, p.index);
  return build(type, p.year, Math.floor((month - 1) / MONTHS[type]) + 1);
}

/** The periods of a shorter (or equal) type that make up `p`, in order. */
export function periodParts(p: Period, type: PeriodType): Period[] {
  if (MONTHS[type] > MONTHS[p.type]) throw new RangeError(`a ${p.type} period has no ${type} parts`);
  const first = (firstMonth(p.type, p.index) - 1) / MONTHS[type] + 1;
  return Array.from({ length: MONTHS[p.type] / MONTHS[type] }, (_, i) => build(type, p.year, first + i));
}

/** The period of the same type that contains a day (YYYY-MM-DD). */
export function periodOfDate(type: PeriodType, isoDate: string): Period {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return build(type, year, Math.floor((month - 1) / MONTHS[type]) + 1);
}

/** The next period of the same type. */
export function nextPeriod(p: Period): Period {
  const count = 12 / MONTHS[p.type];
  return p.index < count ? build(p.type, p.year, p.index + 1) : build(p.type, p.year + 1, 1);
}

/** The previous period of the same type. */
export function previousPeriod(p: Period): Period {
  const count = 12 / MONTHS[p.type];
  return p.index > 1 ? build(p.type, p.year, p.index - 1) : build(p.type, p.year - 1, count);
}
