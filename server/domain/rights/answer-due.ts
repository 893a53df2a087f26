/**
 * The answer-time promise: by the end of the office day (18:00, Shanghai) of the Nth working day
 * after the question arrives. Working days are Monday to Friday; public holidays and their
 * swapped working Saturdays are not computed (the State Council publishes them yearly): the page
 * says "节假日顺延" instead of promising a date it cannot keep.
 */
import { fromShanghai, shanghai } from '../../../contract/time';

export const OFFICE_DAY_ENDS = '18:00';

export function answerDue(askedAt: Date, workingDays: number): Date {
  let day = shanghai(askedAt).startOf('day');
  let counted = 0;
  while (counted < workingDays) {
    day = day.add(1, 'day');
    const weekday = day.day();
    if (weekday !== 0 && weekday !== 6) counted += 1;
  }
  return fromShanghai(`${day.format('YYYY-MM-DD')} ${OFFICE_DAY_ENDS}`);
}
