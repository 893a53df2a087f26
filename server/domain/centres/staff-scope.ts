/**
 * Centre staff act only for their own centres; admins for all. The one helper is
 * server/domain/staff/scope.ts (shared by every area); this file keeps the bookings area's import path.
 */
export { assertCentre } from '../staff/scope';
