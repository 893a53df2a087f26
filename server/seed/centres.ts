import type { Centre, CentreService, FairQueueSpec, RosterPeriod, ServiceRoster } from '../../contract/centres/model';
import { shanghai } from '../../contract/time';
import type { Database } from '../db/database';
import { COLLECTIONS } from '../db/schema';
import { emptyQueue } from '../domain/centres/fairs';

/**
 * The four 职工·家 service centres named in the union's report. Names, services and community
 * programmes come from the report; street addresses, coordinates and phone numbers are
 * approximations for the demo (the union's staff replace them with the real ones). The phone is
 * the national union hotline 12351, which reaches the local union, rather than a made-up number.
 */
const WEEKDAYS_OPEN = [1, 2, 3, 4, 5] as const;
const OFFICE_HOURS = WEEKDAYS_OPEN.flatMap((weekday) => [
  { weekday, open: '09:00', close: '12:00' },
  { weekday, open: '14:00', close: '17:30' },
]);

export const SEED_CENTRES: Centre[] = [
  {
    id: 'jiujiang',
    name: '九江镇职工·家服务中心',
    shortName: '九江镇',
    address: '佛山市南海区九江镇 镇总工会一楼',
    location: { latitude: 22.8377, longitude: 113.0317 },
    phone: '12351',
    hours: OFFICE_HOURS,
    hoursText: '周一至周五 9:00–12:00，14:00–17:30',
    services: ['rights-help', 'hardship-aid', 'job-referral', 'legal-consultation', 'integration'],
    programmes: [
      {
        name: '小候鸟驿站',
        community: '下北社区',
        description: '暑假里照看来九江团聚的职工子女：作业辅导、安全教育和兴趣课。',
      },
    ],
    intro: '镇总工会的主服务点。欠薪、工伤、劳动合同问题可以来这里免费咨询，也可以申请困难帮扶。',
    order: 1,
  },
  {
    id: 'shatou',
    name: '沙头文体公园职工·家服务中心',
    shortName: '沙头',
    address: '佛山市南海区九江镇沙头 文体公园内',
    location: { latitude: 22.8701, longitude: 113.0489 },
    phone: '12351',
    hours: [...OFFICE_HOURS, { weekday: 6, open: '09:00', close: '12:00' }],
    hoursText: '周一至周五 9:00–12:00，14:00–17:30；周六 9:00–12:00；每月一次便民日',
    services: ['rights-help', 'hardship-aid', 'job-referral', 'legal-consultation', 'integration'],
    programmes: [],
    intro: '每月举办便民日。春运期间，旁边的沙头公交站设有平安返乡服务点，送热水、姜茶和返乡礼品。',
    order: 2,
  },
  {
    id: 'gongzi',
    name: '公资园区职工·家服务中心',
    shortName: '公资园区',
    address: '佛山市南海区九江镇 公资园区管理服务中心旁',
    location: { latitude: 22.8212, longitude: 113.0105 },
    phone: '12351',
    hours: OFFICE_HOURS,
    hoursText: '周一至周五 9:00–12:00，14:00–17:30',
    services: ['rights-help', 'job-referral', 'legal-consultation', 'integration'],
    programmes: [],
    intro: '就在园区里，下班顺路就能来。可以问招工信息、劳动合同和加班费。',
    order: 3,
  },
  {
    id: 'yannan',
    name: '烟南村职工·家服务中心',
    shortName: '烟南村',
    address: '佛山市南海区九江镇烟南村 村委会旁',
    location: { latitude: 22.8489, longitude: 113.0022 },
    phone: '12351',
    hours: OFFICE_HOURS,
    hoursText: '周一至周五 9:00–12:00，14:00–17:30',
    services: ['rights-help', 'hardship-aid', 'legal-consultation', 'integration'],
    programmes: [
      {
        name: '430学堂',
        community: '烟南社区',
        description: '工作日下午四点半放学后，职工子女可以在这里写作业、参加兴趣活动，等爸妈下班来接。',
      },
    ],
    intro: '离村里的工厂和出租屋近。新来九江的朋友可以在这里了解积分入学、居住证等融入政策。',
    order: 4,
  },
];

// ---------------------------------------------------------------------------------------------
// Bookings and 便民日 (written by seedCentresArea below).

