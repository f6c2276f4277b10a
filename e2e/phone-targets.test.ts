import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn } from './support/app.ts';
import { PHONE, screenshot, withPage } from './support/browser.ts';
import { useAppUnderTest } from './support/server.ts';

const app = useAppUnderTest();

/** The pages an administrator opens on a phone, each with something that says it has drawn. */
const PAGES: [string, string][] = [
  ['/', 'h1'],
  ['/dashboard', '[data-testid="target-cards"] article'],
  ['/dashboard/indicator?code=I_LABOUR_TRAINED_CERT', 'table'],
  ['/dashboard/commune?org=07681', 'h1'],
  ['/plan', 'h1'],
  ['/analysis', '[data-testid="pivot-table"]'],
  ['/completeness', 'h1'],
  ['/data-entry', 'h1'],
  ['/tasks', 'h1'],
  ['/evaluation', 'h1'],
  ['/reports', 'h1'],
  ['/users', '[data-testid="users-table"]'],
  ['/inbox', 'h1'],
  ['/password', 'h1'],
];

interface Small {
  text: string;
  width: number;
  height: number;
}

/**
 * Controls a finger must hit (buttons, links that are not inside running text, inputs, checkboxes'
 * labels) smaller than 44 × 44 CSS px in both directions: WCAG 2.5.5's target size, which users.md's
 * officers on their phones need.
 */
async function smallTargets(page: Page): Promise<Small[]> {
  return page.evaluate(() => {
    const found: { text: string; width: number; height: number }[] = [];
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>(
        'button, [role="button"], a[href], input:not([type="hidden"]), select, textarea, [role="radio"], [role="tab"], [role="switch"], [role="checkbox"]',
      ),
    );
    for (const el of controls) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      // A native checkbox or switch hidden under its styled label: the control's row is the target; a text
      // input inside Mantine's bordered box (a password's, a multi-select's): the box is.
      const toggle = el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type);
      const target = toggle
        ? ((el.closest('.mantine-Switch-root, .mantine-Checkbox-root, .mantine-Radio-root') as HTMLElement | null) ??
          (el.closest('label') as HTMLElement | null) ??
          el)
        : ((el.closest(
            '.mantine-Input-input, .mantine-PillsInput-input, .mantine-MultiSelect-input, .mantine-InputBase-input',
          ) as HTMLElement | null) ?? el);
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // Links inside a sentence are exempt (WCAG 2.5.8's inline exception).
      if (el.tagName === 'A' && el.closest('p, li, td') && !el.closest('nav')) continue;
      // Anything under an opaque layer the finger cannot reach (behind a closed drawer) is skipped.
      if (el.closest('[aria-hidden="true"], [inert]')) continue;
      if (box.width < 44 || box.height < 44) {
        found.push({
          text: (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim().slice(0, 40),
          width: Math.round(box.width),
          height: Math.round(box.height),
        });
      }
    }
    return found;
  });
}

/**
 * Tables wider than the phone: the headings of columns that start beyond its right edge, unless the
 * table keeps its key column (the first) in view as it scrolls sideways (position: sticky).
 */
async function hiddenColumns(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hidden: string[] = [];
    for (const table of Array.from(document.querySelectorAll('table'))) {
      const first = table.querySelector('th');
      if (first && getComputedStyle(first).position === 'sticky') continue;
      for (const th of Array.from(table.querySelectorAll('thead th'))) {
        if (th.getBoundingClientRect().right > window.innerWidth + 1) hidden.push((th.textContent ?? '').trim() || '(no heading)');
      }
    }
    return hidden;
  });
}

describe('on a 360 px phone', () => {
  it('every control on the main pages is at least 44 px in both directions, no page scrolls sideways, and no table hides a column off the screen', async () => {
    await withPage(app.browser, PHONE, async ({ page }) => {
      await logIn(page, app.server.baseUrl, 'admin', app.server.adminPassword);
      await page.waitForURL((url) => url.pathname === '/');
      const problems: string[] = [];
      for (const [path, ready] of PAGES) {
        await page.goto(`${app.server.baseUrl}${path}`);
        await page.locator(ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        for (const s of await smallTargets(page)) problems.push(`${path}: "${s.text}" ${s.width}×${s.height}`);
        for (const column of await hiddenColumns(page)) problems.push(`${path}: the column "${column}" is off the screen`);
        const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
        if (width > 360) problems.push(`${path}: the page is ${width} px wide`);
        await screenshot(page, `phone${path.replace(/\//g, '-') || '-home'}-360.png`);
      }
      expect(problems).toEqual([]);
    });
  });
});
