/**
 * The centres function's timer (every 5 minutes, Beijing time). Each run settles booking writes cut
 * off mid-way (booking-repair.ts), so a seat or a weekly quota unit a crash held is free again
 * within minutes; from REMINDERS_FROM_HOUR on, it also queues the day-before reminders (each
 * booking once, so the evening's runs remind bookings made after the first one too; quiet hours
 * are kept by remindTomorrow). The report is flat numbers: the audit keeps it (timerNotes).
 */
import { shanghai } from '../../../contract/time';
import type { HandlerContext } from '../../runtime/context';
import { settleBookings } from './booking-repair';
import { remindTomorrow } from './reminders';

/** Reminders for tomorrow go out from 18:00 Beijing time (until the quiet hours). */
export const REMINDERS_FROM_HOUR = 18;

export async function tick(ctx: HandlerContext) {
  const settled = await settleBookings(ctx);
  if (shanghai(ctx.now).hour() < REMINDERS_FROM_HOUR) return { ...settled, reminders: false };
  return { ...settled, reminders: true, ...(await remindTomorrow(ctx)) };
}
