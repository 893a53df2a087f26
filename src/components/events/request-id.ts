/**
 * One id per sign-up tap, kept while that tap's request may still be in flight: a retry after a
 * network error sends the same id, so the server returns the same entry instead of a second one.
 */
export function newRequestId(): string {
  const random = Array.from({ length: 3 }, () => Math.random().toString(36).slice(2, 8)).join('');
  return `${Date.now().toString(36)}-${random}`;
}
