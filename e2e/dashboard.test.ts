import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUserAsAdmin } from './support/api.ts';
import { logIn } from './support/app.ts';
import {
  DESKTOP,
  downloaded,
  firstSheet,
  mainNav,
  openPage,
  PHONE,
  screenshot,
  withPage as withPageOn,
  type WatchedPage,
} from './support/browser.ts';
import { useAppUnderTest } from './support/server.ts';

const app = useAppUnderTest();

const suffix = Date.now() % 100_000;
/** Ông Hưng: vice-chairman of the district, a viewer of district 221. */
const LEADER = {
  username: `hung.ubnd${suffix}`,
  password: 'mat-khau-ong-hung-1',
  role: 'viewer',
  org: '221',
  displayName: 'Nguyễn Văn Hưng',
};

const TRAINED = 'Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ';
const STATUS_WORDS = ['Đạt', 'Không đạt', 'Đúng tiến độ', 'Có nguy cơ chậm', 'Chậm tiến độ', 'Chưa có số liệu'];

beforeAll(() => createUserAsAdmin(app.server, LEADER));

const withPage = (options: Parameters<typeof openPage>[1], scenario: (watched: WatchedPage) => Promise<void>) =>
  withPageOn(app.browser, options ?? {}, scenario);

/** "32,0%" → 32 */
function percent(text: string | null): number {
  return Number((text ?? '').replace('%', '').replace(/\./g, '').replace(',', '.').trim());
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  expect(width).toBeLessThanOrEqual(360);
}

async function openOverview(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Tổng quan chỉ tiêu', level: 1 }).waitFor();
  await page.getByTestId('target-cards').locator('article').first().waitFor();
}

