import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { logIn } from './support/app.ts';
import { downloaded, firstSheet, mainNav, openPage, screenshot, type WatchedPage } from './support/browser.ts';
import { E2E_TODAY, useAppUnderTest } from './support/server.ts';
import { cell, cellBox } from './support/grid.ts';

// Officers write 2026S1 and 2026S2: the server's clock is set to a day both are open (support/server.ts).
const app = useAppUnderTest({}, { today: E2E_TODAY });

const DESKTOP = { viewport: { width: 1366, height: 900 } };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const suffix = Date.now() % 100_000;
const OFFICER = { username: `tuan.tumai${suffix}`, password: 'mat-khau-tu-mai-1', role: 'unit_officer', org: '07741' };
const MANAGER = { username: `lan.ldtbxh${suffix}`, password: 'mat-khau-chi-lan-1', role: 'plan_manager', org: '221' };

const FORM = 'Báo cáo 6 tháng về GDNN của xã, thị trấn';
const PERIOD = '6 tháng đầu năm 2026';
const LABOUR_FORCE = 'Số người trong lực lượng lao động';
const TRAINED = 'Số lao động qua đào tạo từ 03 tháng';
const RETRAINED = 'Số lao động được đào tạo lại';
const RETURN_REASON = 'Số lao động nữ chưa khớp với điều tra lao động - việc làm; đề nghị kiểm tra lại.';

/** An admin session through the API (cookie + CSRF header), as a script would. */
async function adminSession(baseUrl: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: app.server.adminPassword }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.csrfToken };
}

