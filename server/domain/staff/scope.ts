/**
 * Centre staff act only for their own centres; admins act for all. The one helper every area calls
 * before a staff action on a centre's records (bookings, 便民日, station campaigns, events held at a
 * centre). The door has already checked that the caller is staff (ctx.staff); this checks WHICH.
 */
import { AppError } from '../../runtime/app-error';
import type { StaffRights } from '../../runtime/context';

/** Throws NOT_YOUR_CENTRE unless the caller may act for `centreId`; FORBIDDEN without staff rights. */
export function assertCentre(ctx: { staff?: StaffRights }, centreId: string): void {
  const staff = ctx.staff;
  if (!staff) throw new AppError('FORBIDDEN');
  if (staff.role === 'admin') return;
  if (!staff.centreIds.includes(centreId)) throw new AppError('NOT_YOUR_CENTRE');
}

/** True when `staff` may act for `centreId` (for filtering lists rather than refusing). */
export function actsFor(staff: StaffRights | undefined, centreId: string | undefined | null): boolean {
  if (!staff) return false;
  if (staff.role === 'admin') return true;
  return !!centreId && staff.centreIds.includes(centreId);
}

/** Throws FORBIDDEN unless the caller is a union admin (for a rule inside a staff action). */
export function assertAdmin(staff: StaffRights | undefined, message?: string): void {
  if (staff?.role !== 'admin') throw new AppError('FORBIDDEN', message);
}

/**
 * Events: centre staff manage the events held at their centres (`venue.centreId`); town-wide
 * events (no centre, e.g. the 年夜饭) are managed by admins. Door work — the attendee list,
 * check-in, no-shows, the attendee file — is every staff member's on a town-wide event (centre
 * staff help at the door), and the centre's own staff's on a centre event.
 */
export function assertEventScope(ctx: { staff?: StaffRights }, centreId: string | undefined | null, work: 'manage' | 'door'): void {
  const staff = ctx.staff;
  if (!staff) throw new AppError('FORBIDDEN');
  if (staff.role === 'admin') return;
  if (centreId) {
    if (!staff.centreIds.includes(centreId)) throw new AppError('NOT_YOUR_CENTRE');
    return;
  }
  if (work === 'manage') throw new AppError('FORBIDDEN', '全镇活动由工会管理员管理');
}
