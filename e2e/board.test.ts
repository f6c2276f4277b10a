import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { logIn } from './support/app.ts';
import { DESKTOP, mainNav, openPage, PHONE, type WatchedPage } from './support/browser.ts';
import { LAN_TODAY, PEOPLE, prepareLanMorning } from './support/lan.ts';
import { useAppUnderTest } from './support/server.ts';

/** The labour office's board at 1366 and 360 px, the grouped tasks, and where each role lands. */
const app = useAppUnderTest({}, { today: LAN_TODAY });

beforeAll(() => prepareLanMorning(app.server));

async function withPage(options: Parameters<typeof openPage>[1], scenario: (watched: WatchedPage) => Promise<void>): Promise<void> {
  const watched = await openPage(app.browser, options);
  try {
    await scenario(watched);
    expect(watched.unexpected()).toEqual([]);
  } finally {
    await watched.close();
  }
}

async function openBoard(page: Page): Promise<void> {
  await logIn(page, app.server.baseUrl, PEOPLE.lan.username, PEOPLE.lan.password);
  await page.getByRole('heading', { name: 'Tình hình nộp báo cáo', level: 1 }).waitFor();
  await page.getByTestId('board-filters').waitFor();
}

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(360);
}

describe('the completeness board', () => {
  it('at 1366 px: filters by status, sorts, reminds one unit and says when, and marks the reports it would not approve', async () => {
    await withPage(DESKTOP, async ({ page }) => {
      await openBoard(page);
      const rows = page.getByTestId('completeness-table').locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(18);
      // Sorted by status: the late first, Chưa nộp before Đã gửi.
      expect(await rows.first().getAttribute('data-state')).toBe('not_started');
      expect(await rows.last().getAttribute('data-state')).toBe('submitted');

      await page.getByRole('combobox', { name: 'Sắp xếp theo' }).click();
      await page.getByRole('option', { name: 'Tên đơn vị' }).click();
      await expect.poll(() => rows.first().locator('td').first().textContent()).toContain('Thị trấn Nham Biền');
      expect(page.url()).toContain('sort=name');

      await page.getByRole('button', { name: 'Đã gửi (3)', exact: true }).click();
      await expect.poll(() => rows.count()).toBe(3);
      const dongViet = rows.filter({ hasText: 'Xã Đồng Việt' });
      expect(await dongViet.textContent()).toContain('Còn 1 vi phạm quy tắc kiểm tra (có giải trình)');
      expect(await dongViet.textContent()).toContain('Phạm Văn Minh');
      // Sent reports are not reminded.
      expect(await rows.getByRole('button', { name: /^Nhắc/ }).count()).toBe(0);

      await page.getByRole('button', { name: 'Chưa nộp (15)', exact: true }).click();
      const dongPhuc = rows.filter({ hasText: 'Xã Đồng Phúc' });
      await dongPhuc.getByRole('button', { name: 'Nhắc Xã Đồng Phúc nộp báo cáo' }).click();
      await expect.poll(() => dongPhuc.getByTestId('last-reminder').textContent()).toMatch(/^\d\d:\d\d, 25\/06\/2026, Nguyễn Thị Lan$/);
      expect(await rows.getByTestId('last-reminder').count()).toBe(1);
      await page.screenshot({ path: '/tmp/board-1366.png', fullPage: true });
      await page.screenshot({ path: '/tmp/board-1366-top.png' });
    });
  });

  it('at 360 px: one card per unit, the actions within reach, nothing wider than the phone', async () => {
    await withPage(PHONE, async ({ page }) => {
      await openBoard(page);
      const cards = page.getByTestId('completeness-cards').locator('li');
      await expect.poll(() => cards.count()).toBe(18);
      await page.getByRole('button', { name: 'Nhắc các đơn vị chậm nộp (15)' }).waitFor();
      await page.getByRole('button', { name: 'Phê duyệt các báo cáo hợp lệ (2)' }).waitFor();
      await page.getByRole('button', { name: 'Chậm nộp (15)', exact: true }).click();
      await expect.poll(() => cards.count()).toBe(15);
      expect(await cards.first().textContent()).toContain('Chưa nộp');
      const remind = cards.first().getByRole('button', { name: /^Nhắc .* nộp báo cáo$/ });
      expect((await remind.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await noSidewaysScroll(page);
      await page.screenshot({ path: '/tmp/board-360.png', fullPage: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: '/tmp/board-360-top.png' });
    });
  });
});

describe('tasks and landing pages', () => {
  it('groups the district’s tasks by task, or by unit', async () => {
    await withPage(DESKTOP, async ({ page }) => {
      await openBoard(page);
      await mainNav(page).getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
      await page.getByRole('heading', { name: 'Theo dõi nhiệm vụ', level: 1 }).waitFor();
      const groups = page.getByTestId('task-groups');
      await expect.poll(() => groups.getAttribute('data-grouping')).toBe('task');
      const byTask = await groups.getByTestId('task-group').count();
      expect(byTask).toBeGreaterThan(3);
      await groups.getByTestId('task-group').first().getByRole('button').click();
      await expect.poll(() => groups.getByTestId('assignment-row').count()).toBeGreaterThan(0);
      await page.screenshot({ path: '/tmp/tasks-by-task-1366.png', fullPage: false });
      await page.getByTestId('task-grouping').getByText('Theo đơn vị').click();
      await expect.poll(() => groups.getAttribute('data-grouping')).toBe('unit');
      expect(await groups.getByTestId('task-group').count()).toBeGreaterThan(1);
      expect(await page.getByTestId('assignment').count()).toBe(0);
    });
  });

  it('lands the leader on the overview and the officer on the forms due', async () => {
    await withPage(PHONE, async ({ page }) => {
      await logIn(page, app.server.baseUrl, PEOPLE.hung.username, PEOPLE.hung.password);
      await page.getByRole('heading', { name: 'Tổng quan chỉ tiêu', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
    });
    await withPage(PHONE, async ({ page }) => {
      await logIn(page, app.server.baseUrl, PEOPLE.tuMai.username, PEOPLE.tuMai.password);
      await page.getByRole('heading', { name: 'Biểu mẫu cần nộp', level: 1 }).waitFor();
      const due = page.getByTestId('forms-due').locator('li[data-state="submitted"]');
      await expect.poll(() => due.textContent()).toContain('Xã Tư Mại · 6 tháng đầu năm 2026 · Hạn nộp 20/06/2026');
      await noSidewaysScroll(page);
    });
  });
});
