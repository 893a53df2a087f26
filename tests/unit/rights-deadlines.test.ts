/** The deadline calculators: counted as the law counts (民法典 第二百零一至二百零三条), in Shanghai. */
import {
  addYears,
  arbitrationDeadline,
  injuryDeadlines,
  moneyClaimDeadline,
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
    // The last day is said as the last day, never as "X前" (which reads as "before X").
    expect(a.results[0].lastDayText).toBe('最晚2026年12月3日周四（当天也可以）');
    expect(a.results.every((r) => !r.lastDayText.includes('前'))).toBe(true);
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

  it('explains the time that does not count in the year (法释〔2014〕9号 第七条): labour-relation arbitration or suit, the employer', () => {
    const notes = answer(injuryDeadlines('2026-11-03', NOW)).notes.join('');
    expect(notes).toContain('劳动关系');
    expect(notes).toContain('仲裁、打官司');
    expect(notes).toContain('因为单位的原因');
    expect(notes).toContain('《最高人民法院关于审理工伤保险行政案件若干问题的规定》第七条');
    expect(notes).toContain('不算在1年里');
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
    const employed = answer(wageArrearsDeadline({ stillEmployed: true }, NOW));
    expect(employed.results[0]).toMatchObject({ lastDay: null, daysLeft: null });
    // ...and says the rule is for wages only.
    expect(employed.notes.join('')).toContain('二倍工资中多出的那份、年假工资、经济补偿和赔偿金都不算');
    expect(answer(wageArrearsDeadline({ stillEmployed: false, endDate: '2026-03-31' }, NOW)).results[0].lastDay).toBe('2027-03-31');
  });

  it('runs the year during employment for double wages, annual-leave pay and compensation (not 劳动报酬)', () => {
    const double = answer(moneyClaimDeadline('double-wages', '2026-02-01', NOW));
    expect(double.results[0]).toMatchObject({ lastDay: '2027-02-01', daysLeft: 68, basis: '《劳动争议调解仲裁法》第二十七条第一款' });
    expect(double.results[0].advice).toContain('在职也要');
    expect(double.notes.join('')).toContain('时效中断');
    expect(answer(moneyClaimDeadline('annual-leave', '2025-12-31', NOW)).results[0]).toMatchObject({ lastDay: '2026-12-31', daysLeft: 36 });
    expect(answer(moneyClaimDeadline('compensation', '2025-11-01', NOW)).results[0]).toMatchObject({ lastDay: '2026-11-01', daysLeft: -24 });
    expect(moneyClaimDeadline('double-wages', '2026-11-26', NOW)).toEqual({ error: '开始没签合同要多给钱的日期不能晚于今天' });
  });

  it('a non-final award: either side may sue within 15 days of receiving it, then it takes effect (第五十条)', () => {
    const a = answer(sueAfterAwardDeadline('2026-11-20', false, NOW));
    expect(a.results).toHaveLength(1);
    expect(a.results[0]).toMatchObject({ lastDay: '2026-12-05', daysLeft: 10, basis: '《劳动争议调解仲裁法》第五十条' });
    expect(a.results[0].lastDayText).toBe('最晚2026年12月5日周六（当天也可以）');
    expect(a.results[0].advice).toContain('裁决就生效');
  });

  it('a final award is in force the day it is made; only the worker may sue (15 days), the employer may only ask to set it aside (第四十七至四十九条)', () => {
    const a = answer(sueAfterAwardDeadline('2026-11-20', true, NOW));
    expect(a.results[0]).toMatchObject({ lastDay: null, daysLeft: null, basis: '《劳动争议调解仲裁法》第四十七条' });
    expect(a.results[0].lastDayText).toContain('裁决作出那天就生效');
    expect(a.results[0].advice).toContain('现在就可以向法院申请强制执行');
    expect(a.results[1]).toMatchObject({ lastDay: '2026-12-05', basis: '《劳动争议调解仲裁法》第四十八条' });
    expect(a.notes.join('')).toContain('单位不能起诉，只能在它收到裁决书后30天内向中级人民法院申请撤销（第四十九条）');
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
