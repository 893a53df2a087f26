/**
 * The input of every 显示号码 action (rights consultations, 帮扶 applications): the case and why.
 * Kept apart from privacy.ts, which the pages import at runtime, so zod stays on the server.
 */
import * as z from 'zod';
import { PHONE_REVEAL_NOTE_MAX, PHONE_REVEAL_REASONS, type PhoneRevealReason } from './privacy';

export const phoneRevealInput = z
  .strictObject({
    id: z.string().trim().min(1).max(64).describe('记录'),
    reason: z.enum(Object.keys(PHONE_REVEAL_REASONS) as [PhoneRevealReason, ...PhoneRevealReason[]]).describe('原因'),
    note: z.string().trim().max(PHONE_REVEAL_NOTE_MAX).default('').describe('原因说明'),
  })
  .refine((r) => r.reason !== 'other' || r.note.length > 0, { message: '选了“其他”，请写一下原因', path: ['note'] });

export type PhoneRevealInput = z.output<typeof phoneRevealInput>;
