import type { Lang } from '@vetplan/domain';
import { pick } from '../../i18n/useLang.ts';
import { cellKey, type GridRow } from './layout.ts';
import type { Cell, EntryElement, Violation } from './types.ts';
import { parseLocalNumber } from './validators.ts';

/**
 * Which cells a rule violation is about. The server names the rule and the
 * dimension values (`where`), not the rule's elements, so the screen learns
 * them: a saved cell's answer lists the violations of the rules its element
 * is in. For a violation seen before any save (opening a form that already
 * breaks a rule), the figures quoted in the message — "(2.315) … (2.210)" —
 * point to the elements whose totals they are.
 */
const STORAGE_KEY = 'vetplan.ruleElements';
const learned = new Map<string, Set<string>>(loadLearned());

function loadLearned(): [string, Set<string>][] {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}');
    if (typeof raw !== 'object' || raw === null) return [];
    return Object.entries(raw).flatMap(([rule, elements]): [string, Set<string>][] =>
      Array.isArray(elements) ? [[rule, new Set(elements.filter((e): e is string => typeof e === 'string'))]] : [],
    );
  } catch {
    return [];
  }
}

/** Remembers that the rules in a save's answer involve the saved element. */
export function learnRules(element: string, violations: readonly Violation[]): void {
  let changed = false;
  for (const v of violations) {
    const set = learned.get(v.rule) ?? new Set<string>();
    if (!set.has(element)) {
      set.add(element);
      learned.set(v.rule, set);
      changed = true;
    }
  }
  if (!changed) return;
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries([...learned].map(([r, s]) => [r, [...s]]))));
  } catch {
    // No storage: learnt for this visit only.
  }
}

/** The rules known to involve an element. */
export function rulesOf(element: string): Set<string> {
  return new Set([...learned].filter(([, elements]) => elements.has(element)).map(([rule]) => rule));
}

function quotedFigures(message: string): number[] {
  const out: number[] = [];
  for (const m of message.matchAll(/\((-?[\d.]+(?:,\d+)?)\)/g)) {
    const parsed = parseLocalNumber(m[1]!, 'vi');
    if (parsed.ok && parsed.value !== null) out.push(parsed.value);
  }
  return out;
}

function inSlice(disagg: string, where: Record<string, string>): boolean {
  for (const pair of disagg === '' ? [] : disagg.split(';')) {
    const [dim, value] = pair.split(':');
    if (dim !== undefined && dim in where && where[dim] !== value) return false;
  }
  return true;
}

/** The violations to show on each cell (keyed by `element|disagg`). */
export function violationsByCell(violations: readonly Violation[], rows: readonly GridRow[], cells: ReadonlyMap<string, Cell>): Map<string, Violation[]> {
  const out = new Map<string, Violation[]>();
  for (const v of violations) {
    const known = learned.get(v.rule);
    const figures = quotedFigures(v.message);
    for (const row of rows) {
      const slice = row.columns
        .filter((c) => inSlice(c.disagg, v.where))
        .flatMap((c) => {
          const cell = cells.get(cellKey(row.element.code, c.disagg));
          return cell ? [cell] : [];
        });
      if (slice.length === 0) continue;
      const total = slice.reduce((sum, c) => sum + c.value, 0);
      if (!known?.has(row.element.code) && !figures.includes(total)) continue;
      for (const cell of slice) {
        const key = cellKey(cell.element, cell.disagg);
        out.set(key, [...(out.get(key) ?? []), v]);
      }
    }
  }
  return out;
}

/** The message in the UI language, with "(sex:M)" written as "(Nam)". */
export function violationText(v: Violation, lang: Lang, elements: readonly EntryElement[]): string {
  const message = lang === 'en' ? v.messageEn : v.message;
  return message.replace(/\s*\(([A-Za-z_][\w-]*:[\w-]+(?:;[A-Za-z_][\w-]*:[\w-]+)*)\)\s*$/, (whole, pairs: string) => {
    const names = pairs.split(';').map((pair) => {
      const [dim, code] = pair.split(':');
      const value = elements.flatMap((e) => e.dimensions).find((d) => d.dimension === dim)?.values.find((x) => x.code === code);
      return value ? pick(lang, value.name, value.nameEn) : null;
    });
    return names.every((n) => n !== null) ? ` (${names.join(', ')})` : whole;
  });
}
