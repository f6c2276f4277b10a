import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { period } from '../period/period.ts';
import { asciiFileName, nextReportPeriodLabel, paragraphs, parseReportPeriod, reportPeriodLabel, taskInstanceStatus } from './report-text.ts';

describe('report periods', () => {
  it('accepts half-years and years only, with a Vietnamese reason otherwise', () => {
    expect(parseReportPeriod('2025S1').ok).toBe(true);
    expect(parseReportPeriod('2025').ok).toBe(true);
    const quarter = parseReportPeriod('2025Q1');
    expect(quarter).toMatchObject({ ok: false, messageVi: '"2025Q1" không phải là kỳ báo cáo 6 tháng (ví dụ 2025S1) hoặc năm (ví dụ 2025)' });
    expect(parseReportPeriod('2025S3').ok).toBe(false);
  });

  it('names the period as a report title does', () => {
    expect(reportPeriodLabel(period('2025S1'))).toBe('6 tháng đầu năm 2025');
    expect(reportPeriodLabel(period('2025S2'))).toBe('6 tháng cuối năm 2025');
    expect(reportPeriodLabel(period('2025'))).toBe('năm 2025');
    expect(reportPeriodLabel(period('2025S1'), 'en')).toBe('the first half of 2025');
    expect(nextReportPeriodLabel(period('2025S1'))).toBe('6 tháng cuối năm 2025');
    expect(nextReportPeriodLabel(period('2025S2'))).toBe('6 tháng đầu năm 2026');
    expect(nextReportPeriodLabel(period('2025'))).toBe('năm 2026');
  });
});

describe('task instance status', () => {
  const base = { completedOn: null, dueOn: '2025-06-30', extendedTo: null, today: '2025-06-15' };
  it('judges done against the due date or the approved extension', () => {
    expect(taskInstanceStatus({ ...base, reported: 'done', completedOn: '2025-06-30' })).toBe('done_on_time');
    expect(taskInstanceStatus({ ...base, reported: 'done', completedOn: '2025-07-01' })).toBe('done_late');
    expect(taskInstanceStatus({ ...base, reported: 'done', completedOn: '2025-07-01', extendedTo: '2025-07-15' })).toBe('done_on_time');
  });
  it('is overdue once the due date passed without completion', () => {
    expect(taskInstanceStatus({ ...base, reported: 'in_progress', today: '2025-07-01' })).toBe('overdue');
    expect(taskInstanceStatus({ ...base, reported: null, today: '2025-07-01', extendedTo: '2025-07-10' })).toBe('not_started');
    expect(taskInstanceStatus({ ...base, reported: 'in_progress' })).toBe('in_progress');
    expect(taskInstanceStatus({ ...base, reported: null })).toBe('not_started');
  });
});

describe('text helpers', () => {
  it('splits narratives into non-blank paragraphs', () => {
    expect(paragraphs('  a \n\n b\r\n')).toEqual(['a', 'b']);
  });
  it('makes ASCII file names from Vietnamese ones', () => {
    expect(asciiFileName('Báo cáo 6 tháng đầu năm 2025 - UBND huyện Yên Dũng.docx')).toBe('Bao-cao-6-thang-dau-nam-2025-UBND-huyen-Yen-Dung.docx');
    fc.assert(fc.property(fc.string(), (s) => /^[A-Za-z0-9._-]*$/.test(asciiFileName(s))));
  });
});
