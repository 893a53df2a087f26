/**
 * The year's union programme from the report (seed/jiujiang-union-five-years.txt): the 新市民
 * New Year's Eve dinner on 除夕, the 育婴员 and 中式面点师 competitions, the 五一铁臂王 tug-of-war,
 * the 亲子游园会 (a lottery), 七夕鹊桥相约, a film night and a 新家园·新梦想 talk. Festival dates
 * are the real ones; the rest are relative to `now`. Insert-if-absent: seeding again never resets
 * an event's seat ledger under live sign-ups.
 */
import { createHash } from 'node:crypto';
import type { EventDraft } from '../../contract/events/actions';
import type { FormField } from '../../contract/events/model';
import { fromShanghai, shanghai, shanghaiDay } from '../../contract/time';
import type { Database } from '../db/database';
import { COLLECTIONS } from '../db/schema';
import { migrateLedgers } from '../domain/events/ledger-migration';
import { newSeed } from '../domain/events/lottery';
import { claimDoorCode } from '../domain/events/door-codes';
import { newEventFields } from '../domain/events/staff';

/** 除夕 (the eve of the Spring Festival) by year of the festival: the lunar calendar, looked up. */
export const CHUXI: Record<number, string> = {
  2025: '2025-01-28',
  2026: '2026-02-16',
  2027: '2027-02-05',
  2028: '2028-01-25',
  2029: '2029-02-12',
  2030: '2030-02-02',
  2031: '2031-01-22',
  2032: '2032-02-10',
};

/** 七夕 (7th day of the 7th lunar month) by year. */
export const QIXI: Record<number, string> = {
  2025: '2025-08-29',
  2026: '2026-08-19',
  2027: '2027-08-08',
  2028: '2028-08-26',
  2029: '2029-08-16',
  2030: '2030-08-05',
  2031: '2031-08-24',
  2032: '2032-08-12',
};

/** The first date in the table whose `time` (Shanghai) is still ahead of `now`. */
export function nextFixed(table: Record<number, string>, time: string, now: Date): Date {
  for (const year of Object.keys(table).map(Number).sort()) {
    const at = fromShanghai(`${table[year]} ${time}`);
    if (at > now) return at;
  }
  throw new Error('the festival table needs a newer year');
}

/** Next 1 May at `time`, Shanghai. */
export function nextMayDay(time: string, now: Date): Date {
  const year = shanghai(now).year();
  const thisYear = fromShanghai(`${year}-05-01 ${time}`);
  return thisYear > now ? thisYear : fromShanghai(`${year + 1}-05-01 ${time}`);
}

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
/** `days` from now's Shanghai date, at a wall-clock time. */
const dayAt = (now: Date, days: number, time: string) => fromShanghai(`${shanghaiDay(new Date(now.getTime() + days * DAY))} ${time}`);

const NAME: FormField = { key: 'name', label: '姓名', kind: 'text', required: true, hint: '填身份证上的名字' };
const PHONE: FormField = { key: 'phone', label: '手机号', kind: 'phone', required: true };
const EMPLOYER: FormField = { key: 'employer', label: '工作单位', kind: 'text', required: true };

const base = {
  organiser: '九江镇总工会',
  phone: '12351',
  description: '',
  waitlistLimit: 500,
  claimHours: 12,
  allocation: 'first_come' as const,
  lotteryPriority: 'none' as const,
  series: '',
  group: { kind: 'single' as const },
  eligibility: [],
};

