/**
 * What WeChat needs to deploy each cloud function besides its code: the timeout and the timer
 * trigger (7-field cron, fires in UTC+8). `npm run build:cloud` writes each function's config.json
 * from here, with the runtime below and the openapi permissions derived from the bundle (what its
 * code can call: server/runtime/wechat-openapi.ts); the local cloud reads those config.json files,
 * as WeChat does. The list of functions itself is the contract's (contract/index.ts).
 */
import type { FunctionName } from '../../contract';

export interface TimerTrigger {
  name: string;
  /** second minute hour day month weekday year */
  cron: string;
}

export interface Deployment {
  /** Seconds; WeChat's default is 3. A function that can send messages needs 10 (the outbox's budget). */
  timeout?: number;
  timer?: TimerTrigger;
}

/**
 * The oldest runtime the bundles are built for (esbuild's target) and the one to choose when a
 * function is created (云开发 → 云函数 → 运行环境; config.json's `runtime`, as CloudBase names it).
 * wx-server-sdk 4 and the code's syntax need Node 16 or newer.
 */
export const RUNTIME = { esbuildTarget: 'node16', wechat: 'Nodejs16.13' } as const;

export const DEPLOYMENT: Record<FunctionName, Deployment> = {
  // 我的数据 → delete frees seats: the next in line is offered one and told (subscribeMessage.send).
  account: { timeout: 10 },
  // Every 5 minutes: settle booking writes cut off mid-way (a seat or a weekly quota a crash held);
  // from 18:00 Beijing time, tomorrow's reminders. 10 s for the QR PNG and the reminder batch.
  centres: {
    timeout: 10,
    timer: { name: 'centresTick', cron: '0 */5 * * * * *' },
  },
  // Every 5 minutes: finish or undo taps cut off mid-way (server/domain/station/taps.ts).
  station: { timeout: 10, timer: { name: 'stationTick', cron: '0 */5 * * * * *' } },
  // Every 5 minutes (Beijing time): pass on unclaimed waitlist offers, settle interrupted sign-ups,
  // send day-before reminders, continue the outbox (every area's messages). 20 s: a lottery draw or a cancellation notice touches many entries.
  events: {
    timeout: 20,
    timer: { name: 'eventsTick', cron: '0 */5 * * * * *' },
  },
  // Staff files (.xlsx): exceljs lives only in this function.
  exports: { timeout: 20 },
  // Consultations pass security.msgSecCheck; 10 s: the first search of an instance builds its index.
  rights: { timeout: 10 },
  // 帮扶 applications; 10 s for document links and the files deleted with a worker's data.
  aid: { timeout: 10 },
  // 工作台, roles, audit, figures. 03:00 Beijing time: the privacy sweep (docs/privacy.md).
  staff: { timeout: 10, timer: { name: 'privacySweep', cron: '0 0 3 * * * *' } },
};
