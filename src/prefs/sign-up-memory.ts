import Taro from '@tarojs/taro';

/**
 * What the sign-up form keeps on this phone, and nowhere else:
 * - the name, phone and employer of the worker's last successful sign-up, offered in the next form
 *   (WeChat keeps each user's storage apart; on H5 a new sign-in forgets them, see dev-session.ts);
 * - a half-filled form per event, so a reload, a call or a closed page does not lose it; removed
 *   once that sign-up goes through.
 * 删除我的数据 forgets both.
 */
const LAST_KEY = 'sign-up-last';
const DRAFTS_KEY = 'sign-up-drafts';
/** The fields every event form shares: worth offering again. */
export const REMEMBERED_FIELDS = ['name', 'phone', 'employer'] as const;
/** Drafts of other events are rarely finished: keep only the latest few. */
const MAX_DRAFTS = 5;

export interface SignUpDraft {
  values: Record<string, string | boolean>;
  members: string[];
  children: Array<{ name: string; age: string }>;
  savedAt: number;
}

function read<T>(key: string, fallback: T): T {
  try {
    const stored = Taro.getStorageSync(key) as T | '' | undefined;
    return stored && typeof stored === 'object' ? stored : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // A full or unavailable storage only means the form is not remembered.
  }
}

/** The last name / phone / employer given, by field key. */
export function lastValues(): Record<string, string> {
  return read<Record<string, string>>(LAST_KEY, {});
}

export function rememberValues(values: Record<string, string | boolean>): void {
  const kept = Object.fromEntries(REMEMBERED_FIELDS.flatMap((k) => (typeof values[k] === 'string' && values[k] ? [[k, values[k]]] : [])));
  write(LAST_KEY, { ...lastValues(), ...kept });
}

export function draftOf(eventId: string): SignUpDraft | null {
  return read<Record<string, SignUpDraft>>(DRAFTS_KEY, {})[eventId] ?? null;
}

export function saveDraft(eventId: string, draft: Omit<SignUpDraft, 'savedAt'>): void {
  const drafts = { ...read<Record<string, SignUpDraft>>(DRAFTS_KEY, {}), [eventId]: { ...draft, savedAt: Date.now() } };
  const latest = Object.entries(drafts).sort((a, b) => b[1].savedAt - a[1].savedAt).slice(0, MAX_DRAFTS);
  write(DRAFTS_KEY, Object.fromEntries(latest));
}

export function clearDraft(eventId: string): void {
  const { [eventId]: _gone, ...rest } = read<Record<string, SignUpDraft>>(DRAFTS_KEY, {});
  write(DRAFTS_KEY, rest);
}

export function forgetSignUps(): void {
  try {
    Taro.removeStorageSync(LAST_KEY);
    Taro.removeStorageSync(DRAFTS_KEY);
  } catch {
    // Nothing stored.
  }
}