export function seedEventDrafts(now: Date): Array<{ id: string; draft: EventDraft; taken?: number }> {
  const chuxiDinner = nextFixed(CHUXI, '18:00', now);
  const qixi = nextFixed(QIXI, '19:00', now);
  const mayDay = nextMayDay('09:00', now);
  const d = (days: number, time: string) => dayAt(now, days, time);
  return [
    {
      id: 'ev-nianyefan',
      draft: {
        ...base,
        title: '新市民浓情欢聚年夜饭',
        category: 'dinner',
        summary: '留在九江过年的新市民职工，除夕一起吃年夜饭',
        description:
          '除夕晚上6点开席，300个位子。面向今年留在九江过年、非本地户籍的职工。\n凭入场码入场，一人一座。\n不能来请提前在小程序里取消，把位子让给候补的工友。',
        venue: { name: '九江镇职工·家服务中心', address: '佛山市南海区九江镇 镇总工会一楼', centreId: 'jiujiang' },
        startsAt: chuxiDinner,
        endsAt: new Date(chuxiDinner.getTime() + 3 * HOUR),
        signUpOpensAt: new Date(now.getTime() - 2 * DAY),
        signUpClosesAt: new Date(chuxiDinner.getTime() - 3 * DAY),
        cancelDeadline: new Date(chuxiDinner.getTime() - DAY),
        capacity: 300,
        series: '年夜饭',
        form: [
          NAME,
          PHONE,
          EMPLOYER,
          { key: 'hukouLocal', label: '户籍在南海区吗', kind: 'yesno', required: true },
          { key: 'hukouProvince', label: '老家省份', kind: 'province', required: true },
        ],
        eligibility: [{ kind: 'nonLocalHukou' }],
      },
    },
    {
      id: 'ev-yuyingyuan',
      draft: {
        ...base,
        title: '职业技能竞赛·育婴员',
        category: 'contest',
        summary: '育婴员技能比赛，前三名有奖金和证书',
        description: '比理论知识和实操（喂养、抚触、急救）。获奖者可按规定申报相应职业技能等级。',
        venue: { name: '九江镇职业技能培训中心', address: '佛山市南海区九江镇' },
        startsAt: d(20, '09:00'),
        endsAt: d(20, '17:00'),
        signUpOpensAt: new Date(now.getTime() - 3 * DAY),
        signUpClosesAt: d(13, '18:00'),
        cancelDeadline: d(15, '18:00'),
        capacity: 40,
        waitlistLimit: 20,
        form: [NAME, PHONE, EMPLOYER, { key: 'qualified', label: '本人从事育婴、母婴护理工作', kind: 'confirm', required: true }],
        eligibility: [{ kind: 'confirm', field: 'qualified', text: '本人从事育婴、母婴护理工作' }],
      },
    },
    {
      id: 'ev-miandian',
      taken: 28,
      draft: {
        ...base,
        title: '职业技能竞赛·中式面点师',
        category: 'contest',
        summary: '包点、酥点现场比赛，名额快满了',
        description: '自带刀具和围裙，面粉和馅料由主办方提供。',
        venue: { name: '九江镇职业技能培训中心', address: '佛山市南海区九江镇' },
        startsAt: d(27, '09:00'),
        endsAt: d(27, '16:00'),
        signUpOpensAt: new Date(now.getTime() - 5 * DAY),
        signUpClosesAt: d(20, '18:00'),
        cancelDeadline: d(22, '18:00'),
        capacity: 30,
        waitlistLimit: 20,
        form: [NAME, PHONE, EMPLOYER],
      },
    },
    {
      id: 'ev-tiebiwang',
      draft: {
        ...base,
        title: '五一“铁臂王”拔河比赛',
        category: 'sports',
        summary: '以企业为单位组队，一队10人',
        description: '队长报名，填好另外9位队员的名字。整队一起报上，名额不够就整队候补。',
        venue: { name: '九江镇文体中心', address: '佛山市南海区九江镇' },
        startsAt: mayDay,
        endsAt: new Date(mayDay.getTime() + 4 * HOUR),
        signUpOpensAt: new Date(now.getTime() - DAY),
        signUpClosesAt: new Date(mayDay.getTime() - 10 * DAY),
        cancelDeadline: new Date(mayDay.getTime() - 7 * DAY),
        capacity: 160,
        waitlistLimit: 80,
        group: { kind: 'team', size: 10, memberLabel: '队员' },
        form: [NAME, PHONE, EMPLOYER],
      },
    },
    {
      id: 'ev-youyuanhui',
      draft: {
        ...base,
        title: '亲子游园会',
        category: 'family',
        summary: '家长带孩子来玩游戏、领礼品，报名后抽签',
        description: '一位家长带1到2个孩子（3到12岁）。报名截止后公开抽签，第一次参加的家庭优先。',
        venue: { name: '沙头文体公园', address: '佛山市南海区九江镇沙头 文体公园内', centreId: 'shatou' },
        startsAt: d(12, '09:30'),
        endsAt: d(12, '12:00'),
        signUpOpensAt: new Date(now.getTime() - 2 * DAY),
        signUpClosesAt: d(5, '20:00'),
        cancelDeadline: d(10, '20:00'),
        capacity: 120,
        allocation: 'lottery',
        lotteryPriority: 'first_time',
        series: '亲子游园会',
        group: { kind: 'family', minChildren: 1, maxChildren: 2, childAgeMin: 3, childAgeMax: 12 },
        form: [NAME, PHONE, EMPLOYER],
      },
    },
    {
      id: 'ev-qixi',
      draft: {
        ...base,
        title: '七夕鹊桥相约',
        category: 'social',
        summary: '单身职工交友联谊，七夕晚上见',
        description: '游戏互动、自我介绍。报名需本人目前单身。',
        venue: { name: '九江镇职工·家服务中心', address: '佛山市南海区九江镇 镇总工会一楼', centreId: 'jiujiang' },
        startsAt: qixi,
        endsAt: new Date(qixi.getTime() + 3 * HOUR),
        signUpOpensAt: new Date(qixi.getTime() - 30 * DAY),
        signUpClosesAt: new Date(qixi.getTime() - 3 * DAY),
        cancelDeadline: new Date(qixi.getTime() - 2 * DAY),
        capacity: 60,
        form: [NAME, PHONE, EMPLOYER, { key: 'single', label: '本人目前单身', kind: 'confirm', required: true }],
        eligibility: [{ kind: 'confirm', field: 'single', text: '本人目前单身' }],
      },
    },
    {
      id: 'ev-dianying',
      draft: {
        ...base,
        title: '职工电影之夜',
        category: 'sports',
        summary: '露天放映，带上家人一起看',
        description: '自带小板凳更舒服。下雨改在室内。',
        venue: { name: '沙头文体公园', address: '佛山市南海区九江镇沙头 文体公园内', centreId: 'shatou' },
        startsAt: d(6, '19:30'),
        endsAt: d(6, '21:30'),
        signUpOpensAt: new Date(now.getTime() - DAY),
        signUpClosesAt: d(6, '17:00'),
        cancelDeadline: d(6, '12:00'),
        capacity: 150,
        form: [NAME, PHONE],
      },
    },
    {
      id: 'ev-xinjiayuan',
      draft: {
        ...base,
        title: '新家园·新梦想 政策宣讲',
        category: 'talk',
        summary: '积分入学、居住证、社保，一次讲清楚',
        description: '讲完可以现场提问，工会法律顾问在场。',
        venue: { name: '烟南村职工·家服务中心', address: '佛山市南海区九江镇烟南村 村委会旁', centreId: 'yannan' },
        startsAt: d(9, '14:30'),
        endsAt: d(9, '16:30'),
        signUpOpensAt: new Date(now.getTime() - DAY),
        signUpClosesAt: d(9, '12:00'),
        cancelDeadline: d(9, '12:00'),
        capacity: 80,
        form: [NAME, PHONE, EMPLOYER],
      },
    },
  ];
}

