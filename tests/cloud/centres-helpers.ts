/** Helpers for the centres/station cloud tests (and their benches): a test roster and campaign, picking open slots, unwrapping envelopes. */
import type { ServiceRoster, Slot } from '../../contract/centres/model';
import { ALL_DAY_HOURS, type Campaign } from '../../contract/station/model';
import { shanghaiDay } from '../../contract/time';
import type { Identity } from '../../local-cloud';
import { addDays } from '../../server/domain/centres/slots';
import { okOf, type TestCloud } from '../support/local-cloud';

export { okOf };

let counter = 0;
/** A request id as the client makes one: unique per press. */
export function rid(tag: string | number = ''): string {
  counter += 1;
  return `r${String(tag).replace(/[^A-Za-z0-9]/g, '')}x${counter}x${Math.random().toString(36).slice(2, 10)}`;
}

/** Every day 08:00–20:00, one-hour slots: some slot is open whatever the time of the run. */
export function testRoster(overrides: Partial<ServiceRoster> = {}): ServiceRoster {
  return {
    centreId: 'jiujiang',
    service: 'legal-consultation',
    periods: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday: weekday as 0, start: '08:00', end: '20:00' })),
    durationMinutes: 60,
    seats: 20,
    rules: { minNoticeMinutes: 0, windowDays: 14, perPersonPerWeek: 5, changeUntilHours: 2 },
    ...overrides,
  };
}

export async function saveRoster(cloud: TestCloud, admin: Identity, roster: ServiceRoster): Promise<void> {
  okOf(await cloud.call('centres', 'staffSaveRoster', roster, admin));
}

/** Open slots of a service, from the second day of the window on (never too close to now). */
export async function openSlots(cloud: TestCloud, centreId: string, service: ServiceRoster['service']): Promise<Slot[]> {
  const view = okOf(await cloud.call('centres', 'slots', { centreId, service }, null));
  return view.days.slice(1).flatMap((d) => d.slots.filter((s) => s.state === 'open'));
}

export function docs(cloud: TestCloud, collection: string, query: object = {}): Record<string, unknown>[] {
  return cloud.db.find(collection, query);
}

/**
 * A station campaign as staff save a new one, running from yesterday to tomorrow (Shanghai days)
 * all day long, so the tests never depend on the hour: a service and a gift in stock.
 */
export function testCampaign(overrides: Partial<Omit<Campaign, 'id'>> = {}): Omit<Campaign, 'id'> & { requestId: string } {
  const today = shanghaiDay(new Date());
  return {
    requestId: rid('campaign'),
    name: '测试返乡',
    station: '沙头文体公园公交站',
    centreId: 'shatou',
    startDate: addDays(today, -1),
    endDate: addDays(today, 1),
    ...ALL_DAY_HOURS,
    services: [
      { id: 'tea', label: '姜茶', kind: 'service' },
      { id: 'water', label: '热水', kind: 'service' },
      { id: 'gift', label: '返乡礼品', kind: 'gift', stock: 100 },
    ],
    tips: ['不坐黑车。'],
    ...overrides,
  };
}

/** Creates a test campaign (testCampaign) as `staff` and returns it with the id the server made. */
export async function createCampaign(cloud: TestCloud, staff: Identity, overrides: Partial<Omit<Campaign, 'id'>> = {}): Promise<Campaign> {
  return okOf(await cloud.call('station', 'staffSaveCampaign', testCampaign(overrides), staff));
}
