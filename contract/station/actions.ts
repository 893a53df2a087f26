import * as z from 'zod';
import { action } from '../define';
import { requestIdSchema as requestId } from '../request-id-schema';
import {
  CAMPAIGN_ID_PATTERN,
  STATION_LIMITS,
  STATION_SERVICE_ID_PATTERN,
  type Campaign,
  type CampaignSummary,
  type StationPoint,
  type StationStats,
  type TapResult,
} from './model';

const campaignId = z.string().trim().regex(CAMPAIGN_ID_PATTERN, '活动编号无效').describe('活动编号');
const serviceId = z.string().trim().regex(STATION_SERVICE_ID_PATTERN, '服务编号无效').describe('服务编号');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');

/**
 * A campaign as staff save it. A new one has no id: the server makes it from the press of 保存
 * (requestId, contract/request-id.ts), so a clerk never invents one and a double tap makes one.
 */
const campaignInput = z
  .strictObject({
    id: campaignId.optional(),
    requestId: requestId.optional(),
    name: z.string().trim().min(1).max(20).describe('活动名称'),
    station: z.string().trim().min(1).max(30).describe('服务点地点'),
    centreId: z.string().trim().min(1).max(64).describe('负责的服务中心'),
    startDate: z.iso.date().describe('开始日期'),
    endDate: z.iso.date().describe('结束日期'),
    opens: hhmm.describe('每天开始时间'),
    // '24:00': open until midnight (ALL_DAY_HOURS).
    closes: z.union([hhmm, z.literal('24:00')]).describe('每天结束时间'),
    services: z
      .array(
        z.strictObject({
          id: serviceId,
          label: z.string().trim().min(1).max(10).describe('服务名称'),
          kind: z.enum(['service', 'gift']).describe('服务类型'),
          stock: z.number().int().min(0).max(STATION_LIMITS.stockMax).optional().describe('礼品数量'),
          note: z.string().trim().max(20).optional().describe('服务说明'),
        }),
      )
      .min(1)
      .max(STATION_LIMITS.servicesMax)
      .describe('服务项目')
      .refine((s) => new Set(s.map((x) => x.id)).size === s.length, '服务编号不能重复')
      .refine((s) => s.every((x) => x.kind === 'service' || typeof x.stock === 'number'), '礼品要填写数量'),
    tips: z.array(z.string().trim().min(1).max(STATION_LIMITS.tipMax).describe('返乡安全知识')).max(STATION_LIMITS.tipsMax).default([]).describe('返乡安全知识'),
  })
  .refine((c) => c.id !== undefined || c.requestId !== undefined, { message: '请刷新页面后再保存', path: ['requestId'] })
  .refine((c) => c.startDate <= c.endDate, { message: '结束日期不能早于开始日期', path: ['endDate'] })
  .refine((c) => c.opens < c.closes, { message: '每天结束时间要晚于开始时间', path: ['closes'] });

/**
 * Function `station`: the 平安返乡 service point behind a printed QR code.
 * Workers land on `point` from the QR scene and `tap` what they received; staff create campaigns,
 * print the QR and watch the counts.
 */
export const station = {
  /** The campaign running now (or the next one), for the home page; null when none is near. */
  current: action<CampaignSummary | null>()({ input: z.strictObject({}), access: 'public' }),
  point: action<StationPoint>()({
    input: z.strictObject({ scene: z.string().max(64).optional().describe('二维码'), id: campaignId.optional() }),
    access: 'public',
  }),
  tap: action<TapResult>()({ input: z.strictObject({ campaignId, serviceId }), access: 'worker' }),

  staffCampaigns: action<CampaignSummary[]>()({ input: z.strictObject({}), access: 'staff', kind: 'read' }),
  staffSaveCampaign: action<Campaign>()({ input: campaignInput, access: 'staff' }),
  staffQrCode: action<{ scene: string; page: string; dataUrl: string }>()({
    input: z.strictObject({ campaignId }),
    access: 'staff',
    kind: 'read',
  }),
  staffStats: action<StationStats>()({ input: z.strictObject({ campaignId }), access: 'staff', kind: 'read' }),
};