async function insertIfAbsent(db: Database, collection: 'events' | 'event_entries', doc: Record<string, unknown>): Promise<boolean> {
  try {
    await db.collection(collection).add({ data: doc });
    return true;
  } catch (error) {
    if (`${(error as Error).message ?? ''}${(error as { errMsg?: string }).errMsg ?? ''}`.includes('E11000')) return false;
    throw error;
  }
}

export async function seedEvents(db: Database, now: Date): Promise<{ events: number }> {
  let created = 0;
  for (const { id, draft, taken = 0 } of seedEventDrafts(now)) {
    const lottery = draft.allocation === 'lottery' ? newSeed() : null;
    const fields = newEventFields(draft, now, lottery, 'published');
    // The nearly-full competition: earlier sign-ups, counted in the seats like any other.
    const earlier = Array.from({ length: taken }, (_, i) => {
      const entryId = createHash('sha256').update(`${id}:seed:${i}`).digest('hex').slice(0, 32);
      return {
        _id: entryId,
        eventId: id,
        openid: `seed-worker-${i}`,
        requestId: `seed-${i}`,
        activeKey: `${id}:seed-worker-${i}`,
        ticketCode: createHash('sha256').update(`${entryId}:ticket`).digest('hex').slice(0, 32),
        status: 'confirmed',
        seats: 1,
        name: `面点师${i + 1}号`,
        phone: `1380000${String(1000 + i).slice(-4)}`,
        employer: '九江镇餐饮企业',
        form: {},
        party: [],
        subs: {},
        startsAt: draft.startsAt,
        series: draft.series,
        createdAt: new Date(now.getTime() - (taken - i) * HOUR),
        updatedAt: now,
        confirmedAt: now,
      };
    });
    const inserted = await insertIfAbsent(db, COLLECTIONS.events, { _id: id, ...fields, seatsLeft: draft.capacity - taken });
    if (!inserted) continue;
    created += 1;
    for (const entry of earlier) {
      await insertIfAbsent(db, COLLECTIONS.eventEntries, { ...entry, doorCode: await claimDoorCode(db, id, entry._id, now) });
    }
  }
  // Data stored by an earlier version keeps working: its events move to the current ledger.
  await migrateLedgers(db);
  return { events: created };
}
