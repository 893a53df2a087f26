/**
 * 平安返乡 campaigns at the 沙头文体公园 bus station: one for the coming Spring Festival travel rush
 * (the union's report: volunteers served 260人次 in five days, 21–25 January), and — so the demo
 * is alive whatever day and hour it runs — a short all-day one running now. Services from the report.
 */
import { ALL_DAY_HOURS, type Campaign, type StationService } from '../../contract/station/model';
import { shanghaiDay } from '../../contract/time';
import type { Database } from '../db/database';
import { COLLECTIONS } from '../db/schema';
import { addDays } from '../domain/centres/slots';

/** 春节 (正月初一) by year; extend as years pass. */
export const SPRING_FESTIVAL: Record<number, string> = {
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
};

const SERVICES: StationService[] = [
  { id: 'water', label: '热水', kind: 'service', note: '免费，随时来接' },
  { id: 'tea', label: '姜茶', kind: 'service', note: '驱寒暖胃' },
  { id: 'firstaid', label: '急救药品', kind: 'service', note: '晕车药、创可贴等' },
  { id: 'safety', label: '返乡安全知识', kind: 'service', note: '志愿者讲解' },
  { id: 'ticket', label: '购票指引', kind: 'service', note: '帮你查车次、改签' },
  { id: 'gift', label: '返乡礼品', kind: 'gift', stock: 100, note: '每人一份' },
];

const TIPS = [
  '不坐超载车、黑车，不坐疲劳驾驶的车。',
  '贵重物品随身带，手机、证件放好。',
  '路上不舒服，马上告诉乘务员或拨打120。',
  '遇到欠薪，返乡前可拨打工会热线12351求助。',
];

/** The next Spring Festival whose travel rush has not ended by `now`. */
export function comingSpringFestival(now: Date): string {
  const today = shanghaiDay(now);
  const dates = Object.values(SPRING_FESTIVAL).sort();
  return dates.find((d) => addDays(d, -4) >= today) ?? dates[dates.length - 1];
}

export function seedCampaigns(now: Date): Campaign[] {
  const festival = comingSpringFestival(now);
  const year = Number(festival.slice(0, 4));
  const today = shanghaiDay(now);
  return [
    {
      id: `cy${year}`,
      name: `${year}平安返乡`,
      station: '沙头文体公园公交站',
      centreId: 'shatou',
      startDate: addDays(festival, -8),
      endDate: addDays(festival, -4),
      opens: '08:00',
      closes: '20:00',
      services: SERVICES,
      tips: TIPS,
    },
    {
      id: 'demo',
      name: '平安返乡（演示）',
      station: '沙头文体公园公交站',
      centreId: 'shatou',
      startDate: addDays(today, -1),
      endDate: addDays(today, 3),
      // All day, so the demo (and every test that scans it) works whatever the hour.
      ...ALL_DAY_HOURS,
      services: SERVICES,
      tips: TIPS,
    },
  ];
}

/** Writes the campaigns and their gift stock counters. Idempotent (stock is reset to full). */
export async function seedStation(db: Database, now: Date): Promise<{ campaigns: number }> {
  const campaigns = seedCampaigns(now);
  for (const { id, ...campaign } of campaigns) {
    await db.collection(COLLECTIONS.stationCampaigns).doc(id).set({ data: { ...campaign, createdAt: now } });
    for (const gift of campaign.services.filter((s) => s.kind === 'gift')) {
      await db
        .collection(COLLECTIONS.stationStock)
        .doc(`${id}:${gift.id}`)
        .set({ data: { campaignId: id, serviceId: gift.id, stock: gift.stock ?? 0, left: gift.stock ?? 0 } });
    }
  }
  return { campaigns: campaigns.length };
}
