import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';

/**
 * Centre staff act only for their own centres; admins for all. Every staff action of the bookings
 * area passes here first (one place, so the audit log of issue 6 can hook in).
 */
export function assertCentre(ctx: HandlerContext, centreId: string): void {
  const staff = ctx.staff;
  if (!staff) throw new AppError('FORBIDDEN');
  if (staff.role === 'admin') return;
  if (!staff.centreIds.includes(centreId)) throw new AppError('NOT_YOUR_CENTRE');
}
