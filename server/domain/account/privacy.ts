/**
 * 我的数据 (PIPL arts. 44–47): what the union holds about the caller, and deleting it.
 *
 * Deleting keeps the union's figures true and counts nothing twice:
 *   - event sign-ups for events that have not started are ended through the events area's own
 *     ending logic (endFromCurrent: seats back to the ledger, the waitlist promoted), then
 *     anonymised like the rest;
 *   - bookings still to come are ended through the centres area's own endBooking + giveBack
 *     (slot seat and weekly quota returned);
 *   - every record that feeds a figure (entries, bookings, consultations, 便民日 numbers, station
 *     taps) stays where it is, once, with the name, phone, form answers and OPENID removed;
 *   - favourites, votes (the article's counters keep the vote), the profile and invite codes are
 *     removed. The audit log is kept (a security record, docs/privacy.md).
 */
import { randomBytes } from 'node:crypto';
import { BOOKING_STATUS_LABELS, CENTRE_SERVICE_LABELS, FAIR_TICKET_STATE_LABELS } from '../../../contract/centres/model';
import { ENTRY_STATUS_LABELS } from '../../../contract/events/model';
import { AID_KIND_LABELS, AID_STATUS_LABELS } from '../../../contract/aid/model';
import { CONSULTATION_STATUS_LABELS, ARTICLE_CATEGORY_LABELS } from '../../../contract/rights/model';
import type { DeleteReport, MyData, MyDataSection } from '../../../contract/staff/model';
import { ROLE_LABELS } from '../../../contract/account/model';
import { dayTimeText } from '../../../contract/time';
import type { Doc } from '../../db/database';
import { COLLECTIONS } from '../../db/schema';
import type { HandlerContext } from '../../runtime/context';
import { forgetMyApplications } from '../aid/retention';
import type { AidDoc } from '../aid/records';
import { endBooking } from '../centres/bookings';
import { settledFirst } from '../centres/booking-repair';
import type { BookingDoc } from '../centres/records';
import type { EntryDoc } from '../events/records';
import { endFromCurrent } from '../events/signup';
import type { ConsultationDoc, FavouriteDoc, VoteDoc } from '../rights/records';
import type { TapDoc } from '../station/taps';
import { dropMessagesTo } from '../messages/outbox';

const SHOWN = 30;
const READ = 1000;
const day = (d?: Date | string | null) => (d ? dayTimeText(d) : '');

/** Names for the ids 我的数据 would otherwise show raw (shatou:2026-12-12, unpaid-wages). */
async function namesOf<T>(ctx: HandlerContext, collection: (typeof COLLECTIONS)[keyof typeof COLLECTIONS], ids: string[], name: (doc: Doc) => T): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const found = await ctx.db.collection<Doc>(collection).where({ _id: ctx.db.command.in(unique) }).limit(READ).get();
  return new Map(found.data.map((doc) => [String(doc._id), name(doc)]));
}

const STILL_ENDABLE: EntryDoc['status'][] = ['applied', 'confirmed', 'waitlisted', 'offered'];

async function mine<T>(ctx: HandlerContext, collection: (typeof COLLECTIONS)[keyof typeof COLLECTIONS]): Promise<T[]> {
  return (await ctx.db.collection<T>(collection).where({ openid: ctx.openid }).limit(READ).get()).data;
}

function section(key: MyDataSection['key'], title: string, why: string, items: MyDataSection['items']): MyDataSection {
  return { key, title, why, items: items.slice(0, SHOWN), total: items.length };
}

