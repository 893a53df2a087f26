/**
 * Staff journeys, through the H5 build only (issue 9): every 工作台 link opens a working page;
 * create and publish an event; check a ticket in by its typed code; the centre's day list with a
 * booking code; 便民日 calling; the figures and both monthly .xlsx read back (downloaded in
 * Chromium, parsed with exceljs); a role granted by invite code; the audit log showing what was
 * just done. Workers make the data the staff act on, in their own browsers.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { dayText, dayTimeText, shanghaiDay } from '../../../contract/time';
import { PAGES, TABS } from '../../../src/routes';
import { failOnConsoleErrors } from '../../support/console-errors';
import { useE2E } from '../../support/e2e';
import { bookFirstFreeSlot, clockAtTheDoor, doubleTap, fill, onScreen, open, person, shot, signUpAndGetTicket, STEP } from '../../support/journeys';

// src/routes.ts also navigates with Taro; the suite only reads its paths, in Node.
jest.mock('@tarojs/taro', () => ({}));

const e2e = useE2E();
failOnConsoleErrors(e2e);

/** 我的 -> 工作台 -> the link with this label. */
async function fromWorkbench(page: Page, label: string): Promise<void> {
  await open(e2e, page, TABS.me);
  await page.locator('[data-testid="staff-entry"]:visible').click({ timeout: STEP });
  await page.locator('[data-testid="staff-home"]:visible').waitFor({ timeout: STEP });
  await onScreen(page, label).click();
}

/** A staff member of the given centres only (the dev sign-in makes an admin; the roles record is narrowed). */
async function centreStaff(name: string, centreIds: string[]): Promise<Page> {
  const page = await person(e2e, name, 'staff');
  const [role] = e2e.cloud.db.find('roles', { name });
  await e2e.cloud.db.handle({
    action: 'database.modifyDocument',
    collectionName: 'roles',
    queryType: 'DOC',
    query: JSON.stringify({ _id: role._id }),
    data: JSON.stringify({ $set: { role: 'centre_staff', centreIds } }),
    multi: false,
    merge: true,
  });
  return page;
}

/** Presses a report button, catches the browser download and reads the workbook. */
async function downloadReport(page: Page, button: string): Promise<{ fileName: string; book: ExcelJS.Workbook }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP }), onScreen(page, button).click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readAll(await download.createReadStream())) as unknown as ArrayBuffer);
  return { fileName: download.suggestedFilename(), book };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

function sheetText(sheet: ExcelJS.Worksheet): string {
  const lines: string[] = [];
  sheet.eachRow((row) => lines.push((row.values as unknown[]).filter((v) => v !== undefined && v !== null).map(String).join(' | ')));
  return lines.join('\n');
}

const LINKS = [
  { label: '活动管理、报名名单和签到', shows: '新建活动' },
  { label: '今天的预约和到场登记', shows: '选一个服务中心' },
  { label: '便民日叫号', shows: /今天没有场次要叫号|今天的场次/ },
  { label: '平安返乡服务点', shows: '平安返乡（演示）' },
  { label: '答复法律咨询', shows: /待答复|没有|咨询/ },
  { label: '职工没找到的内容', shows: /搜索|没找到/ },
  { label: '普法文章（编辑和发布）', shows: /新写一篇|写文章|文章/ },
  { label: '服务数据和月报', shows: '本月月报' },
  { label: '工作人员和权限', shows: '添加工作人员' },
  { label: '操作记录', shows: '全部' },
] as const;