async function adminRequest(method: 'POST' | 'PUT', path: string, body: unknown): Promise<Response> {
  const session = await adminSession(app.server.baseUrl);
  return fetch(`${app.server.baseUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrf },
    body: JSON.stringify(body),
  });
}

/** The version of a stored figure (0 when none): a first start may have loaded demo figures for past periods. */
async function storedVersion(org: string, period: string, element: string, disagg: string): Promise<number> {
  const session = await adminSession(app.server.baseUrl);
  const response = await fetch(`${app.server.baseUrl}/api/forms/F_COMMUNE_GDNN_6M/entry?org=${org}&period=${period}`, {
    headers: { Cookie: session.cookie },
  });
  expect(response.status).toBe(200);
  const entry = (await response.json()) as { values: { element: string; disagg: string; version: number }[] };
  return entry.values.find((v) => v.element === element && v.disagg === disagg)?.version ?? 0;
}

beforeAll(async () => {
  for (const user of [OFFICER, MANAGER]) {
    const response = await adminRequest('POST', '/api/users', user);
    expect(response.status, await response.clone().text()).toBe(201);
  }
});

async function withPage(
  options: Parameters<typeof openPage>[1],
  scenario: (watched: WatchedPage) => Promise<void>,
  expected: { status: number; path: string }[] = [],
) {
  const watched = await openPage(app.browser, options);
  try {
    await scenario(watched);
    expect(watched.unexpected(expected)).toEqual([]);
  } finally {
    await watched.close();
  }
}

async function typeFigure(input: Locator, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await expect.poll(() => cellBox(input).getAttribute('data-state')).toBe('saved');
}

async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

async function openEntry(page: Page): Promise<void> {
  await choose(page, 'Biểu mẫu báo cáo', FORM);
  await choose(page, 'Kỳ báo cáo', PERIOD);
  await cell(page, LABOUR_FORCE, 'Nam').waitFor();
}

function status(page: Page): Locator {
  return page.getByTestId('entry-status');
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  expect(width).toBeLessThanOrEqual(360);
}

describe('data entry, submission and approval', () => {
  it('lets the commune officer enter figures on a phone, see and fix a rule violation, paste a block and submit', async () => {
    await withPage(PHONE, async ({ page }) => {
      await logIn(page, app.server.baseUrl, OFFICER.username, OFFICER.password);
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('button', { name: 'Mở hoặc đóng menu' }).click();
      await mainNav(page).getByRole('link', { name: 'Nhập số liệu' }).click();
      await page.getByRole('heading', { name: 'Nhập số liệu', level: 1 }).waitFor();

      await openEntry(page);
      // The officer reports for one commune only: it is chosen for them.
      expect(await page.getByRole('combobox', { name: 'Đơn vị báo cáo', exact: true }).inputValue()).toBe('Xã Tư Mại');
      expect(await status(page).textContent()).toBe('Đang nhập');

      await typeFigure(cell(page, LABOUR_FORCE, 'Nam'), '2210');
      const trained = cell(page, TRAINED, 'Nam');
      await typeFigure(trained, '2.315'); // Vietnamese thousands separator
      await expect.poll(() => trained.inputValue()).toBe('2.315');
      await expect.poll(() => cellBox(trained).textContent()).toContain('lớn hơn lực lượng lao động (2.210) (Nam)');
      expect(await trained.getAttribute('aria-invalid')).toBe('true');
      await page.getByTestId('violations').waitFor();
      await noSidewaysScroll(page);
      await trained.scrollIntoViewIfNeeded();
      await screenshot(page, 'data-entry-360-violation.png', false);

      // A count cannot be negative: refused on the spot, nothing sent.
      await trained.click();
      await trained.fill('-5');
      await trained.press('Enter');
      await expect.poll(() => cellBox(trained).textContent()).toContain('Số lượng phải từ 0 trở lên');

      await typeFigure(trained, '2100');
      await expect.poll(() => cellBox(trained).textContent()).not.toContain('lớn hơn');
      await expect.poll(() => page.getByTestId('violations').count()).toBe(0);

      // A block copied from Excel (two cells side by side) fills Nam and Nữ.
      const retrainedMen = cell(page, RETRAINED, 'Nam');
      await retrainedMen.focus();
      await retrainedMen.evaluate((el, text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, '1.150\t1160\r\n');
      const retrainedWomen = cell(page, RETRAINED, 'Nữ');
      await expect.poll(() => cellBox(retrainedMen).getAttribute('data-state')).toBe('saved');
      await expect.poll(() => cellBox(retrainedWomen).getAttribute('data-state')).toBe('saved');
      expect(await retrainedWomen.inputValue()).toBe('1.160');

      await page.reload();
      await cell(page, RETRAINED, 'Nữ').waitFor();
      expect(await cell(page, RETRAINED, 'Nam').inputValue()).toBe('1.150');
      expect(await cell(page, RETRAINED, 'Nữ').inputValue()).toBe('1.160');
      expect(await cell(page, TRAINED, 'Nam').inputValue()).toBe('2.100');

      await page.getByRole('button', { name: 'Gửi', exact: true }).click();
      await expect.poll(() => status(page).textContent()).toBe('Đã gửi');
      // Sent, the figures are read-only to the officer until the report is returned or withdrawn.
      await page.getByTestId('awaiting-decision').waitFor();
      expect(await cell(page, TRAINED, 'Nam').isEditable()).toBe(false);
      expect(await page.getByRole('button', { name: 'Rút lại', exact: true }).count()).toBe(1);
      await screenshot(page, 'data-entry-360-awaiting-decision.png');
      await noSidewaysScroll(page);
    });
  });

  it('lets the plan manager find it on the completeness board and return it with a reason', async () => {
    await withPage(DESKTOP, async ({ page }) => {
      await logIn(page, app.server.baseUrl, MANAGER.username, MANAGER.password);
      await page.waitForURL((url) => url.pathname === '/');
      await mainNav(page).getByRole('link', { name: 'Tình hình nộp báo cáo' }).click();
      await page.getByRole('heading', { name: 'Tình hình nộp báo cáo', level: 1 }).waitFor();
      await choose(page, 'Biểu mẫu báo cáo', FORM);
      await choose(page, 'Kỳ báo cáo', PERIOD);

      const table = page.getByTestId('completeness-table');
      const row = table.getByRole('row').filter({ hasText: 'Xã Tư Mại' });
      await expect.poll(() => row.textContent()).toContain('Đã gửi');
      expect(await row.textContent()).toContain('Muộn'); // submitted after 20/06/2026
      expect(await table.locator('tr[data-timeliness="overdue"]').count()).toBe(17);
      const summary = await page.getByTestId('completeness-summary').textContent();
      expect(summary).toContain('Số đơn vị18');
      expect(summary).toContain('Quá hạn17');
      await screenshot(page, 'completeness-1366.png');
      const board = await downloaded(page, () => page.getByRole('button', { name: 'Tải Excel (XLSX)' }).click());
      expect(board.download.suggestedFilename()).toMatch(/^nop-bao-cao-[A-Z0-9_]+-2026S1\.xlsx$/);
      const sheet = await firstSheet(board.bytes);
      expect(sheet.getRow(1).getCell(1).value).toBe('Đơn vị');
      expect(sheet.rowCount).toBe(19);
      const tuMai = sheet.getRows(2, 18)!.find((r) => r.getCell(1).value === 'Xã Tư Mại');
      expect([tuMai?.getCell(2).value, tuMai?.getCell(3).value]).toEqual(['Đã gửi', 'Muộn']);

      await row.getByRole('link', { name: 'Mở biểu mẫu của Xã Tư Mại' }).click();
      await expect.poll(() => status(page).textContent()).toBe('Đã gửi');
      await cell(page, TRAINED, 'Nam').waitFor();
      await screenshot(page, 'data-entry-1366-submitted.png');

      await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
      await dialog.getByText('Vui lòng ghi lý do.').waitFor();
      await dialog.getByLabel(/^Lý do trả lại/).fill(RETURN_REASON);
      await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => status(page).textContent()).toBe('Bị trả lại');
    });
  });

  it('shows the officer the return and its reason in the inbox and on the form; they correct and resubmit', async () => {
    await withPage(PHONE, async ({ page }) => {
      await logIn(page, app.server.baseUrl, OFFICER.username, OFFICER.password);
      await page.waitForURL((url) => url.pathname === '/');
      const badge = page.getByTestId('inbox-badge');
      await expect.poll(async () => Number(await badge.getAttribute('data-count'))).toBeGreaterThan(0);
      await badge.click();
      const returned = page.getByTestId('inbox-list').locator('li[data-kind="returned"]');
      await expect.poll(() => returned.textContent()).toContain(RETURN_REASON);
      await returned.getByRole('link', { name: FORM }).click();

      await expect.poll(() => status(page).textContent()).toBe('Bị trả lại');
      expect(await page.getByTestId('return-reason').textContent()).toContain(RETURN_REASON);
      await screenshot(page, 'data-entry-360-returned.png', false);

      await typeFigure(cell(page, LABOUR_FORCE, 'Nữ'), '2050');
      await page.getByRole('button', { name: 'Gửi', exact: true }).click();
      await expect.poll(() => status(page).textContent()).toBe('Đã gửi');
      expect(await page.getByTestId('return-reason').count()).toBe(0);
    });
  });

  it('lets the manager approve; the officer then sees the figures locked, read-only', async () => {
    await withPage(DESKTOP, async ({ page }) => {
      await logIn(page, app.server.baseUrl, MANAGER.username, MANAGER.password);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${app.server.baseUrl}/data-entry?form=F_COMMUNE_GDNN_6M&org=07741&period=2026S1`);
      await expect.poll(() => status(page).textContent()).toBe('Đã gửi');
      expect(await cell(page, LABOUR_FORCE, 'Nữ').inputValue()).toBe('2.050');
      await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
      await expect.poll(() => status(page).textContent()).toBe('Đã phê duyệt');
      await page.getByRole('button', { name: 'Mở khóa', exact: true }).waitFor();
    });

    await withPage(PHONE, async ({ page }) => {
      await logIn(page, app.server.baseUrl, OFFICER.username, OFFICER.password);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${app.server.baseUrl}/data-entry?form=F_COMMUNE_GDNN_6M&org=07741&period=2026S1`);
      await expect.poll(() => status(page).textContent()).toBe('Đã phê duyệt');
      expect(await page.getByTestId('approved-note').textContent()).toContain(MANAGER.username);
      const input = cell(page, LABOUR_FORCE, 'Nam');
      expect(await input.getAttribute('readonly')).not.toBeNull();
      expect(await input.inputValue()).toBe('2.210');
      expect(await page.getByRole('button', { name: 'Gửi', exact: true }).count()).toBe(0);
      await screenshot(page, 'data-entry-360-approved.png', false);
    });
  });

  it('asks which figure to keep when someone else changed the cell meanwhile', async () => {
    await withPage(
      DESKTOP,
      async ({ page }) => {
        await logIn(page, app.server.baseUrl, OFFICER.username, OFFICER.password);
        await page.waitForURL((url) => url.pathname === '/');
        // A half-year still open to the officer (2026S1 is approved above; 2025S2 closed on 20/06/2026, when 2026S1 was due).
        await page.goto(`${app.server.baseUrl}/data-entry?form=F_COMMUNE_GDNN_6M&org=07741&period=2026S2`);
        const input = cell(page, LABOUR_FORCE, 'Nam');
        await input.click();
        // While the officer types, the labour office stores another figure for the same cell.
        const baseVersion = await storedVersion('07741', '2026S2', 'DE_LABOUR_FORCE', 'sex:M');
        const other = await adminRequest('PUT', '/api/data-entry/cell', {
          element: 'DE_LABOUR_FORCE',
          period: '2026S2',
          org: '07741',
          disagg: 'sex:M',
          value: 2000,
          baseVersion,
        });
        expect(other.status).toBe(200);
        await input.fill('2190');
        await input.press('Enter');
        const dialog = page.getByRole('dialog', { name: 'Số liệu vừa được người khác sửa' });
        await dialog.waitFor();
        expect(await dialog.textContent()).toContain('admin');
        await dialog.getByRole('button', { name: 'Giữ số của tôi (2.190)' }).click();
        await dialog.waitFor({ state: 'detached' });
        await expect.poll(() => cellBox(input).getAttribute('data-state')).toBe('saved');

        // The history drawer lists both changes with who, when and how.
        await cellBox(input)
          .getByRole('button', { name: /^Ghi chú và lịch sử/ })
          .click();
        const drawer = page.getByRole('dialog');
        await drawer.getByText('2.000 → 2.190').waitFor();
        expect(await drawer.textContent()).toContain('Nhập trực tiếp');
        expect(await drawer.textContent()).toMatch(/\d\d:\d\d, \d\d\/\d\d\/\d{4} · admin/);
      },
      // Chromium logs the expected 409 of the stale write.
      [{ status: 409, path: '/api/data-entry/cell' }],
    );
  });
});
