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
import { shanghaiDay, WEEKDAY_LABELS } from '../time';

dayjs.extend(utc);

export interface DeadlineResult {
  /** Who must act, in a worker's words, e.g. 单位申请工伤认定. */
  who: string;
  /** 'YYYY-MM-DD', or null when the law sets no limit for now. */
  lastDay: string | null;
  /** e.g. 最晚2027年3月10日周三（当天也可以）, or the plain rule when there is no date. */
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
  return `${d.year()}年${d.month() + 1}月${d.date()}日（${WEEKDAY_LABELS[d.day()]}）`;
}

/**
 * A last day in words that cannot be misread: "X前" reads as "before X" and loses the last day
 * itself, which the law counts (民法典 第二百零三条).
 */
export function lastDayWords(date: string): string {
  const d = dayjs.utc(date);
  return `最晚${d.year()}年${d.month() + 1}月${d.date()}日${WEEKDAY_LABELS[d.day()]}（当天也可以）`;
}

function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}

function result(who: string, lastDay: string, today: string, basis: string, advice: string): DeadlineResult {
  return { who, lastDay, lastDayText: lastDayWords(lastDay), daysLeft: daysBetween(today, lastDay), basis, advice };
}

function checkPast(date: string, today: string, what: string): DeadlineError | null {
  if (!isDate(date)) return { error: `请选择${what}` };
  if (date > today) return { error: `${what}不能晚于今天` };
  return null;
}

/**
 * Time that does not count in the worker's 1 year (法释〔2014〕9号 第七条): the law's five cases in
 * plain words. The calculator explains rather than adds days: how long each case lasted is for
 * the 人社 office to accept on evidence.
 */
export const INJURY_SUSPENSION_NOTE =
  '这些时间不算在1年里：为确认“是不是厂里的员工”（劳动关系）去仲裁、打官司的时间；因为单位的原因（比如答应替你申请却拖着）耽误的时间；不可抗力（如大灾）、人身自由受限制、人社部门登记制度不完善耽误的时间。结果出来后接着算。要留好仲裁受理通知、判决书、聊天记录等证明（《最高人民法院关于审理工伤保险行政案件若干问题的规定》第七条）。';

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
      result('单位申请工伤认定', addDays(eventDate, 30), today, '《工伤保险条例》第十七条第一款', '催单位最晚在这天申请；单位不报，你不用等，可以自己申请。'),
      result(
        '你本人、家属或工会申请工伤认定',
        addYears(eventDate, 1),
        today,
        '《工伤保险条例》第十七条第二款',
        '单位不申请的，带上病历和劳动关系证明，自己向人社部门申请。',
      ),
    ],
    notes: [
      INJURY_SUSPENSION_NOTE,
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
      result('申请劳动仲裁', addYears(knewDate, 1), today, '《劳动争议调解仲裁法》第二十七条第一款', '最晚在这天向劳动人事争议仲裁委员会递交仲裁申请。'),
    ],
    notes: [
      '你向单位讨要、向有关部门投诉求助，或者单位答应支付的，时效中断，从那天起重新算1年（第二十七条第二款）。留好讨要和投诉的记录。',
      '在职期间还在被拖欠的工资、加班费，不受这1年限制，请用“被欠工资或补偿”那一栏来算；二倍工资、年假工资、经济补偿在职也在算这1年。',
      HOLIDAY_NOTE,
    ],
  };
}

/** What a worker may be owed, told apart because only the first is "劳动报酬" (第二十七条第四款). */
export type MoneyClaim = 'wages' | 'double-wages' | 'annual-leave' | 'compensation';

export const MONEY_CLAIMS: Record<MoneyClaim, { label: string; ask: string }> = {
  wages: { label: '拖欠的工资、加班费', ask: '哪天离职的？' },
  'double-wages': { label: '没签合同的二倍工资', ask: '从哪天起没签合同要多给钱？（上班满1个月的第二天）' },
  'annual-leave': { label: '没休年假的工资', ask: '年假是哪一年的？选那年的12月31日；离职时还没休的，选离职那天' },
  compensation: { label: '经济补偿、赔偿金', ask: '哪天离职（被辞退或合同结束）的？' },
};

/** Said with every money answer: the "no limit while employed" rule is for wages only. */
export const WAGES_ONLY_NOTE =
  '“在职不受1年限制”只管拖欠的劳动报酬（工资、加班费）；二倍工资中多出的那份、年假工资、经济补偿和赔偿金都不算，在职期间1年时效也在走（《劳动争议调解仲裁法》第二十七条第四款）。';

