/**
 * The attendee list as a real .xlsx (exceljs), for the union's own records. Lives in the `exports`
 * function only: exceljs never loads where workers sign up. Phone numbers — every form field of
 * kind 'phone', and any run of 7+ digits in free text — are masked unless a union admin explicitly
 * asks for them (`fullPhones`, like the monthly report); centre staff asking
 * are refused (they do not need them to run the door). The audit record notes which it was.
 */
import ExcelJS from 'exceljs';
import { ENTRY_STATUS_LABELS } from '../../../contract/events/model';
import { maskAnswer, maskDigitRuns, maskPhone } from '../../../contract/privacy';
import { shanghai } from '../../../contract/time';
import { AppError } from '../../runtime/app-error';
import { assertEventScope } from '../staff/scope';
import type { HandlerContext } from '../../runtime/context';
import { entriesOf, loadEvent } from './store';

const when = (d?: Date | null) => (d ? shanghai(d).format('YYYY-MM-DD HH:mm') : '');

export async function attendeesXlsx(ctx: HandlerContext, input: { eventId: string; fullPhones: boolean }) {
  if (!ctx.staff) throw new AppError('FORBIDDEN');
  if (input.fullPhones && ctx.staff.role !== 'admin') throw new AppError('FORBIDDEN', '只有工会管理员可以导出完整手机号');
  const event = await loadEvent(ctx.db, input.eventId, { drafts: true });
  assertEventScope(ctx, event.venue?.centreId, 'door');
  const entries = (await entriesOf(ctx.db).where({ eventId: event._id }).orderBy('createdAt', 'asc').limit(1000).get()).data.filter(
    (e) => e.status !== 'pending',
  );
  const { fullPhones } = input;
  // Free text can hold a number too (a companion's phone typed after their name).
  const text = (t: string) => (fullPhones ? t : maskDigitRuns(t));
  const extraFields = event.form.filter((f) => !['name', 'phone', 'employer'].includes(f.key));

  const book = new ExcelJS.Workbook();
  book.creator = '九江镇总工会 职工·家';
  book.created = ctx.now;
  const sheet = book.addWorksheet('报名名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '姓名', key: 'name', width: 12 },
    { header: '手机号', key: 'phone', width: 15 },
    { header: '单位', key: 'employer', width: 22 },
    { header: '人数', key: 'seats', width: 6 },
    { header: '同行人员', key: 'party', width: 30 },
    ...extraFields.map((f) => ({ header: f.label, key: `f_${f.key}`, width: 14 })),
    { header: '状态', key: 'status', width: 12 },
    { header: '候补序号', key: 'seq', width: 9 },
    { header: '报名时间', key: 'createdAt', width: 17 },
    { header: '签到时间', key: 'checkedInAt', width: 17 },
  ];
  sheet.getRow(1).font = { bold: true };
  entries.forEach((e, i) => {
    const extras = Object.fromEntries(
      extraFields.map((f) => {
        const v = e.form[f.key];
        const shown = v === true ? '是' : v === false ? '否' : v === 'yes' ? '是' : v === 'no' ? '否' : String(v ?? '');
        return [`f_${f.key}`, fullPhones ? shown : maskAnswer(f.kind, shown)];
      }),
    );
    sheet.addRow({
      n: i + 1,
      name: text(e.name),
      phone: fullPhones ? e.phone : maskPhone(e.phone),
      employer: text(e.employer),
      seats: e.seats,
      party: text(e.party.join('、')),
      ...extras,
      status: ENTRY_STATUS_LABELS[e.status],
      seq: e.status === 'waitlisted' ? (e.seq ?? '') : '',
      createdAt: when(e.createdAt),
      checkedInAt: when(e.checkedInAt),
    });
  });
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  // ---- staff action (the audit log, issue 6, records who exported what)
  ctx.audit?.note({ fullPhones, rows: entries.length });
  const day = shanghai(ctx.now).format('YYYYMMDD');
  return { fileName: `${event.title}-报名名单-${day}.xlsx`, base64: buffer.toString('base64'), rows: entries.length, phonesMasked: !fullPhones };
}
