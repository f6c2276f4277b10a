import fs from 'node:fs';
import type { Page } from 'playwright-core';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUserAsAdmin } from './support/api.ts';
import { logIn } from './support/app.ts';
import { DESKTOP, openPage, PHONE, screenshot, withPage as withPageOn, type WatchedPage } from './support/browser.ts';
import { useAppUnderTest } from './support/server.ts';

const app = useAppUnderTest();
const suffix = Date.now() % 100_000;
/** Chị Lan: plan manager at the district labour office, who consolidates the report. */
const MANAGER = {
  username: `lan.ldtbxh${suffix}`,
  password: 'mat-khau-chi-lan-1',
  role: 'plan_manager',
  org: '221',
  displayName: 'Trần Thị Lan',
};

beforeAll(() => createUserAsAdmin(app.server, MANAGER));

const withPage = (options: Parameters<typeof openPage>[1], scenario: (watched: WatchedPage) => Promise<void>) =>
  withPageOn(app.browser, options ?? {}, scenario);

async function openReports(page: Page): Promise<void> {
  await logIn(page, app.server.baseUrl, MANAGER.username, MANAGER.password);
  await page.waitForURL((url) => url.pathname === '/');
  await page.goto(`${app.server.baseUrl}/reports`);
  await page.getByRole('heading', { name: 'Báo cáo thực hiện Kế hoạch', level: 1 }).waitFor();
  await page.getByRole('combobox', { name: 'Kỳ báo cáo' }).click();
  await page.getByRole('option', { name: 'Năm 2025', exact: true }).click();
  await page.getByTestId('report-preview').getByText('Độc lập - Tự do - Hạnh phúc').waitFor();
}

describe('reports page', () => {
  it('previews the 2025 report, keeps an edited section, exports the Word file and lists it with who and when', async () => {
    await withPage(DESKTOP, async ({ page }) => {
      await openReports(page);
      const preview = page.getByTestId('report-preview');
      await preview
        .getByText('Kết quả năm 2025 thực hiện Kế hoạch số …/KH-UBND tháng 10/2023 của UBND huyện Yên Dũng', { exact: true })
        .waitFor();
      expect(await preview.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
      expect(await preview.locator('tbody tr').first().textContent()).toMatch(/\d+,\d% \(năm 2025\)/);

      await screenshot(page, 'reports-preview.png', false);
      await page.getByRole('tab', { name: 'Sửa dự thảo' }).click();
      const general = page.getByLabel('I. Tình hình chung');
      await general.fill('Huyện đã quán triệt Kế hoạch đến 18 xã, thị trấn.\nCác phòng, ban đã xây dựng kế hoạch riêng.');
      await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
      await page.getByText('Dự thảo lần 1').waitFor();
      await page.getByRole('tab', { name: 'Xem trước' }).click();
      await preview.getByText('Các phòng, ban đã xây dựng kế hoạch riêng.').waitFor();
      await preview.getByText('(đã sửa)').waitFor();

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Word (DOCX)' }).click()]);
      expect(download.suggestedFilename()).toBe('Báo cáo năm 2025 - UBND huyện Yên Dũng.docx');
      const xml = await (await JSZip.loadAsync(fs.readFileSync(await download.path()))).file('word/document.xml')!.async('string');
      expect(xml).toContain('Huyện đã quán triệt Kế hoạch đến 18 xã, thị trấn.');

      await page.getByRole('tab', { name: 'Báo cáo đã xuất' }).click();
      const row = page.getByTestId('report-exports').locator('tbody tr').first();
      await row.getByText(MANAGER.username).waitFor();
      expect(await row.textContent()).toContain('Báo cáo năm 2025 - UBND huyện Yên Dũng.docx');
    });
  });

  it('fits a 360 px phone', async () => {
    await withPage(PHONE, async ({ page }) => {
      await openReports(page);
      await screenshot(page, 'reports-phone.png', false);
      const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
      expect(width).toBeLessThanOrEqual(360);
    });
  });
});