export async function myData(ctx: HandlerContext): Promise<MyData> {
  const [users, roles, entries, bookings, tickets, consultations, favourites, votes, taps, aid] = await Promise.all([
    ctx.db.collection<{ nickname?: string; createdAt?: Date }>(COLLECTIONS.users).where({ _id: ctx.openid }).limit(1).get(),
    ctx.db.collection<{ role: 'admin' | 'centre_staff'; name?: string }>(COLLECTIONS.roles).where({ _id: ctx.openid }).limit(1).get(),
    mine<EntryDoc>(ctx, COLLECTIONS.eventEntries),
    mine<BookingDoc>(ctx, COLLECTIONS.bookings),
    mine<{ fairId: string; queueId: string; number: number; createdAt: Date; returnedAt?: Date; givenBack?: Array<{ number: number }> }>(ctx, COLLECTIONS.fairTickets),
    mine<ConsultationDoc>(ctx, COLLECTIONS.rightsConsultations),
    mine<FavouriteDoc>(ctx, COLLECTIONS.rightsFavourites),
    mine<VoteDoc>(ctx, COLLECTIONS.rightsVotes),
    mine<TapDoc>(ctx, COLLECTIONS.stationTaps),
    mine<AidDoc>(ctx, COLLECTIONS.aidApplications),
  ]);
  const titles = new Map<string, string>();
  const eventIds = [...new Set(entries.map((e) => e.eventId))];
  if (eventIds.length > 0) {
    const events = await ctx.db.collection<{ _id: string; title: string }>(COLLECTIONS.events).where({ _id: ctx.db.command.in(eventIds) }).field({ title: true }).limit(READ).get();
    for (const e of events.data) titles.set(e._id, e.title);
  }
  const [fairs, articles, campaigns] = await Promise.all([
    namesOf(ctx, COLLECTIONS.fairs, tickets.map((t) => t.fairId), (f) => ({
      title: `${String(f.title)}（${String(f.date).slice(5).replace('-', '月')}日）`,
      queues: (f.queues ?? []) as { id: string; name: string }[],
    })),
    namesOf(ctx, COLLECTIONS.rightsArticles, [...favourites.map((f) => f.slug), ...votes.map((v) => v.slug)], (a) => String(a.title)),
    namesOf(ctx, COLLECTIONS.stationCampaigns, taps.map((t) => t.campaignId), (c) => c as { name: string; services?: { id: string; label: string }[] }),
  ]);
  const stationLabel = (t: TapDoc) => {
    const c = campaigns.get(t.campaignId);
    if (!c) return '平安返乡服务';
    return `${c.name} · ${c.services?.find((s) => s.id === t.serviceId)?.label ?? '服务'}`;
  };
  const user = users.data[0];
  const role = roles.data[0];
  const sections: MyDataSection[] = [
    section('profile', '个人资料', '用来在小程序里称呼你；删除后不再保留。', user ? [{ label: '昵称', detail: user.nickname ?? '（未设置）' }] : []),
    section(
      'events',
      '活动报名',
      '办理报名、候补、入场和提醒；活动结束后保留一年用于核对，然后只留不含个人信息的人数。',
      entries.map((e) => ({
        label: titles.get(e.eventId) ?? '活动',
        detail: `${day(e.createdAt)} 报名 · ${ENTRY_STATUS_LABELS[e.status] ?? e.status}${e.phone ? ` · 手机 ${e.phone}` : ''}${e.party?.length ? ` · 同行 ${e.party.join('、')}` : ''}`,
      })),
    ),
    section(
      'bookings',
      '服务中心预约',
      '安排服务中心的时间和座位、提醒你；预约结束后保留一年，然后只留人数。',
      bookings.map((b) => ({
        label: `${b.centreName} · ${CENTRE_SERVICE_LABELS[b.service] ?? b.service}`,
        detail: `${day(b.start)} · ${BOOKING_STATUS_LABELS[b.status] ?? b.status}${b.topic ? ` · 想咨询：${b.topic}` : ''}${b.phone ? ` · 手机 ${b.phone}` : ''}`,
      })),
    ),
    section('fair', '便民日取号', '便民日当天排队叫号用。', tickets.map((t) => {
        // The day and the queue the worker chose (…（12月12日） · 义剪), not ids.
        const fair = fairs.get(t.fairId);
        const queue = fair?.queues.find((q) => q.id === t.queueId)?.name;
        // A number given back is still held (it is never issued again), and so are the earlier ones.
        const earlier = (t.givenBack ?? []).map((g) => g.number).filter((n) => n !== t.number);
        const state = t.returnedAt ? `（${FAIR_TICKET_STATE_LABELS.returned}）` : '';
        const history = earlier.length ? ` · 退过${earlier.join('、')}号` : '';
        return { label: `${fair?.title ?? '便民日'}${queue ? ` · ${queue}` : ''}`, detail: `${day(t.createdAt)} · ${t.number}号${state}${history}` };
      })),
    section(
      'consultations',
      '法律咨询',
      '让工会法律服务团队答复你的问题；结案后保留三年以备跟进，然后删除内容只留件数。',
      consultations.map((c) => ({
        label: `${ARTICLE_CATEGORY_LABELS[c.category] ?? c.category} · ${c.code}`,
        detail: `${day(c.createdAt)} · ${CONSULTATION_STATUS_LABELS[c.status] ?? c.status}${c.phone ? ` · 手机 ${c.phone}` : ''}${c.anonymous ? ' · 匿名' : ''}`,
      })),
    ),
    section(
      'aid',
      '帮扶申请',
      '办理困难帮扶、法律援助、互助保障和就业推荐；办结半年后删除材料照片和身份证号等，三年后只留件数。',
      aid.map((a) => ({
        label: `${AID_KIND_LABELS[a.kind] ?? a.kind} · ${a.code}`,
        detail: `${day(a.createdAt)} · ${AID_STATUS_LABELS[a.status] ?? a.status}${a.phone ? ` · 手机 ${a.phone}` : ''}${a.documents.length ? ` · 材料 ${a.documents.length} 份` : ''}`,
      })),
    ),
    section('favourites', '收藏的文章', '方便你再次阅读。', favourites.map((f) => ({ label: articles.get(f.slug) ?? '文章', detail: `收藏于 ${day(f.createdAt)}` }))),
    section('votes', '文章评价', '帮助工会改进文章。', votes.map((v) => ({ label: articles.get(v.slug) ?? '文章', detail: `${v.vote === 'up' ? '有用' : '没用'}${v.text ? ` · ${v.text}` : ''}` }))),
    section(
      'station',
      '平安返乡服务点',
      '防止同一项服务重复计数；活动结束后第二天只留不含个人信息的人次。',
      taps.map((t) => ({ label: stationLabel(t), detail: day(t.at) })),
    ),
  ];
  if (role) sections.push(section('staff', '工作人员身份', '工作人员身份由管理员设置，删除数据不会取消；需要取消请联系工会管理员。', [{ label: ROLE_LABELS[role.role], detail: role.name ?? '' }]));
  return { sections };
}

