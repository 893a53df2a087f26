/**
 * What WeChat needs to deploy each cloud function besides its code: openapi permissions and the
 * timer trigger (7-field cron, fires in UTC+8). `npm run build:cloud` writes each function's
 * config.json from here; the local cloud reads those config.json files, as WeChat does.
 * The list of functions itself is the contract's (contract/index.ts).
 */
import type { FunctionName } from '../../contract';

export interface TimerTrigger {
  name: string;
  /** second minute hour day month weekday year */
  cron: string;
}

export interface Deployment {
  /** Seconds; WeChat's default is 3. */
  timeout?: number;
  openapi: string[];
  timer?: TimerTrigger;
}

export const DEPLOYMENT: Record<FunctionName, Deployment> = {
  account: { openapi: [] },
  // Reminders for tomorrow's bookings every evening at 18:00 Beijing time; 10 s for the QR PNG and
  // the reminder batch.
  centres: {
    timeout: 10,
    openapi: ['subscribeMessage.send'],
    timer: { name: 'remindTomorrow', cron: '0 0 18 * * * *' },
  },
  station: { timeout: 10, openapi: ['wxacode.getUnlimited'] },
  // Every 5 minutes (Beijing time): pass on unclaimed waitlist offers, settle interrupted sign-ups,
  // send day-before reminders. 20 s: a lottery draw or a cancellation notice touches many entries.
  events: {
    timeout: 20,
    openapi: ['subscribeMessage.send'],
    timer: { name: 'eventsTick', cron: '0 */5 * * * * *' },
  },
  // Staff files (.xlsx): exceljs lives only in this function.
  exports: { timeout: 20, openapi: [] },
  // Consultations pass security.msgSecCheck; 10 s: the first search of an instance builds its index.
  rights: { timeout: 10, openapi: ['security.msgSecCheck'] },
  // 帮扶 applications: subscribe messages on each status change; 10 s for document links.
  aid: { timeout: 10, openapi: ['subscribeMessage.send'] },
  // 工作台, roles, audit, figures. 03:00 Beijing time: the privacy sweep (docs/privacy.md).
  staff: { timeout: 10, openapi: [], timer: { name: 'privacySweep', cron: '0 0 3 * * * *' } },
};
