/**
 * WeChat timer-trigger cron: 7 fields — second minute hour day-of-month month day-of-week year —
 * evaluated in UTC+8 (China has no daylight saving, so a fixed offset is exact) whatever the
 * process TZ is. Each field accepts `*`, numbers, lists `a,b`, ranges `a-b` and steps `x/n`;
 * months and weekdays also accept English abbreviations (JAN, MON). Weekday 0 is Sunday.
 * As in standard cron, when both day-of-month and day-of-week are restricted, either may match.
 */
const UTC8_MS = 8 * 3600 * 1000;

interface FieldSpec {
  min: number;
  max: number;
  names?: string[];
}

const FIELDS: FieldSpec[] = [
  { min: 0, max: 59 }, // second
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { min: 1970, max: 2099 }, // year
];

export interface CronSchedule {
  source: string;
  fields: Array<Set<number>>;
  /** Whether day-of-month / day-of-week were restricted (not `*`). */
  dayRestricted: boolean;
  weekdayRestricted: boolean;
}

function parseValue(text: string, spec: FieldSpec, cron: string): number {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  const value = named >= 0 ? named + (spec.min === 1 ? 1 : 0) : Number(text);
  if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
    throw new Error(`invalid cron "${cron}": ${text} is outside ${spec.min}-${spec.max}`);
  }
  return value;
}

function parseField(text: string, spec: FieldSpec, cron: string): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [rangeText, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`invalid cron "${cron}": bad step in ${part}`);
    let from: number;
    let to: number;
    if (rangeText === '*') {
      [from, to] = [spec.min, spec.max];
    } else if (rangeText.includes('-')) {
      const [a, b] = rangeText.split('-');
      [from, to] = [parseValue(a, spec, cron), parseValue(b, spec, cron)];
    } else {
      from = parseValue(rangeText, spec, cron);
      to = stepText === undefined ? from : spec.max;
    }
    if (from > to) throw new Error(`invalid cron "${cron}": range ${rangeText} runs backwards`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export function parseCron(cron: string): CronSchedule {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 7) {
    throw new Error(`invalid cron "${cron}": WeChat timer triggers take 7 fields (second minute hour day month weekday year)`);
  }
  return {
    source: cron,
    fields: parts.map((p, i) => parseField(p, FIELDS[i], cron)),
    dayRestricted: parts[3] !== '*',
    weekdayRestricted: parts[5] !== '*',
  };
}

/** Calendar fields of an instant as seen in UTC+8. */
function utc8Parts(ms: number) {
  const d = new Date(ms + UTC8_MS);
  return {
    second: d.getUTCSeconds(),
    minute: d.getUTCMinutes(),
    hour: d.getUTCHours(),
    day: d.getUTCDate(),
    month: d.getUTCMonth() + 1,
    weekday: d.getUTCDay(),
    year: d.getUTCFullYear(),
  };
}

export function matches(schedule: CronSchedule, ms: number): boolean {
  const p = utc8Parts(ms);
  const [sec, min, hour, day, month, weekday, year] = schedule.fields;
  if (!sec.has(p.second) || !min.has(p.minute) || !hour.has(p.hour) || !month.has(p.month) || !year.has(p.year)) {
    return false;
  }
  const dayOk = day.has(p.day);
  const weekdayOk = weekday.has(p.weekday);
  if (schedule.dayRestricted && schedule.weekdayRestricted) return dayOk || weekdayOk;
  return dayOk && weekdayOk;
}

/**
 * The first whole second strictly after `afterMs` that the schedule matches, or null if none
 * within `horizonDays`. Skips a non-matching day or hour in one step, so a yearly schedule costs
 * a few thousand checks, not millions.
 */
export function nextFire(schedule: CronSchedule, afterMs: number, horizonDays = 366 * 5): number | null {
  let t = Math.floor(afterMs / 1000) * 1000 + 1000;
  const end = afterMs + horizonDays * 86400_000;
  while (t <= end) {
    const p = utc8Parts(t);
    const [, min, hour, day, month, weekday, year] = schedule.fields;
    const dayOk =
      schedule.dayRestricted && schedule.weekdayRestricted
        ? day.has(p.day) || weekday.has(p.weekday)
        : day.has(p.day) && weekday.has(p.weekday);
    if (!year.has(p.year) || !month.has(p.month) || !dayOk) {
      t += 86400_000 - ((t + UTC8_MS) % 86400_000); // to the next UTC+8 midnight
      continue;
    }
    if (!hour.has(p.hour)) {
      t += 3600_000 - ((t + UTC8_MS) % 3600_000);
      continue;
    }
    if (!min.has(p.minute)) {
      t += 60_000 - (t % 60_000);
      continue;
    }
    if (matches(schedule, t)) return t;
    t += 1000;
  }
  return null;
}
