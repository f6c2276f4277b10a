import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, apiRequest } from './support/api.ts';
import { logIn } from './support/app.ts';
import { mainNav, openPage, screenshot, type ExpectedFailure, type WatchedPage } from './support/browser.ts';
import { E2E_TODAY, useAppUnderTest } from './support/server.ts';
import { cell, cellBox } from './support/grid.ts';

// Officers write 2026S1 and 2026S2: the server's clock is set to a day both are open (support/server.ts).
const app = useAppUnderTest({}, { today: E2E_TODAY });

const DESKTOP = { viewport: { width: 1366, height: 900 } };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const suffix = Date.now() % 100_000;
const OFFICER = { username: `dung.tiendung${suffix}`, password: 'mat-khau-tien-dung-1', role: 'unit_officer', org: '07729' };

// Xã Đức Giang, six months to June 2026: the import page's figures (the Excel test uses Xã Tiến Dũng).
const GOOD_CSV = [
  'element,period,org,disagg,value,comment',
  'DE_LABOUR_FORCE,2026S1,07735,sex:M,2210,',
  'DE_LABOUR_FORCE,2026S1,07735,sex:F,2050,Theo điều tra lao động - việc làm',
  'DE_LABOUR_TRAINED_CERT,2026S1,07735,sex:M,800,',
].join('\r\n');
// The same rows, the second with a quarter that does not exist.
const BAD_CSV = GOOD_CSV.replace('DE_LABOUR_FORCE,2026S1,07735,sex:F', 'DE_LABOUR_FORCE,2025Q5,07735,sex:F');

beforeAll(async () => {
  const admin = await apiLogin(app.server);
  const response = await apiRequest(app.server, admin, 'POST', '/api/users', OFFICER);
  expect(response.status, await response.clone().text()).toBe(201);
});

async function withPage(
  options: Parameters<typeof openPage>[1],
  scenario: (watched: WatchedPage) => Promise<void>,
  expected: ExpectedFailure[] = [],
) {
  const watched = await openPage(app.browser, options);
  try {
    await scenario(watched);
    expect(watched.unexpected(expected)).toEqual([]);
  } finally {
    await watched.close();
  }
}

/** Picks a file through the page's button, as a person does in the file dialog. */
async function chooseFile(page: Page, button: Locator, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles({ name, mimeType, buffer });
}

