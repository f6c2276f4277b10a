import { parsePeriod, type Period } from '../period/period.ts';
import type { ProgressStatus } from '../plan/progress.ts';

/** Periods an official plan-progress report covers: a half-year (2025S1, 2025S2) or a year (2025). */
export type ReportPeriodResult = { ok: true; period: Period } | { ok: false; message: string; messageVi: string };

export function parseReportPeriod(code: string): ReportPeriodResult {
  const parsed = parsePeriod(code);
  if (!parsed.ok) return parsed;
  if (parsed.period.type !== 'six_monthly' && parsed.period.type !== 'yearly') {
    return {
      ok: false,
      messageVi: `"${code}" không phải là kỳ báo cáo 6 tháng (ví dụ 2025S1) hoặc năm (ví dụ 2025)`,
      message: `"${code}" is not a six-monthly (e.g. 2025S1) or yearly (e.g. 2025) reporting period`,
    };
  }
  return parsed;
}

/** "6 tháng đầu năm 2025", "6 tháng cuối năm 2025", "năm 2025" — as report titles write the period. */
export function reportPeriodLabel(period: Period, lang: 'vi' | 'en' = 'vi'): string {
  if (period.type === 'six_monthly') {
    if (lang === 'en') return `the ${period.index === 1 ? 'first' : 'second'} half of ${period.year}`;
    return `6 tháng ${period.index === 1 ? 'đầu' : 'cuối'} năm ${period.year}`;
  }
  return lang === 'en' ? String(period.year) : `năm ${period.year}`;
}

/** The period a report's "tasks for the next period" section looks at: "6 tháng cuối năm 2025", "năm 2026". */
export function nextReportPeriodLabel(period: Period): string {
  if (period.type === 'six_monthly') return period.index === 1 ? `6 tháng cuối năm ${period.year}` : `6 tháng đầu năm ${period.year + 1}`;
  return `năm ${period.year + 1}`;
}

/** The words a report uses to judge a target. */
export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, { vi: string; en: string }> = {
  met: { vi: 'Đạt', en: 'Met' },
  not_met: { vi: 'Không đạt', en: 'Not met' },
  on_track: { vi: 'Đúng tiến độ', en: 'On track' },
  at_risk: { vi: 'Có nguy cơ chậm', en: 'At risk' },
  off_track: { vi: 'Chậm tiến độ', en: 'Off track' },
  no_data: { vi: 'Chưa có số liệu', en: 'No data' },
};

/** Splits a narrative into its paragraphs: one per non-blank line, trimmed. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** A filename any browser and file system accepts, keeping the Vietnamese words readable in ASCII. */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-(?=\.)|-$/g, '');
}

/** A download's Content-Disposition: the ASCII name for old browsers, the Vietnamese one in `filename*` (RFC 6266). */
export function attachmentDisposition(name: string): string {
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