/** Fields of an event entry that identify a person, and their anonymous replacements. */
function anonymousEntry(entry: EntryDoc, now: Date, set: (value: unknown) => unknown): Doc {
  return {
    openid: '',
    requestId: '',
    name: '',
    phone: '',
    employer: '',
    form: set({}),
    party: [],
    subs: set({}),
    // A unique dead key: activeKey held the OPENID while active; ticketCode has a unique index.
    activeKey: entry._id,
    ticketCode: `anon-${randomBytes(12).toString('hex')}`,
    anonymisedAt: now,
  };
}

export async function deleteMyData(ctx: HandlerContext): Promise<DeleteReport> {
  const _ = ctx.db.command;
  // An object in update data merges field by field; _.set replaces it whole.
  const set = (value: unknown) => _.set(value);
  const report: DeleteReport = {
    entriesCancelled: 0,
    entriesAnonymised: 0,
    bookingsCancelled: 0,
    bookingsAnonymised: 0,
    consultationsAnonymised: 0,
    aidApplicationsRemoved: 0,
    aidApplicationsAnonymised: 0,
    favouritesRemoved: 0,
    votesRemoved: 0,
    stationTapsAnonymised: 0,
    fairTicketsAnonymised: 0,
    profileRemoved: false,
    notes: [],
  };

  // ---- events: end what is still to come, through the area's own logic; then anonymise all.
  const entries = await mine<EntryDoc>(ctx, COLLECTIONS.eventEntries);
  for (const entry of entries) {
    if (entry.status === 'pending') {
      report.notes.push('有一条报名还在处理中，请过几分钟再删除一次');
      continue;
    }
    let current = entry;
    if (STILL_ENDABLE.includes(entry.status) && new Date(entry.startsAt).getTime() > ctx.now.getTime()) {
      current = await endFromCurrent(ctx, entry, STILL_ENDABLE, 'cancelled');
      if (current.status === 'cancelled') report.entriesCancelled += 1;
    }
    const res = await ctx.db.collection(COLLECTIONS.eventEntries).where({ _id: entry._id, openid: ctx.openid }).update({ data: anonymousEntry(current, ctx.now, set) });
    report.entriesAnonymised += res.stats.updated;
  }

  // ---- bookings: the same, with the centres area's endBooking and counters.
  const bookings = await mine<BookingDoc>(ctx, COLLECTIONS.bookings);
  for (const booking of bookings) {
    if (booking.status === 'booked' && new Date(booking.start).getTime() > ctx.now.getTime()) {
      if (await endBooking(ctx, await settledFirst(ctx, booking), 'cancelled', { slotId: booking.slotId, quotaId: booking.quotaId })) report.bookingsCancelled += 1;
    }
    const res = await ctx.db
      .collection(COLLECTIONS.bookings)
      .where({ _id: booking._id, openid: ctx.openid })
      .update({ data: { openid: '', name: '', phone: '', topic: '', remind: false, activeKey: `anon:${booking._id}`, anonymisedAt: ctx.now } });
    report.bookingsAnonymised += res.stats.updated;
  }

  // ---- consultations: keep the case's dates and category (the figures), drop the words and the person.
  const consultations = await mine<ConsultationDoc>(ctx, COLLECTIONS.rightsConsultations);
  for (const c of consultations) {
    const open = c.status === 'submitted' || c.status === 'processing';
    const res = await ctx.db
      .collection(COLLECTIONS.rightsConsultations)
      .where({ _id: c._id, openid: ctx.openid })
      .update({
        data: {
          openid: '',
          requestId: '',
          phone: '',
          who: '',
          description: '（职工已删除个人数据）',
          answer: c.answer ? _.set({ text: '', by: c.answer.by, at: c.answer.at }) : null,
          ...(open ? { status: 'closed', history: _.push([{ status: 'closed', at: ctx.now }]) } : {}),
          anonymisedAt: ctx.now,
        },
      });
    report.consultationsAnonymised += res.stats.updated;
  }

  // ---- 帮扶: open applications withdrawn with their files; decided ones kept as an outline.
  const aid = await forgetMyApplications(ctx);
  report.aidApplicationsRemoved = aid.removed;
  report.aidApplicationsAnonymised = aid.anonymised;

  // ---- station taps and 便民日 numbers: their _id is a hash, so the record stays and still
  // prevents a second count; only the OPENID goes.
  const taps = await ctx.db.collection(COLLECTIONS.stationTaps).where({ openid: ctx.openid }).update({ data: { openid: '' } });
  report.stationTapsAnonymised = taps.stats.updated;
  const tickets = await ctx.db.collection(COLLECTIONS.fairTickets).where({ openid: ctx.openid }).update({ data: { openid: '', name: '' } });
  report.fairTicketsAnonymised = tickets.stats.updated;

  // ---- removed outright: favourites, votes (the article's counters keep the vote), profile, codes.
  report.favouritesRemoved = (await ctx.db.collection(COLLECTIONS.rightsFavourites).where({ openid: ctx.openid }).remove()).stats.removed;
  report.votesRemoved = (await ctx.db.collection(COLLECTIONS.rightsVotes).where({ openid: ctx.openid }).remove()).stats.removed;
  report.profileRemoved = (await ctx.db.collection(COLLECTIONS.users).where({ _id: ctx.openid }).remove()).stats.removed === 1;
  await ctx.db.collection(COLLECTIONS.staffInvites).where({ openid: ctx.openid }).remove();
  // ---- messages not yet sent to them (a reminder queued for tomorrow) go unsent, without content.
  await dropMessagesTo(ctx, ctx.openid);
  report.notes = [...new Set(report.notes)];
  return report;
}
