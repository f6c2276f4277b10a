import { formatNumber } from '@vetplan/domain';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, apiRequest, createUserAsAdmin } from './support/api.ts';
import { logIn } from './support/app.ts';
import { DESKTOP, openPage, PHONE, screenshot, withPage as withPageOn, type WatchedPage } from './support/browser.ts';
import { cell, cellBox } from './support/grid.ts';
import { E2E_TODAY, useAppUnderTest } from './support/server.ts';

// Issue 14, items 3, 6, 7 and 9 as a new office meets them: the annual form's last year, the administrator's
// report, the scorecard that adds up, and going live.
const app = useAppUnderTest({}, { today: E2E_TODAY });
const OFFICER = {
  username: `tuan.tumai${Date.now() % 100_000}`,
  password: 'mat-khau-anh-tuan-1',
  role: 'unit_officer',
  org: '07741',
  displayName: 'Nguyễn Văn Tuấn',
};
const RETRAINED = 'Số lao động được đào tạo lại, đào tạo thường xuyên trong năm';

beforeAll(() => createUserAsAdmin(app.server, OFFICER));

const withPage = (options: Parameters<typeof openPage>[1], scenario: (watched: WatchedPage) => Promise<void>) =>
  withPageOn(app.browser, options ?? {}, scenario);
const asAdmin = (page: Page) => logIn(page, app.server.baseUrl, 'admin', app.server.adminPassword);

/** The commune's 2025 figure of a `sum` element: its two half-years added. */
async function retrained2025(): Promise<number> {
  const admin = await apiLogin(app.server);
  const res = await apiRequest(app.server, admin, 'GET', '/api/data-values?element=DE_LABOUR_RETRAINED&org=07741&period=2025S1,2025S2');
  const rows = ((await res.json()) as { rows: { disagg: string; value: number }[] }).rows.filter((r) => r.disagg === 'sex:M');
  expect(rows).toHaveLength(2);
  return rows.reduce((a, r) => a + r.value, 0);
}

describe('a new office’s first days', () => {
  it('shows last year’s figures on the annual form, formed from the half-years (1366 and 360 px)', async () => {
    const expected = `Kỳ trước: ${formatNumber(await retrained2025())}`;
    for (const options of [DESKTOP, PHONE]) {
      await withPage(options, async ({ page }) => {
        await logIn(page, app.server.baseUrl, OFFICER.username, OFFICER.password);
        await page.waitForURL((url) => url.pathname !== '/login');
        await page.goto(`${app.server.baseUrl}/data-entry?form=F_COMMUNE_GDNN_Y&org=07741&period=2026`);
        await page.getByText('Số nhỏ màu xám dưới mỗi ô là số liệu kỳ trước (năm 2025).', { exact: false }).first().waitFor();
        await cellBox(cell(page, RETRAINED, 'Nam'))
          .getByText(expected)
          .waitFor();
        await screenshot(page, `annual-form-previous-${options === PHONE ? 360 : 1366}.png`, false);
      });
    }
  });

  it('opens the administrator’s report on the plan’s district, with its tasks, not on Việt Nam', async () => {
    await withPage(DESKTOP, async ({ page }) => {
      await asAdmin(page);
      await page.waitForURL((url) => url.pathname !== '/login');
      await page.goto(`${app.server.baseUrl}/reports`);
      const preview = page.getByTestId('report-preview');
      await preview.getByText('Độc lập - Tự do - Hạnh phúc').waitFor();
      expect(await page.getByRole('combobox', { name: 'Đơn vị báo cáo' }).inputValue()).toContain('Yên Dũng');
      // The district's People's Committee reports, not "VIỆT NAM / Số: /BC-VN" (the motto names the country, as every report's does).
      const text = (await preview.textContent()) ?? '';
      expect(text.startsWith('ỦY BAN NHÂN DÂNHUYỆN YÊN DŨNGSố:'), text.slice(0, 80)).toBe(true);
      expect(text).toContain('/BC-UBND');
      expect(text).not.toContain('/BC-VN');
      await screenshot(page, 'reports-admin-default-1366.png', false);
    });
  });

  it('writes the score as weights × part scores whose sum is rounded once (1366 and 360 px)', async () => {
    for (const options of [DESKTOP, PHONE]) {
      await withPage(options, async ({ page }) => {
        await asAdmin(page);
        await page.waitForURL((url) => url.pathname !== '/login');
        await page.goto(`${app.server.baseUrl}/evaluation?org=07741&year=2025`);
        await page.getByTestId('scorecard').waitFor({ timeout: 120_000 });
        const formula = (await page.getByTestId('score-formula').textContent()) ?? '';
        const total = (await page.getByTestId('score-total').textContent()) ?? '';
        // "Điểm = 50% × 0,0 (…) + … = 0 + … = 30,83; làm tròn: 30,8"
        const shares = [...formula.matchAll(/(\d+(?:,\d+)?)% ×/g)].map((m) => Number(m[1]!.replace(',', '.')));
        expect(Math.round(shares.reduce((a, s) => a + s, 0) * 100)).toBe(10_000);
        expect(formula.endsWith(`làm tròn: ${total}`), formula).toBe(true);
        await page.getByText('tổng chỉ làm tròn ở bước cuối').waitFor();
        if (options === PHONE) expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(360);
        await screenshot(page, `evaluation-adds-up-${options === PHONE ? 360 : 1366}.png`, false);
      });
    }
  });

  it('goes live from the users page after a confirmation, and a second time finds nothing to remove (1366 and 360 px)', async () => {
    await withPage(PHONE, async ({ page }) => {
      await asAdmin(page);
      await page.waitForURL((url) => url.pathname !== '/login');
      await page.goto(`${app.server.baseUrl}/users`);
      const panel = page.getByTestId('demo-removal');
      await panel.getByRole('button', { name: 'Xóa số liệu mẫu' }).click();
      const dialog = page.getByRole('dialog', { name: 'Xóa số liệu mẫu?' });
      // A trial click waits until the dialog has finished appearing.
      await dialog.getByRole('button', { name: 'Xóa số liệu mẫu' }).click({ trial: true });
      await screenshot(page, 'demo-removal-confirm-360.png', false);
      await dialog.getByRole('button', { name: 'Xóa số liệu mẫu' }).click();
      await panel
        .getByTestId('demo-removal-result')
        .getByText(/^Đã xóa số liệu mẫu: \d+ giá trị/)
        .waitFor();
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(360);
    });
    await withPage(DESKTOP, async ({ page }) => {
      await asAdmin(page);
      await page.waitForURL((url) => url.pathname !== '/login');
      await page.goto(`${app.server.baseUrl}/users`);
      const panel = page.getByTestId('demo-removal');
      await panel.getByRole('button', { name: 'Xóa số liệu mẫu' }).click();
      await page.getByRole('dialog', { name: 'Xóa số liệu mẫu?' }).getByRole('button', { name: 'Xóa số liệu mẫu' }).click();
      await panel
        .getByTestId('demo-removal-result')
        .getByText(/^Không có số liệu mẫu nào để xóa\./)
        .waitFor();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, 'demo-removal-1366.png', false);
    });
    const admin = await apiLogin(app.server);
    const left = await apiRequest(app.server, admin, 'GET', '/api/data-values?org=07741&period=2025S1');
    expect(((await left.json()) as { rows: unknown[] }).rows).toEqual([]);
  });
});
