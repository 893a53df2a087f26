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
  centres: { openapi: [] },
};