async function storedRows(org: string, period: string): Promise<unknown[]> {
  const admin = await apiLogin(app.server);
  const response = await apiRequest(app.server, admin, 'GET', `/api/data-values?org=${org}&period=${period}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { rows: unknown[] }).rows;
}

async function openImportPage(page: Page, viaMenu: boolean): Promise<void> {
  await logIn(page, app.server.baseUrl, 'admin', app.server.adminPassword);
  await page.waitForURL((url) => url.pathname === '/');
  if (viaMenu) {
    await page.getByRole('button', { name: 'Mở hoặc đóng menu' }).click();
    await mainNav(page).getByRole('link', { name: 'Nhập từ tệp' }).click();
  } else {
    await mainNav(page).getByRole('link', { name: 'Nhập từ tệp' }).click();
  }
  await page.getByRole('heading', { name: 'Nhập từ tệp', level: 1 }).waitFor();
}

async function importCsv(page: Page, name: string, csv: string): Promise<void> {
  await chooseFile(page, page.getByRole('button', { name: 'Chọn tệp' }), name, 'text/csv', Buffer.from(csv, 'utf8'));
  await expect.poll(() => page.getByTestId('import-file').textContent()).toContain(name);
  await page.getByRole('button', { name: 'Tải lên và nhập' }).click();
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
}

describe('import from a file', () => {
  it('refuses a CSV with a bad row as a whole, naming the row, then stores a good one', async () => {
    await withPage(DESKTOP, async ({ page }) => {
      await openImportPage(page, false);
      expect(await page.getByRole('radio', { name: 'Tất cả hoặc không' }).isChecked()).toBe(true);

      await importCsv(page, 'so-lieu-duc-giang-loi.csv', BAD_CSV);
      const failed = page.getByTestId('import-failed');
      await failed.waitFor();
      const row = failed.getByTestId('row-errors').getByRole('row').filter({ hasText: 'không phải là kỳ quý hợp lệ' });
      expect(await row.getByRole('cell').allTextContents()).toEqual(['2', 'period', '"2025Q5" không phải là kỳ quý hợp lệ']);
      expect(await failed.textContent()).toContain('Không có số liệu nào được lưu.');
      // Sortable: a second click on Dòng sorts the other way.
      const rowHeader = failed.getByRole('columnheader', { name: 'Dòng' });
      expect(await rowHeader.getAttribute('aria-sort')).toBe('ascending');
      await rowHeader.getByRole('button').click();
      expect(await rowHeader.getAttribute('aria-sort')).toBe('descending');
      expect(await storedRows('07735', '2026S1')).toEqual([]);
      await screenshot(page, 'import-1366-errors.png');

      await importCsv(page, 'so-lieu-duc-giang.csv', GOOD_CSV);
      const result = page.getByTestId('import-result');
      await result.waitFor();
      expect(await result.getByTestId('import-counts').textContent()).toBe('Thêm mới 3 · Cập nhật 0 · Xóa 0 · Không đổi 0');
      expect(await page.getByTestId('import-failed').count()).toBe(0);
      expect(await storedRows('07735', '2026S1')).toHaveLength(3);
      await screenshot(page, 'import-1366.png');

      // The stored figures come back as CSV in the same format.
      const exportLink = page.getByRole('link', { name: 'Tải tệp CSV' });
      await page.getByLabel('Mã đơn vị (không bắt buộc)').fill('07735');
      await page.getByLabel('Mã kỳ báo cáo (không bắt buộc)').fill('2026S1');
      expect(await exportLink.getAttribute('href')).toBe('/api/data-values?format=csv&org=07735&period=2026S1');
      const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
      const csv = fs.readFileSync(await download.path(), 'utf8');
      expect(csv.split(/\r?\n/)[0]).toBe('element,period,org,disagg,value,comment');
      expect(csv).toContain('DE_LABOUR_FORCE,2026S1,07735,sex:F,2050,');
    });
  });

  it('fits a 360 px phone, errors table included', async () => {
    await withPage(PHONE, async ({ page }) => {
      await openImportPage(page, true);
      expect(await pageWidth(page)).toBeLessThanOrEqual(360);
      await importCsv(page, 'so-lieu-duc-giang-loi.csv', BAD_CSV);
      await page.getByTestId('import-failed').waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(360);
      await screenshot(page, 'import-360.png');
    });
  });
});

describe('Excel on the entry screen', () => {
  const ENTRY = `/data-entry?form=F_COMMUNE_GDNN_6M&org=${OFFICER.org}&period=2026S1`;
  const LABOUR_FORCE = 'Số người trong lực lượng lao động';
  const TRAINED = 'Số lao động qua đào tạo từ 03 tháng';

  /** The downloaded template with the value cell (column E) of one element and breakdown set; answers the workbook and that cell's address. */
  async function fillTemplate(
    file: string,
    element: string,
    disagg: string,
    value: ExcelJS.CellValue,
  ): Promise<{ buffer: Buffer; address: string }> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Nhập số liệu');
    if (!sheet) throw new Error('the template has no "Nhập số liệu" sheet');
    let address = '';
    sheet.eachRow((row) => {
      if (row.getCell('A').value === element && row.getCell('C').value === disagg) {
        row.getCell('E').value = value;
        address = row.getCell('E').address;
      }
    });
    expect(address).not.toBe('');
    return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), address };
  }

  it('downloads the template, refuses a word where a figure belongs, and stores the corrected file', async () => {
    await withPage(
      DESKTOP,
      async ({ page }) => {
        await logIn(page, app.server.baseUrl, OFFICER.username, OFFICER.password);
        await page.waitForURL((url) => url.pathname === '/');
        await page.goto(`${app.server.baseUrl}${ENTRY}`);
        await cell(page, LABOUR_FORCE, 'Nữ').waitFor();

        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải mẫu Excel' }).click()]);
        expect(download.suggestedFilename()).toBe('F_COMMUNE_GDNN_6M_07729_2026S1.xlsx');
        const template = await download.path();
        const upload = page.getByRole('button', { name: 'Tải lên tệp Excel' });
        const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

        // Not a spreadsheet at all: the server's sentence, no table.
        await chooseFile(page, upload, 'bao-cao.xlsx', xlsx, Buffer.from('element,period\n'));
        await expect.poll(() => page.getByTestId('xlsx-error').textContent()).toContain('không phải là tệp Excel (.xlsx) đọc được');

        const bad = await fillTemplate(template, 'DE_LABOUR_FORCE', 'sex:F', 'nhiều');
        await chooseFile(page, upload, 'bao-cao-tien-dung.xlsx', xlsx, bad.buffer);
        const rejected = page.getByTestId('xlsx-rejected');
        await rejected.waitFor();
        const row = rejected.getByRole('row').filter({ hasText: 'không phải là số' });
        expect(await row.getByRole('cell').allTextContents()).toEqual(['Nhập số liệu', bad.address, '"nhiều" không phải là số']);
        expect(await rejected.textContent()).toContain('Không có số liệu nào được lưu.');
        expect(await cell(page, LABOUR_FORCE, 'Nữ').inputValue()).toBe('');

        const good = await fillTemplate(template, 'DE_LABOUR_FORCE', 'sex:F', 1234);
        await chooseFile(page, upload, 'bao-cao-tien-dung.xlsx', xlsx, good.buffer);
        await page.getByTestId('xlsx-result').waitFor();
        expect(await page.getByTestId('xlsx-result').textContent()).toContain('Thêm mới 1');
        await expect.poll(() => cell(page, LABOUR_FORCE, 'Nữ').inputValue()).toBe('1.234');
        expect(await page.getByTestId('xlsx-rejected').count()).toBe(0);

        // A rule broken for women: the trained figure is marked red, the labour force it exceeds more lightly; men are untouched.
        const trained = cell(page, TRAINED, 'Nữ');
        await trained.click();
        await trained.fill('1500');
        await trained.press('Enter');
        await expect.poll(() => cellBox(trained).getAttribute('data-mark')).toBe('left');
        expect(await trained.getAttribute('aria-invalid')).toBe('true');
        expect(await cellBox(trained).textContent()).toContain('lớn hơn lực lượng lao động (1.234) (Nữ)');
        expect(await cellBox(cell(page, LABOUR_FORCE, 'Nữ')).getAttribute('data-mark')).toBe('related');
        expect(await cellBox(cell(page, LABOUR_FORCE, 'Nữ')).textContent()).toContain(`Được so sánh với: ${TRAINED}`);
        expect(await cellBox(cell(page, LABOUR_FORCE, 'Nam')).getAttribute('data-mark')).toBeNull();
        // Opening the form again shows the same marks from the server's answer alone.
        await page.reload();
        await expect.poll(() => cellBox(cell(page, TRAINED, 'Nữ')).getAttribute('data-mark')).toBe('left');
        expect(await cellBox(cell(page, LABOUR_FORCE, 'Nữ')).getAttribute('data-mark')).toBe('related');
        await screenshot(page, 'data-entry-1366-excel.png');
      },
      // Chromium logs the 400 of the unreadable file and the 422 of the refused one.
      [
        { status: 400, path: '/api/forms/F_COMMUNE_GDNN_6M/xlsx' },
        { status: 422, path: '/api/forms/F_COMMUNE_GDNN_6M/xlsx' },
      ],
    );
  });
});
