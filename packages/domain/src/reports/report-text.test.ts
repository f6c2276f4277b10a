import { describe, expect, it } from 'vitest';
import { period } from '../period/period.ts';
import { asciiFileName, attachmentDisposition, nextReportPeriodLabel, parseReportPeriod, reportPeriodLabel } from './report-text.ts';

describe('report periods', () => {
  it('accepts half-years and years only, with a Vietnamese reason otherwise', () => {
    expect(parseReportPeriod('2025S1').ok).toBe(true);
    expect(parseReportPeriod('2025').ok).toBe(true);
    const quarter = parseReportPeriod('2025Q1');
    expect(quarter).toMatchObject({
      ok: false,
      messageVi: '"2025Q1" không phải là kỳ báo cáo 6 tháng (ví dụ 2025S1) hoặc năm (ví dụ 2025)',
    });
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

describe('download names', () => {
  it('gives an ASCII name beside the Vietnamese one, for every download (reports and evidence)', () => {
    expect(asciiFileName('Biên bản họp Đoàn.pdf')).toBe('Bien-ban-hop-Doan.pdf');
    expect(attachmentDisposition('Biên bản.pdf')).toBe(`attachment; filename="Bien-ban.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n.pdf`);
  });
});
