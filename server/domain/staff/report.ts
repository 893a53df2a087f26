/**
 * The monthly report: a real .xlsx (exceljs, in the `exports` function only, like the attendee
 * export), one sheet per area — 概况 (the figures), 活动, 服务中心, 维权咨询, 平安返乡. Each area
 * sheet has its figures, then its list. Phone numbers are masked unless a union admin asks for
 * the full list (`fullPhones`); centre staff get only their own centres' lists. The export itself
 * is logged at the door (server/runtime/audit.ts) with a note of what was in it.
 */
import ExcelJS from 'exceljs';
import { BOOKING_STATUS_LABELS, CENTRE_SERVICE_LABELS, type BookingStatus, type CentreService } from '../../../contract/centres/model';
import { ENTRY_STATUS_LABELS, type EntryStatus } from '../../../contract/events/model';
import { maskDigitRuns, maskPhone } from '../../../contract/privacy';
import { CONSULTATION_STATUS_LABELS, ARTICLE_CATEGORY_LABELS, type ConsultationStatus } from '../../../contract/rights/model';
import type { ReportFile } from '../../../contract/staff/model';
import { fromShanghai, shanghai } from '../../../contract/time';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { figureRows, instantsOf, namesFor, summarise, type Range } from './figures';
import { actsFor } from './scope';

const LIST_MAX = 1000;
const when = (d?: Date | string | null) => (d ? shanghai(d).format('YYYY-MM-DD HH:mm') : '');

/** The Shanghai days of a 'YYYY-MM' month. */
export function monthRange(month: string): Range {
  const first = shanghai(fromShanghai(`${month}-01 00:00`));
  return { from: first.format('YYYY-MM-DD'), to: first.endOf('month').format('YYYY-MM-DD') };
}

type Sheet = ExcelJS.Worksheet;

function table(sheet: Sheet, title: string, headers: string[], rows: (string | number)[][]): void {
  if (sheet.rowCount > 0) sheet.addRow([]);
  const t = sheet.addRow([title]);
  t.font = { bold: true, size: 13 };
  const h = sheet.addRow(headers);
  h.font = { bold: true };
  if (rows.length === 0) sheet.addRow(['（无）']);
  for (const row of rows) sheet.addRow(row);
}

