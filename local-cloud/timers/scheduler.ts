/**
 * Fires each function's timer trigger on its cron schedule while the local cloud runs (npm start).
 * One timeout per trigger, re-armed after each fire; a long wait is split because setTimeout
 * cannot wait more than ~24.8 days.
 */
import { nextFire, parseCron } from './cron';
import type { TimerTrigger } from '../instances/function-config';

export interface ScheduledTrigger {
  fn: string;
  trigger: TimerTrigger;
}

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export class TimerScheduler {
  private readonly handles = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly now: () => number,
    private readonly fire: (fn: string, trigger: TimerTrigger, at: number) => Promise<unknown>,
  ) {}

  /** Arms every trigger; an invalid cron throws here, at start, rather than never firing. */
  start(triggers: ScheduledTrigger[]): void {
    for (const { fn, trigger } of triggers) this.arm(fn, trigger, parseCron(trigger.cron));
  }

  stop(): void {
    this.stopped = true;
    for (const handle of this.handles) clearTimeout(handle);
    this.handles.clear();
  }

  private arm(fn: string, trigger: TimerTrigger, schedule: ReturnType<typeof parseCron>, after = this.now()): void {
    if (this.stopped) return;
    const at = nextFire(schedule, after);
    if (at === null) return;
    const wait = (target: number) => {
      const delay = target - this.now();
      const handle = setTimeout(
        () => {
          this.handles.delete(handle);
          if (this.stopped) return;
          if (target - this.now() > 0) return wait(target);
          this.fire(fn, trigger, target).catch((err: unknown) =>
            console.error(`[local-cloud] timer ${fn}/${trigger.name} failed:`, err instanceof Error ? err.message : err),
          );
          this.arm(fn, trigger, schedule, target);
        },
        Math.max(0, Math.min(delay, MAX_TIMEOUT_MS)),
      );
      handle.unref();
      this.handles.add(handle);
    };
    wait(at);
  }
}
