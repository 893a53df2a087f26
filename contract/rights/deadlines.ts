/**
 * Deadline calculators for the limits the law sets (zod-free and pure: the page runs them on the
 * phone, the tests run them under TZ=UTC). Dates are Shanghai calendar dates 'YYYY-MM-DD'.
 *
 * How periods are counted (《中华人民共和国民法典》):
 *   第二百零一条  a period counted in days starts the day after the event (the day itself is not counted);
 *   第二百零二条  a period counted in years ends on the same date of the final year, or the last day
 *                 of that month when there is no such date (29 February -> 28 February);
 *   第二百零三条  a period whose last day is a statutory holiday ends on the day after the holiday.
 * Holidays and swapped working days change every year (the State Council publishes them), so the
 * calculator does not guess them: it shows the weekday and says the rule in plain words.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { shanghaiDay } from '../time';

dayjs.extend(utc);

export interface DeadlineResult {
  /** Who must act, in a worker's words, e.g. 单位申请工伤认定. */
  who: string;
  /** 'YYYY-MM-DD', or null when the law sets no limit for now. */
  lastDay: string | null;
  /** e.g. 2027年3月10日（周三）, or the plain rule when there is no date. */
  lastDayText: string;
  /** Days from today to the last day (0 = today is the last day; negative = passed); null without a date. */
  daysLeft: number | null;
  /** The article of law, shown next to the result. */
  basis: string;
  /** One plain sentence on what the worker can do. */
  advice: string;
}

export interface DeadlineAnswer {
  results: DeadlineResult[];
  notes: string[];
}

export type DeadlineError = { error: string };

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The holiday rule, said once for every calculator. */
export const HOLIDAY_NOTE =
  '如果最后一天是周末或法定节假日，期限顺延到假期结束后的第一个工作日（《民法典》第二百零三条）。稳妥起见，不要等到最后几天才去办。';

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs.utc(value).format('YYYY-MM-DD') === value;
}

export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

/** Same date n years later; 29 February becomes 28 February (民法典 第二百零二条). */
export function addYears(date: string, years: number): string {
  return dayjs.utc(date).add(years, 'year').format('YYYY-MM-DD');
}

export function dateText(date: string): string {
  const d = dayjs.utc(date);
  return `${d.year()}年${d.month() + 1}月${d.date()}日（周${WEEKDAYS[d.day()]}）`;
}

function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}

function result(who: string, lastDay: string, today: string, basis: string, advice: string): DeadlineResult {
  return { who, lastDay, lastDayText: dateText(lastDay), daysLeft: daysBetween(today, lastDay), basis, advice };
}

function checkPast(date: string, today: string, what: string): DeadlineError | null {
  if (!isDate(date)) return { error: `请选择${what}` };
  if (date > today) return { error: `${what}不能晚于今天` };
  return null;
}

/**
 * 工伤认定: from the day of the accident (or of the diagnosis of an occupational disease), the
 * employer must apply within 30 days; the worker, close relatives or the union within 1 year.
 * 《工伤保险条例》第十七条.
 */
export function injuryDeadlines(eventDate: string, now: Date = new Date()): DeadlineAnswer | DeadlineError {
  const today = shanghaiDay(now);
  const bad = checkPast(eventDate, today, '受伤（或确诊职业病）的日期');
  if (bad) return bad;
  return {
    results: [
      result('单位申请工伤认定', addDays(eventDate, 30), today, '《工伤保险条例》第十七条第一款', '催单位在这天前申请；单位不报，你不用等，可以自己申请。'),
      result(
        '你本人、家属或工会申请工伤认定',
        addYears(eventDate, 1),
        today,
        '《工伤保险条例》第十七条第二款',
        '单位不申请的，带上病历和劳动关系证明，自己向人社部门申请。',
      ),
    ],
    notes: [
      '单位超过30天不申请，这期间的工伤待遇等费用由单位承担（第十七条第四款）。',
      '单位有特殊情况经人社部门同意，30天可以适当延长。',
      HOLIDAY_NOTE,
    ],
  };
}

/**
 * 劳动仲裁时效: 1 year from the day the worker knew or should have known their rights were
 * infringed. 《劳动争议调解仲裁法》第二十七条第一款.
 */
export function arbitrationDeadline(knewDate: string, now: Date = new Date()): DeadlineAnswer | DeadlineError {
  const today = shanghaiDay(now);
  const bad = checkPast(knewDate, today, '知道权利被侵害的日期');
  if (bad) return bad;
  return {
    results: [
      result('申请劳动仲裁', addYears(knewDate, 1), today, '《劳动争议调解仲裁法》第二十七条第一款', '在这天前向劳动人事争议仲裁委员会递交仲裁申请。'),
    ],
    notes: [
      '你向单位讨要、向有关部门投诉求助，或者单位答应支付的，时效中断，从那天起重新算1年（第二十七条第二款）。留好讨要和投诉的记录。',
      '在职期间被拖欠工资，请用“欠工资”那一栏来算。',
      HOLIDAY_NOTE,
    ],
  };
}

/**
 * 拖欠劳动报酬: during employment the 1-year limit does not run; once the employment ends, the
 * worker has 1 year from its end. 《劳动争议调解仲裁法》第二十七条第四款.
 */
export function wageArrearsDeadline(
  input: { stillEmployed: true } | { stillEmployed: false; endDate: string },
  now: Date = new Date(),
): DeadlineAnswer | DeadlineError {
  const today = shanghaiDay(now);
  const basis = '《劳动争议调解仲裁法》第二十七条第四款';
  if (input.stillEmployed) {
    return {
      results: [
        {
          who: '讨要拖欠的工资（申请仲裁）',
          lastDay: null,
          lastDayText: '还在厂里干的，不受1年时效限制',
          daysLeft: null,
          basis,
          advice: '现在就可以申请，不用等离职。离职以后就要在1年内申请了。',
        },
      ],
      notes: ['留好工资条、银行流水和考勤记录。'],
    };
  }
  const bad = checkPast(input.endDate, today, '离职（劳动关系结束）的日期');
  if (bad) return bad;
  return {
    results: [result('讨要拖欠的工资（申请仲裁）', addYears(input.endDate, 1), today, basis, '离职后要在这天前申请劳动仲裁。')],
    notes: [HOLIDAY_NOTE],
  };
}

/**
 * Going to court after an arbitration award: within 15 days of receiving the award.
 * 《劳动争议调解仲裁法》第四十八条 (final awards: the worker may sue) and 第五十条 (other awards:
 * either party may sue; otherwise the award takes legal effect).
 */
export function sueAfterAwardDeadline(receivedDate: string, now: Date = new Date()): DeadlineAnswer | DeadlineError {
  const today = shanghaiDay(now);
  const bad = checkPast(receivedDate, today, '收到仲裁裁决书的日期');
  if (bad) return bad;
  return {
    results: [
      result(
        '不服裁决，向法院起诉',
        addDays(receivedDate, 15),
        today,
        '《劳动争议调解仲裁法》第四十八条、第五十条',
        '在这天前向人民法院起诉；过了期限，裁决就生效了。',
      ),
    ],
    notes: [
      '从收到裁决书的第二天开始算15天。裁决书上写明是“终局裁决”的，单位不能起诉，只能在30天内申请撤销（第四十九条）。',
      HOLIDAY_NOTE,
    ],
  };
}
