import type { OpeningHours } from '../../../contract/centres/model';
import { shanghai } from '../../../contract/time';

/** Whether a centre is open at an instant, judged on the Shanghai wall clock. */
export function isOpenAt(hours: readonly OpeningHours[], instant: Date): boolean {
  const local = shanghai(instant);
  const weekday = local.day();
  const hhmm = local.format('HH:mm');
  // 'HH:mm' strings compare correctly as text.
  return hours.some((h) => h.weekday === weekday && h.open <= hhmm && hhmm < h.close);
}
