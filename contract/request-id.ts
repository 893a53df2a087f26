/**
 * Idempotency: every press that creates something (a sign-up, a booking, a consultation, a
 * walk-in) carries a request id made on the phone, kept while that press may still be in flight.
 * A retry after a timeout or a double tap sends the same id, and the server answers with what the
 * first one made instead of making a second. Zod-free: the client generates ids with this file.
 */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export function newRequestId(): string {
  const random = Array.from({ length: 3 }, () => Math.random().toString(36).slice(2, 8)).join('');
  return `${Date.now().toString(36)}-${random}`;
}