const ROSTER_RULES = { minNoticeMinutes: 60, windowDays: 14, perPersonPerWeek: 2, changeUntilHours: 2 };

/** Seats per 30-minute slot, by service: legal consultation is one lawyer with two desks, etc. */
const SEATS: Record<CentreService, number> = {
  'rights-help': 2,
  'hardship-aid': 2,
  'job-referral': 3,
  'legal-consultation': 2,
  integration: 4,
};

function periodsOf(centre: Centre): RosterPeriod[] {
  return centre.hours.map((h) => ({ weekday: h.weekday, start: h.open, end: h.close }));
}

export const SEED_ROSTERS: ServiceRoster[] = SEED_CENTRES.flatMap((centre) =>
  centre.services.map((service) => ({
    centreId: centre.id,
    service,
    periods: periodsOf(centre),
    durationMinutes: 30,
    seats: SEATS[service],
    rules: ROSTER_RULES,
  })),
);

/**
 * Public holidays every centre closes for. The State Council publishes each year's dates in
 * November; these follow its usual pattern (Spring Festival 2027 is 6 February) and staff adjust
 * them with staffSaveClosure once the notice is out.
 */
export const SEED_HOLIDAYS: Array<{ date: string; reason: string }> = [
  ...['2027-01-01'].map((date) => ({ date, reason: '元旦放假' })),
  ...['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'].map((date) => ({
    date,
    reason: '春节放假',
  })),
  ...['2027-05-01', '2027-05-02', '2027-05-03'].map((date) => ({ date, reason: '劳动节放假' })),
];

/** The 便民日 at 沙头: the second Saturday of next month, with the queues of the union's report. */
export function seedFair(now: Date): { centreId: string; date: string; title: string; opens: string; closes: string; place: string; queues: FairQueueSpec[] } {
  const firstOfNext = shanghai(now).startOf('month').add(1, 'month');
  const firstSaturday = firstOfNext.add((6 - firstOfNext.day() + 7) % 7, 'day');
  const date = firstSaturday.add(7, 'day').format('YYYY-MM-DD');
  return {
    centreId: 'shatou',
    date,
    title: `${Number(date.slice(5, 7))}月便民日`,
    opens: '09:00',
    closes: '12:00',
    place: '沙头文体公园 服务中心门前广场',
    queues: [
      { id: 'haircut', name: '义剪', windows: [] },
      { id: 'blood', name: '量血压', windows: [] },
      { id: 'repair', name: '家电维修', windows: [] },
      {
        id: 'legal',
        name: '法律咨询',
        windows: [
          { start: '09:00', end: '09:45', seats: 4 },
          { start: '09:45', end: '10:30', seats: 4 },
          { start: '10:30', end: '11:15', seats: 4 },
          { start: '11:15', end: '12:00', seats: 4 },
        ],
      },
    ],
  };
}

/** Writes rosters, holidays and next month's 便民日 (with its queues). Idempotent. */
export async function seedCentresArea(db: Database, now: Date): Promise<{ rosters: number; closures: number; fairs: number }> {
  for (const roster of SEED_ROSTERS) {
    const centre = SEED_CENTRES.find((c) => c.id === roster.centreId);
    await db
      .collection(COLLECTIONS.rosters)
      .doc(`${roster.centreId}:${roster.service}`)
      .set({ data: { ...roster, centreName: centre?.name ?? roster.centreId, updatedAt: now } });
  }
  for (const h of SEED_HOLIDAYS) {
    await db.collection(COLLECTIONS.closures).doc(`all:${h.date}`).set({ data: { centreId: 'all', date: h.date, reason: h.reason } });
  }
  const fair = seedFair(now);
  const fairId = `${fair.centreId}:${fair.date}`;
  const centre = SEED_CENTRES.find((c) => c.id === fair.centreId);
  await db.collection(COLLECTIONS.fairs).doc(fairId).set({ data: { ...fair, centreName: centre?.name ?? '', updatedAt: now } });
  for (const q of fair.queues) {
    const { _id, ...queue } = emptyQueue(fairId, q);
    await db.collection(COLLECTIONS.fairQueues).doc(_id).set({ data: queue });
  }
  return { rosters: SEED_ROSTERS.length, closures: SEED_HOLIDAYS.length, fairs: 1 };
}
