import { formatNumber } from '@vetplan/domain';
import { lowerFirst } from './heading.ts';
import type { NarrativeKey, NarrativeSection, TargetResult, TaskGroupResult, TaskInstanceResult } from './model.ts';

interface Instance {
  task: string;
  difficulties: string;
  proposals: string;
  result: TaskInstanceResult;
}

export interface NarrativeInput {
  label: string;
  nextLabel: string;
  targets: TargetResult[];
  instances: Instance[];
  groups: TaskGroupResult[];
}

const n = (x: number) => formatNumber(x);
const LAGGING = new Set(['off_track', 'not_met', 'at_risk']);

/** Each unit's own words, once per distinct text, prefixed with the unit's name. */
function merged(instances: Instance[], pick: (i: Instance) => string): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const i of instances) {
    const text = pick(i).trim();
    const key = `${i.result.orgName}|${text}`;
    if (text && !seen.has(key)) {
      seen.add(key);
      lines.push(`${i.result.orgName}: ${text}`);
    }
  }
  return lines;
}

/**
 * The narrative sections as the figures and the units' progress reports
 * write them; a user's draft may replace each one before export.
 */
export function computedNarratives(input: NarrativeInput): Record<NarrativeKey, string[]> {
  const { instances, targets } = input;
  const count = (pred: (i: Instance) => boolean) => instances.filter(pred).length;
  const agencies = new Set(instances.map((i) => i.result.org)).size;
  const reported = count((i) => i.result.percent !== null);
  const doneOnTime = count((i) => i.result.status === 'done_on_time');
  const doneLate = count((i) => i.result.status === 'done_late');
  const inProgress = count((i) => i.result.status === 'in_progress');
  const overdue = count((i) => i.result.status === 'overdue');
  const notStarted = count((i) => i.result.status === 'not_started');
  const byStatus = (s: string[]) => targets.filter((t) => s.includes(t.status)).length;

  const general =
    instances.length === 0
      ? [`Trong ${input.label}, chưa có nhiệm vụ nào của Kế hoạch được giao cho cơ quan, đơn vị trên hệ thống.`]
      : [
          `Trong ${input.label}, ${n(agencies)} cơ quan, đơn vị được giao thực hiện ${n(instances.length)} lượt nhiệm vụ của Kế ` +
            `hoạch; ${n(reported)} lượt đã có báo cáo tiến độ.`,
          `Kết quả: ${n(doneOnTime + doneLate)} lượt nhiệm vụ đã hoàn thành (${n(doneLate)} lượt hoàn thành chậm so với thời hạn), ` +
            `${n(inProgress)} lượt đang thực hiện, ${n(overdue)} lượt quá hạn chưa hoàn thành, ${n(notStarted)} lượt chưa thực hiện.`,
        ];
  general.push(
    `Về các chỉ tiêu của Kế hoạch: ${n(byStatus(['met', 'on_track']))} chỉ tiêu đạt hoặc đúng tiến độ, ` +
      `${n(byStatus(['at_risk']))} chỉ tiêu có nguy cơ chậm, ${n(byStatus(['off_track', 'not_met']))} chỉ tiêu chậm tiến độ hoặc ` +
      `không đạt, ${n(byStatus(['no_data']))} chỉ tiêu chưa có số liệu.`,
  );

  const lagging = targets.filter((t) => LAGGING.has(t.status));
  const difficulties = [
    ...lagging.map(
      (t) =>
        `Chỉ tiêu "${t.name}" ${lowerFirst(t.statusText)}: ` +
        `${t.valueYear !== null ? `năm ${t.valueYear} đạt ${t.valueText}` : 'chưa có số liệu'}, chỉ tiêu ${t.targetText}.`,
    ),
    ...(overdue > 0 ? [`Còn ${n(overdue)} lượt nhiệm vụ quá hạn chưa hoàn thành.`] : []),
    ...merged(instances, (i) => i.difficulties),
  ];
  const proposals = merged(instances, (i) => i.proposals);

  const unfinished = input.groups.flatMap((g) =>
    g.tasks.filter((t) => t.instances.some((i) => i.status !== 'done_on_time' && i.status !== 'done_late')),
  );
  const nextTasks = [
    ...lagging.map((t) => `Tập trung các giải pháp để đạt chỉ tiêu "${t.name}": ${t.targetText}.`),
    ...unfinished.map((t) => `Tiếp tục thực hiện nhiệm vụ ${t.code}: ${lowerFirst(t.title)}.`),
    'Các cơ quan, đơn vị tiếp tục triển khai đồng bộ các nhiệm vụ, giải pháp của Kế hoạch; ' +
      'báo cáo kết quả thực hiện đúng thời hạn theo quy định của Kế hoạch.',
  ];
  return {
    general,
    difficulties: difficulties.length > 0 ? difficulties : ['Trong kỳ, các cơ quan, đơn vị chưa báo cáo khó khăn, vướng mắc.'],
    proposals: proposals.length > 0 ? proposals : ['Trong kỳ, các cơ quan, đơn vị chưa có đề xuất, kiến nghị.'],
    nextTasks,
  };
}

/** A section with the user's paragraphs when a draft holds some, else the computed ones. */
export function narrativeSection(heading: string, computed: string[], written: string[] | undefined): NarrativeSection {
  const own = (written ?? []).map((p) => p.trim()).filter(Boolean);
  return own.length > 0
    ? { heading, paragraphs: own, source: 'draft', computed }
    : { heading, paragraphs: computed, source: 'computed', computed };
}