describe('targets dashboard', () => {
  it('shows the district leader the targets, one indicator with its chart and communes, and a commune beside the district', async () => {
    await withPage(DESKTOP, async ({ page }) => {
      await logIn(page, app.server.baseUrl, LEADER.username, LEADER.password);
      await page.waitForURL((url) => url.pathname === '/');
      await mainNav(page).getByRole('link', { name: 'Tổng quan chỉ tiêu' }).click();
      await openOverview(page);
      expect(await page.getByText('Huyện Yên Dũng').first().textContent()).toContain('số liệu đến năm 2025');

      // One card per target of the open horizon, each with its status word, projection and reporting.
      const cards = page.getByTestId('target-cards').locator('article');
      const count = await cards.count();
      expect(count).toBeGreaterThanOrEqual(3);
      const horizons = page.getByRole('radiogroup', { name: 'Chỉ tiêu đến năm' });
      const horizon = await horizons.getByRole('radio', { checked: true }).getAttribute('value');
      for (const text of await cards.allTextContents()) {
        expect(
          STATUS_WORDS.some((word) => text.includes(word)),
          text,
        ).toBe(true);
        expect(text).toContain(`Chỉ tiêu đến năm ${horizon}:`);
        expect(text).toMatch(/\d+\/\d+ xã báo cáo|Đã báo cáo/);
      }
      const trained = page.getByTestId('target-card-I_LABOUR_TRAINED_CERT');
      expect(await trained.textContent()).toMatch(new RegExp(`Dự báo ${horizon}: \\d+,\\d%`));
      expect(await trained.textContent()).toContain('18/18 xã báo cáo');
      expect(await trained.textContent()).toMatch(/Mỗi năm cần tăng \d+,\d điểm %/);
      await screenshot(page, 'dashboard-overview-1366.png');

      const csv = await downloaded(page, () => page.getByRole('button', { name: 'Tải CSV' }).click());
      expect(csv.download.suggestedFilename()).toBe(`chi-tieu-221-${horizon}.csv`);
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.bytes.toString('utf8')).toContain(TRAINED);
      const xlsx = await downloaded(page, () => page.getByRole('button', { name: 'Tải Excel (XLSX)' }).click());
      expect(xlsx.download.suggestedFilename()).toBe(`chi-tieu-221-${horizon}.xlsx`);
      const sheet = await firstSheet(xlsx.bytes);
      expect(sheet.name).toBe(`Chỉ tiêu ${horizon}`);
      const trainedRow = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === TRAINED);
      expect(trainedRow, 'the XLSX has the trained-labour target row').toBeDefined();
      expect(typeof trainedRow!.getCell(4).value, 'values are numbers in the workbook').toBe('number');

      // The settled 2025 targets: final words, no projection.
      await horizons.getByText('2025', { exact: true }).click();
      await expect.poll(() => horizons.getByRole('radio', { checked: true }).getAttribute('value')).toBe('2025');
      for (const text of await cards.allTextContents()) expect(text).toMatch(/Đạt|Không đạt/);
      expect(await page.getByTestId('target-cards').textContent()).not.toContain('Dự báo');
      await horizons.getByText(horizon!, { exact: true }).click();
      await expect.poll(() => page.getByTestId('target-cards').textContent()).toContain('Dự báo');

      // Ông Hưng taps the trained-labour card.
      await trained.getByRole('link', { name: TRAINED }).click();
      await page.waitForURL((url) => url.pathname === '/dashboard/indicator' && url.searchParams.get('code') === 'I_LABOUR_TRAINED_CERT');
      await page.getByRole('heading', { name: TRAINED, level: 1 }).waitFor();
      expect(await mainNav(page).getByRole('link', { name: 'Tổng quan chỉ tiêu' }).getAttribute('aria-current')).toBe('page');
      const sentence = await page.getByTestId('indicator-sentence').textContent();
      expect(sentence).toMatch(
        new RegExp(
          `^Năm 2025: \\d+,\\d%, chỉ tiêu đến năm ${horizon}: (trên|đạt) \\d+%\\. Theo đà hiện nay, năm ${horizon} sẽ đạt \\d+,\\d%\\.$`,
        ),
      );
      const chart = page.getByTestId('indicator-chart');
      await chart.locator('canvas').waitFor();
      await expect.poll(() => chart.getAttribute('data-drawn')).toBe('true');

      const table = page.getByTestId('commune-table');
      const rows = table.locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(18);
      // Furthest behind first: the values rise down the table.
      const values = (await rows.locator('td:nth-child(2)').allTextContents()).map(percent);
      expect(values).toEqual([...values].sort((a, b) => a - b));
      expect(await rows.first().locator('td:nth-child(3)').textContent()).toBe('18');
      await screenshot(page, 'dashboard-indicator-1366.png');

      const png = await downloaded(page, () => page.getByRole('button', { name: 'Tải ảnh (PNG)' }).click());
      expect(png.download.suggestedFilename()).toBe(`I_LABOUR_TRAINED_CERT-221-${horizon}.png`);
      expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');

      // Sorting by name puts Thị trấn Nham Biền after the communes starting with "Đ" (Vietnamese order).
      await table.getByRole('button', { name: 'Sắp xếp theo Xã, thị trấn' }).click();
      const names = await rows.locator('td:first-child').allTextContents();
      expect(names.indexOf('Xã Đồng Phúc')).toBeLessThan(names.indexOf('Xã Tư Mại'));
      await table.getByRole('button', { name: 'Sắp xếp theo Xếp hạng' }).click();

      // Drill down to the commune furthest behind.
      const behind = (await rows.first().locator('td:first-child').textContent())!;
      await rows.first().getByRole('link', { name: behind }).click();
      await expect.poll(() => page.getByTestId('unit-name').textContent()).toBe(behind);
      const commune = new URL(page.url()).searchParams.get('org')!;
      expect(commune).toMatch(/^\d{5}$/);
      const trail = page.getByRole('navigation', { name: 'Vị trí trang' });
      expect(await trail.textContent()).toContain('Huyện Yên Dũng');
      expect(await trail.textContent()).toContain(behind);
      await expect.poll(() => table.locator('a[aria-current="page"]').textContent()).toBe(behind);

      await page.getByRole('link', { name: `Tất cả chỉ tiêu của ${behind}` }).click();
      await page.waitForURL((url) => url.pathname === '/dashboard/commune' && url.searchParams.get('org') === commune);
      await page.getByRole('heading', { name: behind, level: 1 }).waitFor();
      const targets = page.getByTestId('commune-targets');
      await expect.poll(() => targets.locator('tbody tr').count()).toBe(count);
      const header = await targets.locator('thead').textContent();
      expect(header).toContain(behind);
      expect(header).toContain('Huyện Yên Dũng');
      for (const text of await targets.locator('tbody tr').allTextContents()) {
        expect(
          STATUS_WORDS.some((word) => text.includes(word)),
          text,
        ).toBe(true);
      }
      await screenshot(page, 'dashboard-commune-1366.png');
    });
  });

  it('fits a 360 px phone: one column of cards and no sideways scrolling', async () => {
    await withPage(PHONE, async ({ page }) => {
      await logIn(page, app.server.baseUrl, LEADER.username, LEADER.password);
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('button', { name: 'Mở hoặc đóng menu' }).click();
      await mainNav(page).getByRole('link', { name: 'Tổng quan chỉ tiêu' }).click();
      await openOverview(page);
      await page
        .getByTestId('target-card-I_LABOUR_TRAINED_CERT')
        .getByText(/Dự báo/)
        .waitFor();
      const boxes = await page
        .getByTestId('target-cards')
        .locator('article')
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().left));
      expect(new Set(boxes).size).toBe(1);
      await noSidewaysScroll(page);
      await screenshot(page, 'dashboard-overview-360.png');

      await page.getByRole('link', { name: TRAINED }).click();
      await page.getByTestId('indicator-chart').locator('canvas').waitFor();
      await page.getByTestId('commune-table').locator('tbody tr').first().waitFor();
      await noSidewaysScroll(page);
      await screenshot(page, 'dashboard-indicator-360.png');
    });
  });
});
