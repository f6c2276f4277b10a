import { describe, expect, it } from 'vitest';
import { logIn, waitForOverview } from './support/app.ts';
import { openPage, screenshot, type WatchedPage } from './support/browser.ts';
import { useAppUnderTest } from './support/server.ts';

const app = useAppUnderTest();

/** Runs a scenario on a fresh page and fails on any console error or warning it did not expect. */
async function withPage(
  options: Parameters<typeof openPage>[1],
  scenario: (watched: WatchedPage) => Promise<void>,
  expectedFailures: { status: number; path: string }[] = [],
): Promise<void> {
  const watched = await openPage(app.browser, options);
  try {
    await scenario(watched);
    expect(watched.unexpected(expectedFailures)).toEqual([]);
  } finally {
    await watched.close();
  }
}

const DESKTOP = { viewport: { width: 1366, height: 900 } };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe('plan overview', () => {
  it('shows the Vietnamese error for a wrong password', async () => {
    await withPage(
      DESKTOP,
      async ({ page }) => {
        await logIn(page, app.server.baseUrl, 'admin', 'not-the-password');
        const alert = page.getByRole('alert');
        await expect.poll(() => alert.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
        expect(page.url()).toMatch(/\/login$/);
      },
      // Chromium logs the expected 401 answer of the login request itself.
      [{ status: 401, path: '/api/auth/login' }],
    );
  });

  it('shows the plan in Vietnamese: heading, cascade, targets by horizon and tasks with lead agencies', async () => {
    await withPage(DESKTOP, async ({ page }) => {
      await logIn(page, app.server.baseUrl, 'admin', app.server.adminPassword);
      await page.waitForURL((url) => url.pathname === '/');
      await waitForOverview(page);
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');

      const heading = page.getByTestId('plan-heading');
      await expect.poll(() => heading.textContent()).toContain('Số: …/KH-UBND');
      expect(await heading.textContent()).toContain('Yên Dũng, tháng 10 năm 2023');
      expect(await heading.textContent()).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

      const cascade = await page.getByTestId('basis-cascade').textContent();
      for (const number of ['21-CT/TW', '89-KH/TU', '41/KH-UBND']) expect(cascade).toContain(number);
      expect(cascade!.indexOf('21-CT/TW')).toBeLessThan(cascade!.indexOf('89-KH/TU'));
      expect(cascade!.indexOf('89-KH/TU')).toBeLessThan(cascade!.indexOf('41/KH-UBND'));
      expect(cascade).toContain('04/05/2023');

      await page.getByRole('heading', { name: '1. Mục tiêu chung' }).waitFor();
      const table = page.getByTestId('targets-table');
      const headers = await table.locator('thead th').allTextContents();
      expect(headers).toEqual(expect.arrayContaining(['Đến năm 2025', 'Đến năm 2030', 'Đến năm 2045']));
      const cells = await table.locator('tbody td').allTextContents();
      expect(cells).toContain('trên 40%');
      expect(cells).toContain('đạt 36%');
      expect(cells).toContain('khoảng 05 cơ sở');
      expect(cells).toContain('—');

      const task = page.getByTestId('task-T3.2');
      await expect.poll(() => task.textContent()).toContain('Đơn vị chủ trì');
      await task.getByRole('button', { name: 'Xem nội dung' }).click();
      await task.getByText('Phòng Giáo dục và Đào tạo', { exact: false }).first().waitFor();
      const t21 = await page.getByTestId('task-T2.1').textContent();
      expect(t21).toContain('Đơn vị phối hợp');
      expect(t21).toContain('UBND các xã, thị trấn');

      await screenshot(page, 'plan-overview-1366.png');

      await page.getByLabel('Tìm địa bàn, cơ quan, đơn vị').fill('tu mai');
      const tree = page.getByTestId('area-tree');
      await expect.poll(() => tree.getByText('Xã Đồng Việt').count()).toBe(0);
      expect(await tree.getByText('Xã Tư Mại', { exact: true }).isVisible()).toBe(true);
    });
  });

  it('switches to English and keeps the choice', async () => {
    await withPage(DESKTOP, async ({ page }) => {
      await logIn(page, app.server.baseUrl, 'admin', app.server.adminPassword);
      await waitForOverview(page);
      await page.getByText('EN', { exact: true }).click();
      await page.getByRole('heading', { name: 'PLAN', exact: true }).waitFor();
      await page.getByRole('heading', { name: 'II. Objectives' }).waitFor();
      await page.getByRole('heading', { name: 'III. Main tasks and solutions' }).waitFor();
      const headers = await page.getByTestId('targets-table').locator('thead th').allTextContents();
      expect(headers).toEqual(expect.arrayContaining(['By 2025', 'By 2030', 'By 2045']));
      expect(await page.getByTestId('targets-table').locator('tbody td').allTextContents()).toContain('above 40%');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.getByRole('banner').getByRole('button', { name: 'Log out' }).waitFor();

      await page.reload();
      await page.getByRole('heading', { name: 'II. Objectives' }).waitFor();
      await screenshot(page, 'plan-overview-1366-en.png');
    });
  });

  it('fits a 360 px phone: no sideways page scroll, targets visible', async () => {
    await withPage(PHONE, async ({ page }) => {
      await logIn(page, app.server.baseUrl, 'admin', app.server.adminPassword);
      await waitForOverview(page);
      const cards = page.getByTestId('targets-cards');
      await cards.waitFor();
      await cards.getByText('trên 40%').first().scrollIntoViewIfNeeded();
      expect(await cards.getByText('trên 40%').first().isVisible()).toBe(true);
      expect(await cards.getByText('khoảng 05 cơ sở').first().isVisible()).toBe(true);

      const widths = await page.evaluate(() => ({
        scroll: document.scrollingElement?.scrollWidth ?? 0,
        client: document.documentElement.clientWidth,
      }));
      expect(widths.scroll).toBeLessThanOrEqual(360);
      await screenshot(page, 'plan-overview-360.png');
      await page.locator('#muc-tieu').scrollIntoViewIfNeeded();
      await screenshot(page, 'targets-360.png', false);

      await page.getByRole('button', { name: 'Mở hoặc đóng menu' }).click();
      await page.getByRole('button', { name: 'Đăng xuất' }).last().waitFor();
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(360);
      await screenshot(page, 'menu-360.png', false);
    });
  });
});
