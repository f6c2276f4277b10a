import type { Lang } from '@vetplan/domain';
import { pick } from '../../i18n/useLang.ts';
import { cellKey, type GridRow } from './layout.ts';
import type { EntryElement, Violation } from './types.ts';

/**
 * Which cells a rule violation is about, as the server names them: the
 * cells of the left side's elements (the part that exceeds) in the
 * violation's slice (`where`, e.g. Nam) are marked red with the message; the
 * other elements the rule compares get a lighter mark, so the person sees
 * what the figure was compared with.
 */
export interface CellMarks {
  /** Violations whose left side holds this cell. */
  left: Violation[];
  /** Violations that compare this cell with a left side elsewhere. */
  related: Violation[];
}

/** Whether a cell ('level:TC;sex:M', '' for none) lies in a violation's slice ({ sex: 'M' }). */
export function inSlice(disagg: string, where: Readonly<Record<string, string>>): boolean {
  for (const pair of disagg === '' ? [] : disagg.split(';')) {
    const [dim, value] = pair.split(':');
    if (dim !== undefined && dim in where && where[dim] !== value) return false;
  }
  return true;
}

/** The marks to show on each cell (keyed by `element|disagg`). */
export function marksByCell(violations: readonly Violation[], rows: readonly GridRow[]): Map<string, CellMarks> {
  const out = new Map<string, CellMarks>();
  for (const v of violations) {
    for (const row of rows) {
      const code = row.element.code;
      if (!v.elements.includes(code)) continue;
      const kind = v.leftElements.includes(code) ? 'left' : 'related';
      for (const column of row.columns) {
        if (!inSlice(column.disagg, v.where)) continue;
        const key = cellKey(code, column.disagg);
        const marks = out.get(key) ?? { left: [], related: [] };
        marks[kind].push(v);
        out.set(key, marks);
      }
    }
  }
  return out;
}

/** The rules a save of this element may have fixed or broken: their violations are replaced by the save's answer. */
export function involves(v: Violation, element: string): boolean {
  return v.elements.includes(element);
}

function dimensionValueName(elements: readonly EntryElement[], dim: string, code: string, lang: Lang): string | null {
  const value = elements
    .flatMap((e) => e.dimensions)
    .find((d) => d.dimension === dim)
    ?.values.find((x) => x.code === code);
  return value ? pick(lang, value.name, value.nameEn) : null;
}

/** The message in the UI language, with the slice "(sex:M)" written as "(Nam)". */
export function violationText(v: Violation, lang: Lang, elements: readonly EntryElement[]): string {
  const message = lang === 'en' ? v.messageEn : v.message;
  const pairs = Object.entries(v.where);
  if (pairs.length === 0) return message;
  // The server appends the slice as " (sex:M)" or " (level:TC, sex:M)".
  const suffix = ` (${pairs.map(([d, c]) => `${d}:${c}`).join(', ')})`;
  const names = pairs.map(([d, c]) => dimensionValueName(elements, d, c, lang));
  if (!message.endsWith(suffix) || names.some((n) => n === null)) return message;
  return `${message.slice(0, -suffix.length)} (${names.join(', ')})`;
}

/** The names of a violation's left-side elements, for the lighter mark ("compared with …"). */
export function leftNames(v: Violation, lang: Lang, elements: readonly EntryElement[]): string {
  return v.leftElements
    .map((code) => {
      const element = elements.find((e) => e.code === code);
      return element ? pick(lang, element.name, element.nameEn) : code;
    })
    .join(', ');
}
