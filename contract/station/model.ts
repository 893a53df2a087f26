/** The station service point (平安返乡): shapes and names both sides use (zod-free; imported by the client). */

/** 'service': something handed out freely (热水, 姜茶); 'gift': a counted gift with stock (返乡礼品). */
export type StationServiceKind = 'service' | 'gift';

export interface StationService {
  /** Short stable id, e.g. tea */
  id: string;
  /** e.g. 姜茶 */
  label: string;
  kind: StationServiceKind;
  /** Gifts only: how many the union has to hand out. */
  stock?: number;
  /** One line under the label, e.g. 免费，随时来接. */
  note?: string;
}

export interface Campaign {
  id: string;
  /** e.g. 2027 平安返乡 */
  name: string;
  /** e.g. 沙头文体公园公交站 */
  station: string;
  centreId: string;
  /** 'YYYY-MM-DD' Shanghai, inclusive */
  startDate: string;
  endDate: string;
  /** Daily service hours, Shanghai wall clock: 'HH:mm' from `opens` (included) to `closes` (not); closes '24:00' is midnight. */
  opens: string;
  closes: string;
  services: StationService[];
  /** 返乡安全知识: short tips shown under the services. */
  tips: string[];
}

/** What a worker sees after scanning. */
export interface StationPoint {
  campaign: Campaign;
  /** 'running' today, 'before' the first day, 'after' the last. */
  phase: 'before' | 'running' | 'after';
  /** Running and within today's hours now: taps are counted only then. */
  openNow: boolean;
  services: Array<
    StationService & {
      /** Gifts: how many are left (never below zero). */
      left?: number;
      /** The signed-in worker already tapped it today (a gift: ever). */
      done: boolean;
    }
  >;
}

export interface TapResult {
  serviceId: string;
  /** true the first time today (a gift: the first time ever); a retried tap answers false. */
  counted: boolean;
  /** Gifts only. */
  gift?: 'given' | 'already' | 'out';
  /** Plain Chinese to show. */
  message: string;
}

export interface StationStats {
  campaignId: string;
  name: string;
  /** 人次 over the whole campaign: the figure the union reports. */
  total: number;
  byService: Array<{ id: string; label: string; total: number }>;
  /** One row per hour that had any tap, in order. */
  byHour: Array<{ date: string; hour: string; total: number; counts: Record<string, number> }>;
  byDay: Array<{ date: string; total: number }>;
  gifts: Array<{ id: string; label: string; stock: number; left: number }>;
}

export interface CampaignSummary {
  id: string;
  name: string;
  station: string;
  startDate: string;
  endDate: string;
  phase: StationPoint['phase'];
}

/** Hours that never close: a campaign (the demo, the tests) usable at any time of day. */
export const ALL_DAY_HOURS = { opens: '00:00', closes: '24:00' } as const;

/** The daily hours as a person reads them: 每天 8:00–20:00, or 全天开放. */
export function hoursText(c: Pick<Campaign, 'opens' | 'closes'>): string {
  if (c.opens === ALL_DAY_HOURS.opens && c.closes === ALL_DAY_HOURS.closes) return '全天开放';
  const plain = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1');
  return `每天 ${plain(c.opens)}–${plain(c.closes)}`;
}

/** Whether a Shanghai wall-clock time 'HH:mm' is within the daily hours (opens included, closes not). */
export function withinHours(c: Pick<Campaign, 'opens' | 'closes'>, hhmm: string): boolean {
  return c.opens <= hhmm && hhmm < c.closes;
}

/** The page a station QR code opens (no leading '/', as wxacode.getUnlimited wants it). */
export const STATION_PAGE = 'packages/station/pages/point/index';

/** Campaign ids: short, so the scene stays within WeChat's 32 characters. */
export const CAMPAIGN_ID_PATTERN = /^[a-z0-9]{2,20}$/;
/** Service ids inside a campaign. */
export const STATION_SERVICE_ID_PATTERN = /^[a-z][a-z0-9]{0,15}$/;

/** The QR scene for a campaign: `c=<id>` (≤ 22 chars, all within WeChat's allowed set). */
export function stationScene(campaignId: string): string {
  return `c=${campaignId}`;
}

/**
 * Reads a campaign id from a scene as the page receives it (`options.scene`, still URI-encoded on
 * weapp; already decoded on h5). Returns null for anything that is not ours.
 */
export function campaignIdFromScene(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let scene = raw;
  try {
    scene = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const match = /^c=([a-z0-9]{2,20})$/.exec(scene.trim());
  return match ? match[1] : null;
}

export const STATION_LIMITS = { servicesMax: 12, tipsMax: 10, tipMax: 60, stockMax: 100000 } as const;
