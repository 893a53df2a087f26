/**
 * Shifts this thread's clock by an offset so expiry and reminder logic can be tested without
 * waiting: `Date.now()` and `new Date()` (no arguments) both read real time + offset. Every other
 * use of Date is untouched. Installed once per worker, before any function code is loaded, so
 * libraries that capture `Date` (dayjs, the SDK) see the shifted clock too.
 */
const RealDate = Date;
let offsetMs = 0;

export function setClockOffset(ms: number): void {
  offsetMs = ms;
}

export function installShiftedClock(initialOffsetMs: number): void {
  offsetMs = initialOffsetMs;
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      else super(...(args as [string | number | Date]));
    }

    static now(): number {
      return RealDate.now() + offsetMs;
    }
  }
  // Called as a function (no `new`), Date returns the current time as a string.
  const DateFunction = new Proxy(ShiftedDate, {
    apply: () => new ShiftedDate().toString(),
  });
  globalThis.Date = DateFunction as unknown as DateConstructor;
}
