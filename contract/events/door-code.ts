/**
 * The ticket's short code, read aloud at the door when the QR cannot be scanned (a cracked screen,
 * no signal for the scanner): 6 characters from an alphabet without 0/O/1/I/L, so nobody has to
 * ask "zero or O?", shown grouped as "K7Q-4PX". Unique per event (server/domain/events/door-codes.ts);
 * 31^6 ≈ 887 million codes per event, so a typed guess does not find a ticket.
 * Zod-free: the ticket page and the server both use it.
 */
export const DOOR_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const DOOR_CODE_LENGTH = 6;

/** "K7Q4PX" -> "K7Q-4PX": two groups of three are easier to read out and to type. */
export function formatDoorCode(code: string): string {
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)}-${code.slice(half)}`;
}

/**
 * What staff typed, as a door code: case, spaces and dashes do not matter ("k7q 4px", "K7Q-4PX").
 * Null when it cannot be one (then it may still be a QR's content).
 */
export function doorCodeOf(typed: string): string | null {
  const code = typed.replace(/[\s\-－—_]/g, '').toUpperCase();
  if (code.length !== DOOR_CODE_LENGTH) return null;
  return [...code].every((c) => DOOR_CODE_ALPHABET.includes(c)) ? code : null;
}