describe('staff: 工作台', () => {
  // A journey that moved the clock to the door's hours must not leave it there for the next.
  afterEach(() => e2e.cloud.setTimeOffset(0));

  it('each 工作台 link opens a page that works (no error, its own content)', async () => {
    const page = await person(e2e, '黄主任', 'staff');
    for (const link of LINKS) {
      await fromWorkbench(page, link.label);
      // Each page starts a function instance of its own the first time: cold starts on a busy machine.
      await onScreen(page, link.shows)
        .first()
        .waitFor({ timeout: 45000 })
        .catch((e: Error) => Promise.reject(new Error(`${link.label}: ${e.message}`)));
      expect(await onScreen(page, '填写的内容有误').count()).toBe(0);
    }
  }, 240000);

  // issue 9 major: "工作台 → 今天的预约和到场登记 and 便民日叫号 open with no centre/fair and show
  // 填写的内容有误: give a centre/fair picker".
  test('工作台 → 今天的预约和到场登记 and 便民日叫号 let staff choose a centre / fair', async () => {
    const page = await person(e2e, '黄主任', 'staff');
    await fromWorkbench(page, '今天的预约和到场登记');
    await onScreen(page, '选一个服务中心').waitFor({ timeout: STEP });
    await shot(page, 'staff-day-pick-centre');
    await onScreen(page, /九江镇/).first().click({ timeout: 5000 });
    // The centre's list of today, or — on a day it is closed (the run may fall on a Sunday) — the
    // next days, as a person would go on with 后一天 ›.
    const slot = page.locator('[data-testid="staff-slot"]:visible').first();
    for (let day = 0; day < 3; day += 1) {
      await slot.or(onScreen(page, '这天没有排班')).first().waitFor({ timeout: STEP });
      if (await slot.isVisible()) break;
      await onScreen(page, '后一天 ›').click();
      await page.waitForTimeout(300);
    }
    await slot.waitFor({ timeout: STEP });
    // The choice is remembered on this phone: the next visit opens on 九江镇 at once.
    await fromWorkbench(page, '今天的预约和到场登记');
    await page.locator('[data-testid="staff-centre"]:visible', { hasText: '九江镇' }).waitFor({ timeout: STEP });
    expect(await onScreen(page, '选一个服务中心').count()).toBe(0);

    await fromWorkbench(page, '便民日叫号');
    // The seeded 便民日 is next month: the page says nothing runs today and lists the next ones.
    await onScreen(page, '今天没有场次要叫号。').waitFor({ timeout: STEP });
    await shot(page, 'staff-fair-pick');
    await onScreen(page, /便民日/).first().click({ timeout: 5000 });
    await onScreen(page, '叫下一个号').first().waitFor({ timeout: STEP });
    expect(await onScreen(page, '填写的内容有误，请检查后再试').count()).toBe(0);
  }, 60000);

  test('a centre\'s own staff member (one centre) opens 今天的预约和到场登记 on it, with no choice to make', async () => {
    const page = await centreStaff('沙头小吴', ['shatou']);
    await fromWorkbench(page, '今天的预约和到场登记');
    await page.locator('[data-testid="staff-centre"]:visible', { hasText: '沙头' }).waitFor({ timeout: STEP });
    expect(await onScreen(page, '换一个中心').count()).toBe(0);
  }, 60000);

  it('creates an event, publishes it, and a worker sees it on 活动', async () => {
    const page = await person(e2e, '黄主任', 'staff');
    await fromWorkbench(page, '活动管理、报名名单和签到');
    await onScreen(page, '新建活动').click();
    await onScreen(page, /保存后是草稿/).waitFor({ timeout: STEP });
    await fill(page, '活动名称', '职工羽毛球友谊赛');
    await fill(page, '一句话介绍', '下班来打球，输赢都有纪念品');
    await fill(page, '地点', '九江镇文体中心');
    await onScreen(page, '保存').click();
    await onScreen(page, '发布活动').click({ timeout: STEP });
    await onScreen(page, '发布：完成').waitFor({ timeout: STEP });
    await shot(page, 'staff-event-published');
    const worker = await e2e.browser.newPage();
    await open(e2e, worker, TABS.events);
    await onScreen(worker, '职工羽毛球友谊赛').first().waitFor({ timeout: STEP });
  }, 90000);

  // issue 9 major: "Double tap on 保存 in 新建活动 creates two drafts".
  test('a double tap on 保存 makes one draft', async () => {
    const page = await person(e2e, '黄主任', 'staff');
    await open(e2e, page, PAGES.eventEdit);
    await onScreen(page, /保存后是草稿/).waitFor({ timeout: STEP });
    await fill(page, '活动名称', '职工象棋比赛');
    await fill(page, '一句话介绍', '楚河汉界，以棋会友');
    await fill(page, '地点', '九江镇文体中心');
    await doubleTap(onScreen(page, '保存'));
    await onScreen(page, '发布活动').waitFor({ timeout: STEP });
    await page.waitForTimeout(1500);
    expect(e2e.cloud.db.find('events', {}).filter((e) => e.title === '职工象棋比赛')).toHaveLength(1);
  }, 60000);

  it('checks a worker in by the typed ticket code (double tap: 签到成功 once, then 已于HH:mm签到); days early it says from when; an empty box says 请先扫码或输入票码', async () => {
    const worker = await person(e2e, '李秀英');
    const code = await signUpAndGetTicket(e2e, worker, 'ev-dianying', '李秀英', '13812345678');

    const page = await person(e2e, '陈干事', 'staff');
    await fromWorkbench(page, '活动管理、报名名单和签到');
    await page.locator('[data-testid="staff-event"]:visible', { hasText: '职工电影之夜' }).click({ timeout: STEP });
    await page.locator('[data-testid="check-in"]:visible').waitFor({ timeout: STEP });
    // Days before the film the door does not take the ticket yet, and says from when.
    await fill(page, '入场码', code);
    await page.locator('[data-testid="check-in"]:visible').click();
    await page.locator('[data-testid="check-in-result"]:visible').getByText(/还没到签到时间，\d+月\d+日 周. \d\d:\d\d起可以签到/).waitFor({ timeout: STEP });
    expect(e2e.cloud.db.find('event_entries', { eventId: 'ev-dianying', status: 'checked_in' })).toHaveLength(0);
    // An empty box answers too.
    await page.locator('[data-testid="check-in"]:visible').click();
    await page.locator('[data-testid="check-in-problem"]:visible').getByText('请先扫码或输入票码').waitFor({ timeout: STEP });
    await shot(page, 'staff-check-in-empty');

    clockAtTheDoor(e2e, 'ev-dianying');
    // The short code as a person reads it out: lower case, a space for the dash.
    await fill(page, '入场码', code.toLowerCase().replace('-', ' '));
    await doubleTap(page.locator('[data-testid="check-in"]:visible'));
    const result = page.locator('[data-testid="check-in-result"]:visible');
    await result.getByText(/签到成功|已于\d\d:\d\d签到/).first().waitFor({ timeout: STEP });
    expect(await result.innerText()).toContain('138****5678');
    expect(e2e.cloud.db.find('event_entries', { eventId: 'ev-dianying', status: 'checked_in' })).toHaveLength(1);
    await shot(page, 'staff-checked-in');
    // The worker's ticket now says so.
    await worker.reload();
    await worker.locator('[data-testid="ticket"]:visible').getByText('已签到').waitFor({ timeout: STEP });
    e2e.cloud.setTimeOffset(0);
  }, 90000);

  it('the centre\'s day list (from the centre page): the booking is listed on its day; its typed code (double tap) checks it in on that day and says which day otherwise', async () => {
    const worker = await person(e2e, '赵师傅');
    const code = await bookFirstFreeSlot(e2e, worker, 'jiujiang', 'legal-consultation');
    const [booking] = e2e.cloud.db.find('bookings', { code }) as Array<{ date: string; time: string; start: Date }>;

    const page = await person(e2e, '黄主任', 'staff');
    await open(e2e, page, TABS.home);
    await onScreen(page, '九江镇职工·家服务中心').first().click();
    await onScreen(page, '今天的预约 · 核销').click({ timeout: STEP });
    await onScreen(page, '核销预约码').waitFor({ timeout: STEP });
    // The first free slot may be on a later day: step to it as a clerk would.
    const daysAhead = Math.round((Date.parse(booking.date) - Date.parse(shanghaiDay())) / 86_400_000);
    for (let i = 0; i < daysAhead; i += 1) await onScreen(page, '后一天 ›').click();
    if (daysAhead > 0) await onScreen(page, dayText(booking.date)).waitFor({ timeout: STEP });
    const slot = page.locator('[data-testid="staff-slot"]:visible', { hasText: `${booking.time} 法律咨询` });
    await slot.getByText('预约 · 已预约').waitFor({ timeout: STEP });
    await page.locator('input[placeholder="输入8位预约码"]:visible').fill(code);
    await doubleTap(onScreen(page, '核销'));
    // The desk checks a code in on its own day only: the first free slot is often tomorrow, and
    // then the clerk is told which day it is for; on its day it is checked in.
    if (booking.date === shanghaiDay()) {
      await page.locator('[data-testid="staff-message"]:visible').getByText(/^已核销：.* 法律咨询$/).waitFor({ timeout: STEP });
      await slot.getByText('预约 · 已到场').waitFor({ timeout: STEP });
    } else {
      await onScreen(page, `这个预约是 ${dayTimeText(booking.start)} 的，不是今天`).waitFor({ timeout: STEP });
      expect(e2e.cloud.db.find('bookings', { code })[0].status).toBe('booked');
    }
    await shot(page, 'staff-day-list');
  }, 90000);

  // issue 9 blocker 1 (the fair id arrived URL-encoded): staff reach 便民日叫号 from the fair page.
  it('便民日 calling: a worker\'s number is called with 叫下一个号 and the worker sees 轮到你了！', async () => {
    const worker = await person(e2e, '郑大哥');
    await open(e2e, worker, TABS.home);
    await worker.locator('[data-testid="fair-banner"]').click();
    await onScreen(worker, '取号').first().click({ timeout: 8000 });
    await worker.locator('[data-testid="my-tickets"]:visible').waitFor({ timeout: STEP });

    const page = await person(e2e, '黄主任', 'staff');
    await open(e2e, page, TABS.home);
    await page.locator('[data-testid="fair-banner"]').click();
    await onScreen(page, '工作人员：叫号和现场登记').click({ timeout: STEP });
    await doubleTap(onScreen(page, '叫下一个号').first());
    await onScreen(page, '已叫 1 号').waitFor({ timeout: STEP });
    await worker.reload();
    await onScreen(worker, '轮到你了！').waitFor({ timeout: STEP });
  }, 90000);

  it('figures and both monthly .xlsx: masked phones by default, full phones only when the admin asks', async () => {
    const worker = await person(e2e, '马师傅');
    await signUpAndGetTicket(e2e, worker, 'ev-dianying', '马师傅', '13600001234');
    const page = await person(e2e, '黄主任', 'staff');
    await fromWorkbench(page, '服务数据和月报');
    const figures = page.locator('[data-testid="figures"]:visible');
    await figures.waitFor({ timeout: STEP });
    expect(await figures.innerText()).toMatch(/活动报名（人）\s*[1-9]\d*/);
    await shot(page, 'staff-figures');

    const thisMonth = await downloadReport(page, '本月月报');
    expect(thisMonth.fileName).toMatch(/\.xlsx$/);
    expect(thisMonth.book.worksheets.map((s) => s.name)).toEqual(['概况', '活动', '服务中心', '维权咨询', '平安返乡']);
    const events = sheetText(thisMonth.book.getWorksheet('活动')!);
    expect(events).toContain('马师傅');
    expect(events).toContain('136****1234');
    expect(events).not.toContain('13600001234');
    await onScreen(page, /已生成：.*手机号已隐藏中间四位/).waitFor({ timeout: STEP });

    await page.getByLabel('含完整手机号').filter({ visible: true }).first().click();
    const full = await downloadReport(page, '本月月报');
    expect(sheetText(full.book.getWorksheet('活动')!)).toContain('13600001234');

    const lastMonth = await downloadReport(page, '上月月报');
    expect(lastMonth.fileName).not.toBe(thisMonth.fileName);
    expect(lastMonth.book.worksheets.map((s) => s.name)).toEqual(['概况', '活动', '服务中心', '维权咨询', '平安返乡']);
    expect(sheetText(lastMonth.book.getWorksheet('活动')!)).not.toContain('马师傅');
    await shot(page, 'staff-reports');
  }, 90000);

  it('roles: a worker reads out the invite code, the admin grants 服务中心工作人员, the new staff member sees 工作台 without admin links', async () => {
    const newcomer = await person(e2e, '刘社工');
    await onScreen(newcomer, '我是工会工作人员').click();
    const codeText = newcomer.locator('[data-testid="staff-code"]:visible');
    await codeText.waitFor({ timeout: STEP });
    const code = ((await codeText.innerText()).match(/\b\d{6}\b/) ?? [''])[0];
    expect(code).toMatch(/^\d{6}$/);

    const admin = await person(e2e, '黄主任', 'staff');
    await fromWorkbench(admin, '工作人员和权限');
    const form = admin.locator('[data-testid="grant-form"]:visible');
    await form.waitFor({ timeout: STEP });
    await fill(admin, '登记码', code);
    await fill(admin, '姓名', '刘社工');
    await form.getByText('沙头文体公园', { exact: true }).click();
    await form.getByText('添加', { exact: true }).click(); // the double tap is the failing test below
    await form.locator('[role="status"]').getByText(/^已设置：刘社工（/).waitFor({ timeout: STEP });
    await admin.locator('[data-testid="staff-list"]:visible', { hasText: '刘社工' }).waitFor({ timeout: STEP });
    await shot(admin, 'staff-roles-granted');

    await open(e2e, newcomer, TABS.me);
    await newcomer.locator('[data-testid="staff-entry"]:visible').click({ timeout: STEP });
    const home = newcomer.locator('[data-testid="staff-home"]:visible');
    await home.waitFor({ timeout: STEP });
    const text = await home.innerText();
    expect(text).toContain('负责：沙头文体公园职工·家服务中心');
    expect(text).not.toContain('操作记录');
    expect(text).not.toContain('工作人员和权限');
  }, 90000);

  // issue 9 major: staff creates are idempotent by request id — a double tap on 添加 spends the
  // invite code once, and a second tap that reaches the server gets the same grant, not an error.
  it('roles: a double tap on 添加 grants once and shows no error', async () => {
    const newcomer = await person(e2e, '林社工');
    await onScreen(newcomer, '我是工会工作人员').click();
    const codeText = newcomer.locator('[data-testid="staff-code"]:visible');
    await codeText.waitFor({ timeout: STEP });
    const code = ((await codeText.innerText()).match(/\b\d{6}\b/) ?? [''])[0];
    const admin = await person(e2e, '黄主任', 'staff');
    await open(e2e, admin, PAGES.staffRoles);
    const form = admin.locator('[data-testid="grant-form"]:visible');
    await form.waitFor({ timeout: STEP });
    await fill(admin, '登记码', code);
    await fill(admin, '姓名', '林社工');
    await form.getByText('烟南村', { exact: true }).click();
    await doubleTap(form.getByText('添加', { exact: true }));
    await form.locator('[role="status"]').getByText(/^已设置：林社工（/).waitFor({ timeout: STEP });
    await admin.waitForTimeout(1500);
    expect(await form.locator('[role="alert"]').count()).toBe(0);
  }, 60000);

  it('显示号码 on a consultation: a reason, the full number with a 拨打 link, refused without a reason', async () => {
    // The worker's own ask through the UI is worker-rights.test.ts's journey; here only its result.
    const asked = await e2e.cloud.call('rights', 'ask', { category: 'wages', description: '厂里两个月没发工资了，想请工会帮忙问问。', phone: '13800138000', requestId: 'journey-reveal-1' }, { openid: 'journey-reveal-worker' });
    if (!asked.ok) throw new Error(asked.error.message);
    const page = await person(e2e, '黄主任', 'staff');
    await open(e2e, page, PAGES.rightsStaffCase, { id: asked.data.id });
    const reveal = page.locator('[data-testid="phone-reveal"]:visible');
    await reveal.waitFor({ timeout: STEP });
    expect(await reveal.innerText()).toContain('138****8000');
    await onScreen(page, '显示号码').click();
    // No reason chosen: told so, nothing shown
    await onScreen(page, '显示完整号码').click();
    await onScreen(page, '请先选一个原因').waitFor({ timeout: STEP });
    await onScreen(page, '回电答复').click();
    await shot(page, 'staff-phone-reason');
    await doubleTap(onScreen(page, '显示完整号码'));
    const shown = page.locator('[data-testid="phone-revealed"]:visible');
    await shown.waitFor({ timeout: STEP });
    expect(await shown.innerText()).toContain('电话：13800138000');
    expect(await shown.locator('a').getAttribute('href')).toBe('tel:13800138000');
    await shot(page, 'staff-phone-revealed');
    const logged = e2e.cloud.db.find('audit', { action: 'staffRevealPhone' }) as Array<{ outcome: string; note: { reason?: string } }>;
    expect(logged.map((r) => [r.outcome, r.note.reason])).toEqual([['ok', 'callBack']]);
  }, 60000);

  // issue 9 minor: "the station campaign form makes the clerk invent an id, type dates as text and
  // has an unlabeled field".
  it('平安返乡: a new campaign from a labelled form (no id to invent, dates and hours picked); a double-tapped 保存 makes one', async () => {
    const page = await person(e2e, '黄主任', 'staff');
    await fromWorkbench(page, '平安返乡服务点');
    const form = page.locator('[data-testid="campaign-form"]:visible');
    await form.waitFor({ timeout: STEP });
    for (const label of ['活动名称', '服务点地点', '负责的服务中心', '开始日期', '结束日期', '每天开始时间', '每天结束时间', '礼品数量（份）']) {
      await form.getByText(label, { exact: true }).waitFor({ timeout: STEP });
    }
    // Every box has its label; none asks for an id.
    const inputs = await form.locator('input:visible').count();
    expect(inputs).toBeGreaterThan(0);
    expect(await form.locator('input[aria-label]:visible, [aria-label] input:visible').count()).toBe(inputs);
    expect(await form.innerText()).not.toContain('编号');
    // Dates are chosen, not typed: the box opens the phone's picker.
    await form.locator('[aria-label="开始日期"]').click();
    await page.locator('.taro-picker__action:visible, .weui-picker__action:visible').getByText('确定').click({ timeout: STEP });
    await form.locator('[aria-label="开始日期"]').getByText(dayText(shanghaiDay())).waitFor({ timeout: STEP });

    // Refused: the box that is wrong says so in plain Chinese.
    await form.getByText('保存', { exact: true }).click();
    await form.getByText('请填写活动名称').waitFor({ timeout: STEP });
    await form.getByText('有几项要改，请看红字').waitFor();

    await fill(page, '活动名称', '2028平安返乡');
    await doubleTap(form.getByText('保存', { exact: true }));
    await form.locator('[role="status"]').getByText(/^已保存：2028平安返乡/).waitFor({ timeout: STEP });
    await page.waitForTimeout(1500);
    expect(await form.locator('[role="alert"]').count()).toBe(0);
    const made = e2e.cloud.db.find('station_campaigns', { name: '2028平安返乡' });
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ startDate: shanghaiDay(), opens: '08:00', closes: '20:00' });
    await page.locator('[data-testid="station-stats"]:visible').getByText('2028平安返乡').waitFor({ timeout: STEP });
    await shot(page, 'staff-station-campaign');
  }, 60000);

  it('the audit log shows what was just done, by whom', async () => {
    const page = await person(e2e, '黄主任', 'staff');
    await fromWorkbench(page, '操作记录');
    const rows = page.locator('[data-testid="audit-rows"]:visible');
    await rows.locator('.card').first().waitFor({ timeout: STEP });
    const text = await rows.innerText();
    expect(text).toContain('黄主任');
    expect(text).toContain('陈干事'); // the check-in clerk
    await shot(page, 'staff-audit');
  }, 60000);

  // issue 9 major: "操作记录 shows staff.home, exports.monthlyReport, fullPhones: false: show what a
  // clerk understands; opening 工作台 is not an audited change".
  it('the audit log speaks a clerk\'s words (no function names, no raw flags)', async () => {
    const page = await person(e2e, '黄主任', 'staff');
    await fromWorkbench(page, '操作记录');
    const rows = page.locator('[data-testid="audit-rows"]:visible');
    await rows.locator('.card').first().waitFor({ timeout: STEP });
    const text = await rows.innerText();
    expect(text).not.toMatch(/\b[a-z]+\.[a-zA-Z]+\b/);
    expect(text).not.toContain('fullPhones');
    expect(text).toMatch(/月报/);
    // 谁 · 做了什么 · 对哪条记录, and why a number was shown; opening 工作台 is no change
    expect(text).toMatch(/黄主任 · 导出了月报 · \d{4}年\d{1,2}月/);
    expect(text).toContain('号码已遮挡');
    expect(text).toMatch(/黄主任 · 查看了完整号码 · 法律咨询 #ZX/);
    expect(text).toContain('原因：回电答复');
    expect(text).not.toContain('打开了工作台');
    expect(text).toContain('发布了活动');
    // 看了个人信息的: the reveals and exports only
    await onScreen(page, '看了个人信息的').click();
    for (let i = 0; i < 80 && (await rows.innerText()).includes('发布了活动'); i++) await page.waitForTimeout(250);
    const personal = await rows.innerText();
    expect(personal).not.toContain('发布了活动');
    expect(personal).toContain('查看了完整号码');
    await shot(page, 'staff-audit-words');
  }, 60000);

  // Last in the file: a 便民日 today changes what the other tests' pages show.
  it('便民日叫号 opens straight on the one 便民日 running today at the staff member\'s centre', async () => {
    const admin = await e2e.cloud.makeStaff('fair-today-admin', 'admin');
    const saved = await e2e.cloud.call('centres', 'staffSaveFair', {
      centreId: 'yannan',
      date: shanghaiDay(),
      title: '烟南村今日便民日',
      opens: '00:00',
      closes: '23:59',
      place: '村委会门前',
      queues: [{ id: 'haircut', name: '义剪' }],
    }, admin);
    expect(saved.ok).toBe(true);
    const page = await centreStaff('烟南小梁', ['yannan']);
    await fromWorkbench(page, '便民日叫号');
    await onScreen(page, /烟南村今日便民日/).first().waitFor({ timeout: STEP });
    await onScreen(page, '叫下一个号').first().waitFor({ timeout: STEP });
    await shot(page, 'staff-fair-today');
  }, 60000);
});
