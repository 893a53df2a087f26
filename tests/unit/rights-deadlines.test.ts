/** The deadline calculators: counted as the law counts (民法典 第二百零一至二百零三条), in Shanghai. */
import {
  addYears,
  arbitrationDeadline,
  injuryDeadlines,
  sueAfterAwardDeadline,
  wageArrearsDeadline,
  type DeadlineAnswer,
  type DeadlineError,
} from '../../contract/rights/deadlines';
import { fromShanghai } from '../../contract/time';
import { answerDue } from '../../server/domain/rights/answer-due';

function answer(a: DeadlineAnswer | DeadlineError): DeadlineAnswer {
  if ('error' in a) throw new Error(a.error);
  return a;
}

// 2026-11-25 00:30 in Shanghai is still 2026-11-24 in UTC: the calculators must use Shanghai's day.
const NOW = fromShanghai('2026-11-25 00:30');

describe('work injury (工伤保险条例 第十七条)', () => {
  it('gives the employer 30 days and the worker, family or union 1 year, with the legal basis', () => {
    const a = answer(injuryDeadlines('2026-11-03', NOW));
    expect(a.results.map((r) => [r.lastDay, r.basis])).toEqual([
      ['2026-12-03', '《工伤保险条例》第十七条第一款'],
      ['2027-11-03', '《工伤保险条例》第十七条第二款'],
    ]);
    expect(a.results[0].lastDayText).toBe('2026年12月3日（周四）');
    expect(a.results[0].daysLeft).toBe(8);
    expect(a.notes.join('')).toContain('第二百零三条');
  });

  it('counts days in Shanghai: an injury "today" just after midnight has 30 days left', () => {
    const a = answer(injuryDeadlines('2026-11-25', NOW));
    expect(a.results[0]).toMatchObject({ lastDay: '2026-12-25', daysLeft: 30 });
  });

  it('says when a limit has passed (negative days) and refuses a future or malformed date', () => {
    expect(answer(injuryDeadlines('2025-10-01', NOW)).results[1].daysLeft).toBeLessThan(0);
    expect(injuryDeadlines('2026-11-26', NOW)).toEqual({ error: '受伤（或确诊职业病）的日期不能晚于今天' });
    expect('error' in injuryDeadlines('2026-02-30', NOW)).toBe(true);
  });

  it('ends a year counted from 29 February on 28 February (民法典 第二百零二条)', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
});

describe('arbitration and wages (劳动争议调解仲裁法 第二十七条)', () => {
  it('gives 1 year from the day the worker knew', () => {
    expect(answer(arbitrationDeadline('2026-06-15', NOW)).results[0]).toMatchObject({ lastDay: '2027-06-15', daysLeft: 202 });
  });

  it('sets no limit for unpaid wages while still employed, and 1 year from the end otherwise', () => {
    expect(answer(wageArrearsDeadline({ stillEmployed: true }, NOW)).results[0]).toMatchObject({ lastDay: null, daysLeft: null });
    expect(answer(wageArrearsDeadline({ stillEmployed: false, endDate: '2026-03-31' }, NOW)).results[0].lastDay).toBe('2027-03-31');
  });

  it('gives 15 days to sue after receiving the award (第四十八条、第五十条)', () => {
    const r = answer(sueAfterAwardDeadline('2026-11-20', NOW)).results[0];
    expect(r).toMatchObject({ lastDay: '2026-12-05', daysLeft: 10, basis: '《劳动争议调解仲裁法》第四十八条、第五十条' });
    expect(r.lastDayText).toBe('2026年12月5日（周六）');
  });
});

describe('the consultation answer-time promise', () => {
  it('is 18:00 Shanghai of the second working day after the question', () => {
    // Wednesday 23:50 -> Friday 18:00
    expect(answerDue(fromShanghai('2026-11-25 23:50'), 2)).toEqual(fromShanghai('2026-11-27 18:00'));
    // Friday -> Tuesday; Saturday -> Tuesday
    expect(answerDue(fromShanghai('2026-11-27 10:00'), 2)).toEqual(fromShanghai('2026-12-01 18:00'));
    expect(answerDue(fromShanghai('2026-11-28 10:00'), 2)).toEqual(fromShanghai('2026-12-01 18:00'));
    // Just after midnight Thursday in Shanghai (still Wednesday in UTC) -> Monday
    expect(answerDue(fromShanghai('2026-11-26 00:10'), 2)).toEqual(fromShanghai('2026-11-30 18:00'));
  });
});
