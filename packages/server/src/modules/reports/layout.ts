import { TASK_STATUS_LABELS, TASK_STATUSES } from '@vetplan/domain';
import type { TargetResult, TaskResult } from './model.ts';

/** Page geometry and sizes shared by the DOCX and PDF renderers (Decree 30/2020, Appendix I). */
export const PAGE = {
  marginTopMm: 20,
  marginBottomMm: 20,
  marginLeftMm: 30,
  marginRightMm: 15,
  textWidthMm: 165,
  leftColMm: 68,
  signLeftMm: 80,
  bodyPt: 14,
  firstLineIndentMm: 12.7,
  bodyRuleIndentMm: 22,
  mottoRuleIndentMm: 17,
  summaryRuleIndentMm: 60,
  targetColsMm: [12, 61, 34, 28, 30],
} as const;

export const TARGET_TABLE_HEADER = ['STT', 'Chỉ tiêu', 'Kế hoạch', 'Kết quả', 'Đánh giá'] as const;

export function targetTableRows(targets: TargetResult[]): string[][] {
  return targets.map((t, i) => [
    String(i + 1),
    t.name,
    t.targetText,
    t.valueYear !== null ? `${t.valueText} (năm ${t.valueYear})` : t.valueText,
    t.statusText,
  ]);
}

/** A task's lines in the body: its title, who leads, each unit's results, and where the instances stand. */
export function taskLines(t: Omit<TaskResult, 'lines'>): { kind: 'title' | 'text'; text: string }[] {
  const lines: { kind: 'title' | 'text'; text: string }[] = [{ kind: 'title', text: `${t.code}. ${t.title}` }];
  const parties = `Chủ trì: ${t.lead.join(', ')}${t.coordinating.length > 0 ? `; phối hợp: ${t.coordinating.join(', ')}` : ''}.`;
  lines.push({ kind: 'text', text: parties });
  if (t.instances.length === 0) {
    lines.push({ kind: 'text', text: 'Chưa giao nhiệm vụ cho đơn vị trong kỳ báo cáo.' });
    return lines;
  }
  const counts = TASK_STATUSES.map((s) => [TASK_STATUS_LABELS[s].vi, t.instances.filter((i) => i.status === s).length] as const).filter(
    ([, n]) => n > 0,
  );
  lines.push({
    kind: 'text',
    text:
      `Tiến độ: ${counts.map(([label, n]) => `${n} lượt ${label.toLowerCase()}`).join(', ')} (trên tổng số ${t.instances.length} ` +
      `lượt được giao).`,
  });
  for (const n of t.narrative) lines.push({ kind: 'text', text: `- ${n}` });
  if (t.narrative.length === 0) lines.push({ kind: 'text', text: '- Chưa có đơn vị báo cáo kết quả cụ thể.' });
  return lines;
}
