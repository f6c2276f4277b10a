import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, apiRequest } from './support/api.ts';
import { logIn } from './support/app.ts';
import { openPage, screenshot, type WatchedPage } from './support/browser.ts';
import { useAppUnderTest } from './support/server.ts';

// The test moves the server's clock (VETPLAN_TEST_CLOCK=1 lets an admin set it); sessions outlive its jumps.
const app = useAppUnderTest({ VETPLAN_TEST_CLOCK: '1', SESSION_IDLE_MINUTES: '10080', SESSION_MAX_HOURS: '2160' });

const DESKTOP = { viewport: { width: 1366, height: 900 } };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const suffix = Date.now() % 100_000;
// Bà Hoa's office leads T3.2 (career guidance and streaming).
const OFFICER = { username: `hoa.gddt${suffix}`, password: 'mat-khau-phong-gd-1', role: 'unit_officer', org: '221-GDDT' };
const MANAGER = { username: `lan.ldtbxh${suffix}`, password: 'mat-khau-chi-lan-1', role: 'plan_manager', org: '221' };
// Ông Hưng, the district's vice-chairman, follows the tasks; the plan gives his committee none of its own.
const LEADER = { username: `hung.ubnd${suffix}`, password: 'mat-khau-ong-hung-1', role: 'viewer', org: '221' };
const TASK_KEY = 'T3.2|2026S1';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function setClock(iso: string): Promise<void> {
  const admin = await apiLogin(app.server);
  const response = await apiRequest(app.server, admin, 'POST', '/api/test/clock', { now: iso });
  expect(response.status, await response.clone().text()).toBe(200);
}

let officer: WatchedPage;
let officerPhone: WatchedPage;
let manager: WatchedPage;
let taskUrl = '';

async function signIn(watched: WatchedPage, user: { username: string; password: string }): Promise<Page> {
  await logIn(watched.page, app.server.baseUrl, user.username, user.password);
  await watched.page.waitForURL((url) => url.pathname === '/');
  return watched.page;
}

/** The scorecard row of the T3.2 assignment: its status and points, read from the page. */
async function scoreRow(page: Page): Promise<{ status: string | null; text: string }> {
  const row = page.locator(`[data-part="tasks"] tr[data-key="${TASK_KEY}"]`);
  await row.waitFor({ timeout: 120_000 });
  return { status: await row.getAttribute('data-status'), text: (await row.textContent()) ?? '' };
}

async function openScorecard(page: Page): Promise<string> {
  await page.goto(`${app.server.baseUrl}/evaluation?org=221-GDDT&year=2026`);
  // The ranking of every unit is computed beside it on a shared test machine: allow it time.
  await page.getByTestId('scorecard').waitFor({ timeout: 120_000 });
  return (await page.getByTestId('score-total').textContent()) ?? '';
}

beforeAll(async () => {
  const admin = await apiLogin(app.server);
  for (const user of [OFFICER, MANAGER, LEADER]) {
    const response = await apiRequest(app.server, admin, 'POST', '/api/users', user);
    expect(response.status, await response.clone().text()).toBe(201);
  }
  await setClock('2026-06-15T02:00:00Z');
  officer = await openPage(app.browser, DESKTOP);
  officerPhone = await openPage(app.browser, PHONE);
  manager = await openPage(app.browser, DESKTOP);
});

