import type { Locator, Page } from 'playwright-core';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A figure's input on the data-entry grid, by its row's label (the element's name) and its column (e.g. "Nam"). */
export function cell(page: Page, element: string, column: string): Locator {
  return page.getByRole('textbox', { name: new RegExp(`^${escapeRegExp(element)}.* – ${escapeRegExp(column)}$`) });
}

/** The box around a cell's input, which carries its save state (`data-state`) and its messages. */
export function cellBox(input: Locator): Locator {
  return input.locator('xpath=ancestor::*[@data-cell][1]');
}