export async function monthlyReport(ctx: HandlerContext, input: { month: string; fullPhones: boolean }): Promise<ReportFile> {
  const staff = ctx.staff;
  if (!staff) throw new AppError('FORBIDDEN');
  if (input.fullPhones && staff.role !== 'admin') throw new AppError('FORBIDDEN', '只有工会管理员可以导出完整手机号');
  const phone = (p: string | undefined) => (input.fullPhones ? (p ?? '') : maskPhone(p));
  // Names and employers are typed by workers: a number typed there is masked like the phone.
  const text = (t: string | undefined) => (input.fullPhones ? (t ?? '') : maskDigitRuns(t));
  const range = monthRange(input.month);
  const { start, end } = instantsOf(range);
  const _ = ctx.db.command;
  const within = _.gte(start).and(_.lt(end));

  const rows = await figureRows(ctx.db, range);
  const names = await namesFor(ctx.db, rows);
  const figures = summarise(range, rows, names);

  const [entries, bookings, consultations, campaigns] = await Promise.all([
    ctx.db.collection<{ eventId: string; name: string; phone: string; employer: string; seats: number; status: EntryStatus; createdAt: Date; checkedInAt?: Date }>(COLLECTIONS.eventEntries)
      .where({ createdAt: within, status: _.neq('pending') })
      .orderBy('createdAt', 'asc')
      .limit(LIST_MAX)
      .get(),
    ctx.db.collection<{ centreId: string; centreName: string; service: CentreService; name: string; phone: string; start: Date; status: BookingStatus; source: string }>(COLLECTIONS.bookings)
      .where({ start: within })
      .orderBy('start', 'asc')
      .limit(LIST_MAX)
      .get(),
    staff.role === 'admin'
      ? ctx.db.collection<{ code: string; category: keyof typeof ARTICLE_CATEGORY_LABELS; status: ConsultationStatus; createdAt: Date; answer: { at: Date } | null; phone: string; anonymous: boolean }>(COLLECTIONS.rightsConsultations)
          .where({ createdAt: within })
          .orderBy('createdAt', 'asc')
          .limit(LIST_MAX)
          .get()
      : Promise.resolve({ data: [] }),
    ctx.db.collection<{ _id: string; name: string; station: string; startDate: string; endDate: string }>(COLLECTIONS.stationCampaigns)
      .where({ startDate: _.lte(range.to), endDate: _.gte(range.from) })
      .limit(100)
      .get(),
  ]);

  const book = new ExcelJS.Workbook();
  book.creator = '九江镇总工会 职工·家';
  book.created = ctx.now;

  const overview = book.addWorksheet('概况');
  overview.columns = [{ width: 22 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
  table(overview, `九江镇总工会 职工·家 月报 ${input.month}（${range.from} 至 ${range.to}）`, ['指标', '数量'], [
    ['服务人次（合计）', figures.totals.served],
    ['活动报名（人）', figures.totals.signUps],
    ['活动签到（人次）', figures.totals.checkIns],
    ['服务中心预约到场（人次）', figures.totals.bookingsKept],
    ['法律咨询已答复（件）', figures.totals.consultationsAnswered],
    ['平安返乡服务点（人次）', figures.totals.stationVisits],
  ]);
  table(overview, '按服务', ['服务', '人次'], figures.byService.map((b) => [b.label, b.n]));
  table(overview, '按服务中心', ['服务中心', '人次'], figures.byCentre.map((b) => [b.label, b.n]));
  overview.addRow([]);
  overview.addRow([`导出时间 ${when(ctx.now)}　导出人 ${staff.name}　手机号${input.fullPhones ? '完整（管理员导出，请妥善保管）' : '已隐藏中间四位'}`]);

  const eventSheet = book.addWorksheet('活动');
  eventSheet.columns = [{ width: 26 }, { width: 12 }, { width: 12 }, { width: 18 }, { width: 8 }, { width: 12 }, { width: 17 }, { width: 17 }];
  table(eventSheet, '各活动报名与签到', ['活动', '报名（人）', '签到（人次）'], figures.byEvent.map((e) => [e.label, e.signUps, e.n]));
  const visibleEntries = entries.data.filter((e) => actsFor(staff, names.events.get(e.eventId)?.centreId));
  table(
    eventSheet,
    '报名名单',
    ['活动', '姓名', '手机号', '单位', '人数', '状态', '报名时间', '签到时间'],
    visibleEntries.map((e) => [names.events.get(e.eventId)?.title ?? '', text(e.name) || '（已匿名）', phone(e.phone), text(e.employer), e.seats, ENTRY_STATUS_LABELS[e.status] ?? e.status, when(e.createdAt), when(e.checkedInAt)]),
  );

  const centreSheet = book.addWorksheet('服务中心');
  centreSheet.columns = [{ width: 22 }, { width: 14 }, { width: 12 }, { width: 15 }, { width: 17 }, { width: 10 }, { width: 8 }];
  table(centreSheet, '到场人次（按中心和服务）', ['服务中心', '服务', '人次'], rows.bookings.map((b) => [names.centres.get(b._id.centreId) ?? b._id.centreId, CENTRE_SERVICE_LABELS[b._id.service] ?? b._id.service, b.n]));
  table(
    centreSheet,
    '预约名单',
    ['服务中心', '服务', '姓名', '手机号', '时间', '状态', '来源'],
    bookings.data
      .filter((b) => actsFor(staff, b.centreId))
      .map((b) => [b.centreName, CENTRE_SERVICE_LABELS[b.service] ?? b.service, text(b.name) || '（已匿名）', phone(b.phone), when(b.start), BOOKING_STATUS_LABELS[b.status] ?? b.status, b.source === 'walk_in' ? '现场登记' : '小程序']),
  );

  const rightsSheet = book.addWorksheet('维权咨询');
  rightsSheet.columns = [{ width: 14 }, { width: 16 }, { width: 10 }, { width: 17 }, { width: 17 }, { width: 15 }];
  table(rightsSheet, '法律咨询', ['指标', '数量'], [
    ['本月提交（件）', consultations.data.length],
    ['本月答复（件）', figures.totals.consultationsAnswered],
  ]);
  table(
    rightsSheet,
    staff.role === 'admin' ? '咨询记录（不含咨询内容）' : '咨询记录（仅管理员可见）',
    ['编号', '类别', '状态', '提交时间', '答复时间', '手机号'],
    consultations.data.map((c) => [c.code, ARTICLE_CATEGORY_LABELS[c.category] ?? c.category, CONSULTATION_STATUS_LABELS[c.status] ?? c.status, when(c.createdAt), when(c.answer?.at), c.anonymous ? '（匿名）' : phone(c.phone)]),
  );

  const stationSheet = book.addWorksheet('平安返乡');
  stationSheet.columns = [{ width: 22 }, { width: 14 }, { width: 12 }];
  table(stationSheet, '服务点人次（按活动）', ['服务点活动', '人次'], figures.byCampaign.map((c) => [c.label, c.n]));
  table(
    stationSheet,
    '按日期',
    ['服务点活动', '日期', '人次'],
    rows.station.sort((a, b) => a._id.date.localeCompare(b._id.date)).map((r) => [names.campaigns.get(r._id.campaignId)?.name ?? r._id.campaignId, r._id.date, r.n]),
  );
  table(stationSheet, '本月的服务点活动', ['名称', '地点', '日期'], campaigns.data.map((c) => [c.name, c.station, `${c.startDate} 至 ${c.endDate}`]));

  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  ctx.audit?.note({ month: input.month, fullPhones: input.fullPhones, entries: visibleEntries.length, bookings: bookings.data.length });
  return {
    fileName: `职工之家月报-${input.month}.xlsx`,
    base64: buffer.toString('base64'),
    sheets: book.worksheets.map((s) => s.name),
    phonesMasked: !input.fullPhones,
  };
}