describe('a task through one cycle: report with evidence, overdue, extension, scorecard', { timeout: 300_000 }, () => {
  it('lets the education office file a progress report with evidence', async () => {
    const page = await signIn(officer, OFFICER);
    await page.getByRole('navigation').getByRole('link', { name: 'Nhiệm vụ của tôi' }).click();
    await page.getByRole('heading', { name: 'Nhiệm vụ của tôi', level: 1 }).waitFor();
    const card = page.locator('[data-testid="assignment"][data-task="T3.2"][data-period="2026S1"]');
    await card.waitFor();
    expect(await card.textContent()).toContain('Chưa triển khai');
    expect(await card.textContent()).toContain('Thời hạn: 20/06/2026');
    await screenshot(page, 'tasks-1366-list.png');
    await card.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /T3\.2/ }).waitFor();
    taskUrl = page.url();
    // The targets of the task's group are shown beside the form.
    await page
      .getByTestId('linked-indicators')
      .getByText(/tốt nghiệp THCS/)
      .first()
      .waitFor();

    await page.getByRole('textbox', { name: 'Tiến độ (%)' }).fill('40');
    await page.getByRole('textbox', { name: 'Công việc đã thực hiện' }).fill('Tổ chức 12 buổi tư vấn hướng nghiệp tại các trường THCS');
    await page.getByRole('textbox', { name: 'Khó khăn, vướng mắc, nguyên nhân' }).fill('Một số trường chưa bố trí được thời gian');
    await page.getByRole('button', { name: 'Gửi báo cáo tiến độ' }).click();
    await page.getByText('Đã gửi báo cáo tiến độ.').waitFor();
    expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('in_progress');

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Tải lên minh chứng' }).click();
    await (await chooser).setFiles({ name: 'Danh sách buổi tư vấn.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('evidence-list').getByRole('link', { name: 'Danh sách buổi tư vấn.pdf' }).waitFor();
    // A program renamed .pdf is refused: the server reads the content.
    const spoof = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Tải lên minh chứng' }).click();
    await (await spoof).setFiles({ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 not a pdf') });
    await page.getByText(/Tệp "bao-cao.pdf" không phải là PDF/).waitFor();
    await page.getByTestId('task-history').getByText('Báo cáo tiến độ: Đang thực hiện, 40%').waitFor();
    await screenshot(page, 'task-detail-1366.png');
  });

  it('shows the task overdue once its due date has passed, on the phone too', async () => {
    await setClock('2026-06-21T02:00:00Z');
    const page = await signIn(officerPhone, OFFICER);
    await page.goto(taskUrl);
    await page.getByTestId('task-due').waitFor();
    expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('overdue');
    expect(await page.locator('[data-status]').first().textContent()).toBe('Quá hạn');
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(360);
    await screenshot(page, 'task-detail-360-overdue.png');
    await page.goto(`${app.server.baseUrl}/inbox`);
    await page.getByTestId('inbox-list').getByText('Nhiệm vụ quá hạn').first().waitFor();
  });

  let overdueTotal = '';
  it('counts the overdue task as 0 points in the scorecard, and says so', async () => {
    const page = await signIn(manager, MANAGER);
    overdueTotal = await openScorecard(page);
    const row = await scoreRow(page);
    expect(row.status).toBe('overdue');
    expect(row.text).toContain('Quá hạn');
  });

  it('lets the office ask for an extension and the labour office approve it', async () => {
    const page = officer.page;
    await page.goto(taskUrl);
    await page.getByLabel('Xin gia hạn đến ngày').fill('30/06/2026');
    expect(await page.getByLabel('Xin gia hạn đến ngày').inputValue()).toBe('30/06/2026');
    await page.getByRole('textbox', { name: 'Lý do xin gia hạn' }).fill('Chờ kết quả tuyển sinh vào lớp 10');
    await page.getByRole('button', { name: 'Xin gia hạn' }).click();
    await page.getByText('Đang chờ phê duyệt: gia hạn đến 30/06/2026').waitFor();

    const m = manager.page;
    await m.goto(`${app.server.baseUrl}/inbox`);
    await m.getByTestId('inbox-list').getByText('Chờ duyệt gia hạn').first().waitFor();
    await m.goto(taskUrl);
    await m.getByRole('button', { name: 'Phê duyệt gia hạn' }).click();
    await m.getByText('Đã được gia hạn đến 30/06/2026').waitFor();
    expect(await m.getByTestId('task-due').textContent()).toContain('Gia hạn đến: 30/06/2026');
    expect(await m.locator('[data-status]').first().getAttribute('data-status')).toBe('in_progress');
  });

  it('changes the scorecard: not judged while extended, then 100 points when done within the extension', async () => {
    const m = manager.page;
    await openScorecard(m);
    const waiting = await scoreRow(m);
    expect(waiting.status).toBe('in_progress');
    expect(waiting.text).toContain('không chấm');

    await setClock('2026-06-26T02:00:00Z');
    const page = officer.page;
    await page.goto(taskUrl);
    await page.getByRole('combobox', { name: 'Tình trạng thực hiện' }).click();
    await page.getByRole('option', { name: 'Hoàn thành' }).click();
    await page.getByRole('textbox', { name: 'Kết quả đạt được' }).fill('45,2% học sinh tốt nghiệp THCS vào học GDNN');
    await page.getByRole('button', { name: 'Gửi báo cáo tiến độ' }).click();
    await page.getByText('Đã gửi báo cáo tiến độ.').waitFor();
    expect(await page.locator('[data-status]').first().textContent()).toBe('Hoàn thành đúng hạn');

    const total = await openScorecard(m);
    const done = await scoreRow(m);
    expect(done.status).toBe('done_on_time');
    expect(done.text).toContain('100');
    expect(total).not.toBe(overdueTotal);
    expect(Number(total.replace(',', '.'))).toBeGreaterThan(Number(overdueTotal.replace(',', '.')));
    await m.getByTestId('score-formula').waitFor();
    await screenshot(m, 'evaluation-1366.png');
  });

  it('shows the scorecard on a phone', async () => {
    const page = officerPhone.page;
    await page.goto(`${app.server.baseUrl}/evaluation?year=2026`);
    await page.getByTestId('scorecard').waitFor({ timeout: 120_000 });
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(360);
    await screenshot(page, 'evaluation-360.png');
  });

  it('lists the office’s own tasks as “Nhiệm vụ của tôi”, and the leader’s scope under its own title', async () => {
    const page = officer.page;
    await page.goto(`${app.server.baseUrl}/tasks`);
    await page.getByRole('heading', { name: 'Nhiệm vụ của tôi' }).waitFor();
    await page.getByTestId('assignment').first().waitFor();
    const orgs = await page.getByTestId('assignment').evaluateAll((cards) => [...new Set(cards.map((c) => c.getAttribute('data-org')))]);
    expect(orgs).toEqual(['221-GDDT']);
    expect(await page.getByTestId('task-reach').count()).toBe(0);

    const leader = await openPage(app.browser, PHONE);
    const phone = await signIn(leader, LEADER);
    await phone.goto(`${app.server.baseUrl}/tasks`);
    await phone.getByRole('heading', { name: 'Nhiệm vụ trong phạm vi' }).waitFor();
    await phone.getByTestId('task-grouping').waitFor();
    await screenshot(phone, 'tasks-leader-360.png');
    await phone.getByTestId('task-reach').getByText('Của đơn vị tôi').click();
    await phone.getByRole('heading', { name: 'Nhiệm vụ của tôi' }).waitFor();
    await phone.getByText('Đơn vị của ông/bà chưa được giao nhiệm vụ nào trong năm này.', { exact: false }).waitFor();
    expect(await phone.getByTestId('assignment').count()).toBe(0);
    expect(await phone.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(360);
    expect(leader.unexpected().join('\n')).toBe('');
    await leader.close();
  });

  it('logged no console problems but the 415 of the refused upload', async () => {
    for (const w of [officer, officerPhone, manager]) {
      expect(
        w
          .unexpected()
          .filter((p) => !p.includes('status of 415'))
          .join('\n'),
      ).toBe('');
      await w.close();
    }
  });
});