/**
 * 拖欠劳动报酬: during employment the 1-year limit does not run; once the employment ends, the
 * worker has 1 year from its end. 《劳动争议调解仲裁法》第二十七条第四款. Only wages: see
 * moneyClaimDeadline for what the rule does not cover.
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
          who: '讨要拖欠的工资、加班费（申请仲裁）',
          lastDay: null,
          lastDayText: '还在厂里干的，不受1年时效限制',
          daysLeft: null,
          basis,
          advice: '现在就可以申请，不用等离职。离职以后就要在1年内申请了。',
        },
      ],
      notes: [WAGES_ONLY_NOTE, '留好工资条、银行流水和考勤记录。'],
    };
  }
  const bad = checkPast(input.endDate, today, '离职（劳动关系结束）的日期');
  if (bad) return bad;
  return {
    results: [result('讨要拖欠的工资、加班费（申请仲裁）', addYears(input.endDate, 1), today, basis, '离职后最晚在这天申请劳动仲裁。')],
    notes: [WAGES_ONLY_NOTE, HOLIDAY_NOTE],
  };
}

/**
 * Money that is not 劳动报酬 (double wages for an unsigned contract, annual-leave pay, severance
 * or damages): the ordinary 1 year from the day the worker knew, running during employment too
 * (第二十七条第一款). Where practice differs on the first day (double wages), the earliest, safest
 * date is the one given.
 */
export function moneyClaimDeadline(claim: Exclude<MoneyClaim, 'wages'>, date: string, now: Date = new Date()): DeadlineAnswer | DeadlineError {
  const today = shanghaiDay(now);
  const basis = '《劳动争议调解仲裁法》第二十七条第一款';
  const interrupt = '向单位书面（微信也行）讨要、向有关部门投诉，时效中断，从那天起重新算1年（第二十七条第二款）；留好记录。';
  switch (claim) {
    case 'double-wages': {
      const bad = checkPast(date, today, '开始没签合同要多给钱的日期');
      if (bad) return bad;
      return {
        results: [
          result(
            '要最早那个月的二倍工资差额（申请仲裁）',
            addYears(date, 1),
            today,
            basis,
            '在职也要最晚在这天申请；各地从哪天起算做法不同，这是最稳妥的算法。过了这天，每晚一个月就可能少拿一个月。',
          ),
        ],
        notes: [WAGES_ONLY_NOTE, interrupt, HOLIDAY_NOTE],
      };
    }
    case 'annual-leave': {
      const bad = checkPast(date, today, '那一年的年底（或离职）日期');
      if (bad) return bad;
      return {
        results: [result('要没休年假的工资（申请仲裁）', addYears(date, 1), today, basis, '在职也要最晚在这天申请；各地起算做法不一，尽早申请。')],
        notes: [WAGES_ONLY_NOTE, interrupt, HOLIDAY_NOTE],
      };
    }
    case 'compensation': {
      const bad = checkPast(date, today, '离职的日期');
      if (bad) return bad;
      return {
        results: [result('要经济补偿或赔偿金（申请仲裁）', addYears(date, 1), today, basis, '最晚在这天申请劳动仲裁。')],
        notes: [WAGES_ONLY_NOTE, interrupt, HOLIDAY_NOTE],
      };
    }
  }
}

/**
 * After an arbitration award (《劳动争议调解仲裁法》):
 *   final award (终局裁决, 第四十七条): in force the day it is made; the worker may still sue within
 *     15 days of receiving it (第四十八条); the employer cannot sue, only apply to the intermediate
 *     court within 30 days of receiving it to set it aside (第四十九条);
 *   any other award (第五十条): either side may sue within 15 days of receiving it; it takes
 *     effect when that time passes with no suit.
 */
export function sueAfterAwardDeadline(receivedDate: string, final: boolean, now: Date = new Date()): DeadlineAnswer | DeadlineError {
  const today = shanghaiDay(now);
  const bad = checkPast(receivedDate, today, '收到仲裁裁决书的日期');
  if (bad) return bad;
  const counting = '从收到裁决书的第二天开始算15天。';
  if (final) {
    return {
      results: [
        {
          who: '终局裁决什么时候生效',
          lastDay: null,
          lastDayText: '裁决作出那天就生效（日期写在裁决书上）',
          daysLeft: null,
          basis: '《劳动争议调解仲裁法》第四十七条',
          advice: '不用等15天。单位不按裁决给钱，你现在就可以向法院申请强制执行。',
        },
        result('你不服这个裁决，向法院起诉', addDays(receivedDate, 15), today, '《劳动争议调解仲裁法》第四十八条', '只有你不服才需要起诉；服的话不用管这个日子。'),
      ],
      notes: [
        counting,
        '终局裁决单位不能起诉，只能在它收到裁决书后30天内向中级人民法院申请撤销（第四十九条）；撤销了的，双方可以在收到法院裁定书后15天内起诉。',
        HOLIDAY_NOTE,
      ],
    };
  }
  return {
    results: [
      result(
        '不服裁决，向法院起诉（你和单位都可以）',
        addDays(receivedDate, 15),
        today,
        '《劳动争议调解仲裁法》第五十条',
        '不服的，最晚在这天向人民法院起诉；过了期限双方都没起诉，裁决就生效了。',
      ),
    ],
    notes: [
      counting,
      '裁决书上没写“终局裁决”的按这个算；看不懂的，拿着裁决书问工会。单位也可能起诉，留意法院的通知。',
      '裁决生效后单位不给钱，可以向法院申请强制执行（第五十一条）。',
      HOLIDAY_NOTE,
    ],
  };
}
