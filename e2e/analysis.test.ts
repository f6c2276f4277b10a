import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, apiRequest, type ApiSession } from './support/api.ts';
import { logIn } from './support/app.ts';
import { downloaded, firstSheet, mainNav, openPage, screenshot } from './support/browser.ts';
import { useAppUnderTest } from './support/server.ts';

const app = useAppUnderTest();

const suffix = Date.now() % 100_000;
/** Chị Lan, the labour office's statistician: a viewer of district 221. */
const ANALYST = {
  username: `lan.ldtbxh${suffix}`,
  password: 'mat-khau-chi-lan-1',
  role: 'viewer',
  org: '221',
  displayName: 'Trần Thị Lan',
};
const DISTRICT_TOTAL = 'Huyện Yên Dũng (tổng)';
let admin: ApiSession;

/** "1.234,5" → 1234.5 */
const vietnameseNumber = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));

beforeAll(async () => {
  admin = await apiLogin(app.server);
  const created = await apiRequest(app.server, admin, 'POST', '/api/users', ANALYST);
  expect(created.status, await created.clone().text()).toBe(201);
});

describe('data tables (pivot)', () => {
  it('lays out an indicator and a collected figure by commune and period, with the district total, and downloads it as Excel', async () => {
    const watched = await openPage(app.browser, { viewport: { width: 1366, height: 900 } });
    const { page } = watched;
    try {
      await logIn(page, app.server.baseUrl, ANALYST.username, ANALYST.password);
      await page.waitForURL((url) => url.pathname === '/');
      await mainNav(page).getByRole('link', { name: 'Bảng số liệu' }).click();
      await page.getByRole('heading', { name: 'Bảng số liệu', level: 2 }).waitFor();

      // The first indicator of the plan, the 18 communes and the district's total, the last five years.
      const table = page.getByTestId('pivot-table');
      const total = table.locator('tbody tr', { hasText: DISTRICT_TOTAL });
      await expect.poll(() => total.count()).toBe(1);
      expect(await table.locator('tbody tr[data-org]').count()).toBe(19);
      const thisYear = new Date().getFullYear();
      const headers = await table.locator('thead th').allTextContents();
      expect(headers).toEqual(['Đơn vị', ...[5, 4, 3, 2, 1].map((n) => String(thisYear - n))]);

      // The district's figure is the server's own indicator value, in the Vietnamese format.
      const indicator = (await table.locator('tbody tr').first().textContent())!.match(/· (I_[A-Z0-9_]+)/)![1]!;
      const year = String(thisYear - 1);
      const api = await apiRequest(app.server, admin, 'GET', `/api/analytics/indicators?indicator=${indicator}&org=221&period=${year}`);
      const [expected] = ((await api.json()) as { rows: { value: number | null }[] }).rows;
      const shown = (await total.locator('td').last().textContent())!;
      if (expected!.value === null) expect(shown).toBe('—');
      else expect(vietnameseNumber(shown)).toBeCloseTo(expected!.value, 1);

      // Add a collected figure: the labour force, whole numbers with grouped thousands.
      await page.locator('input').and(page.getByLabel('Số liệu gốc (chỉ tiêu thu thập)')).click();
      await page.getByRole('option', { name: 'Số người trong lực lượng lao động' }).click();
      await page.keyboard.press('Escape');
      await expect.poll(() => table.locator('tbody tr', { hasText: 'DE_LABOUR_FORCE' }).count()).toBe(1);
      await expect.poll(() => total.count()).toBe(2);
      const labourTotal = (await total.nth(1).locator('td').last().textContent())!;
      expect(labourTotal).toMatch(/^\d{1,3}(\.\d{3})+$/);
      await screenshot(page, 'analysis-1366.png');

      // By half-year: each year's two halves.
      await page.getByText('Theo 6 tháng').click();
      await expect.poll(async () => (await table.locator('thead th').allTextContents()).at(-1)).toBe(`${year}S2`);

      // The same table as an Excel file built by the server.
      const sheet = await firstSheet((await downloaded(page, () => page.getByRole('link', { name: 'Tải Excel (XLSX)' }).click())).bytes);
      expect(sheet.getRow(1).getCell(5).value).toBe(`${thisYear - 5}S1`);
      expect(sheet.rowCount).toBe(1 + 19 * 2);
      const labourRow = sheet
        .getRows(2, sheet.rowCount - 1)!
        .find((r) => r.getCell(1).value === 'DE_LABOUR_FORCE' && r.getCell(3).value === '221');
      expect(typeof labourRow!.getCell(4 + 10).value).toBe('number');
      expect(watched.unexpected()).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('fits a 360 px phone: the table scrolls inside its frame, not the page', async () => {
    const watched = await openPage(app.browser, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const { page } = watched;
    try {
      await logIn(page, app.server.baseUrl, ANALYST.username, ANALYST.password);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${app.server.baseUrl}/analysis?el=DE_LABOUR_FORCE&kind=half`);
      await expect.poll(() => page.getByTestId('pivot-table').locator('tbody tr', { hasText: DISTRICT_TOTAL }).count()).toBe(2);
      const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
      expect(width).toBeLessThanOrEqual(360);
      await screenshot(page, 'analysis-360.png');
      expect(watched.unexpected()).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
