/**
 * The main thread's handle on one instance (worker thread): starts it, hands it one invocation at a
 * time, answers its service requests, enforces the timeout (a stuck instance is terminated, as the
 * cloud kills a timed-out container) and reports when it dies.
 */
import { Worker } from 'node:worker_threads';
import { asCallFunctionError, callFunctionError, FUNCTIONS_EXECUTE_FAIL, timeoutDetail } from './call-errors';
import type { InstanceTarget, InvocationIdentity, MainToWorker, SerializedError, ServiceRequest, WorkerToMain } from './protocol';
import { serializeError } from './protocol';
import { workerBundle } from './worker-bundle';

/** Who is asking, so the main thread can check permissions and propagate identity. */
export interface ServiceCaller {
  target: InstanceTarget;
  /** The identity of the invocation being run (scripts run without one). */
  identity: InvocationIdentity | null;
}

export type ServiceHandler = (request: ServiceRequest, caller: ServiceCaller) => Promise<unknown>;

export interface InstanceOptions {
  target: InstanceTarget;
  sdkPath: string;
  envId: string;
  timeOffsetMs: number;
  serve: ServiceHandler;
  /** Called once when the instance can no longer run anything (crash, timeout, load failure). */
  onDead: (instance: Instance, error: Error | null) => void;
}

interface Running {
  id: number;
  identity: InvocationIdentity | null;
  resolve: (json: string) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

let nextInvocationId = 1;

export type InstanceState = 'starting' | 'idle' | 'busy' | 'dead';

export class Instance {
  state: InstanceState = 'starting';
  /** Time from spawning the worker to the function's module being loaded (a cold start). */
  coldStartMs = 0;
  /** The function module's own load time inside the worker (require of index.js). */
  loadMs = 0;
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private running: Running | null = null;
  private readonly spawnedAt = performance.now();

  constructor(private readonly options: InstanceOptions) {
    this.worker = new Worker(workerBundle(), {
      workerData: {
        target: options.target,
        sdkPath: options.sdkPath,
        envId: options.envId,
        timeOffsetMs: options.timeOffsetMs,
      },
      // Each worker gets its own copy of process.env: the per-invocation identity lives there.
      env: { ...process.env },
      // Not the parent's loader flags (tsx, jest): the bundle is plain JavaScript.
      execArgv: [],
    });
    let markReady: () => void = () => undefined;
    let markFailed: (error: Error) => void = () => undefined;
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    // A load failure is reported to whoever waits on `ready`; avoid an unhandled rejection here.
    this.ready.catch(() => undefined);
    this.worker.on('message', (message: WorkerToMain) => this.onMessage(message, markReady, markFailed));
    this.worker.on('error', (err) => this.die(err));
    this.worker.on('exit', (code) => this.die(new Error(`instance exited with code ${code}`)));
    // Scripts start running at once: treat them as busy with an invocation that has id 0.
    if (options.target.kind === 'script') this.state = 'busy';
  }

  get identity(): InvocationIdentity | null {
    return this.running?.identity ?? null;
  }

  /** Runs one invocation; resolves with the return value as JSON text. */
  run(event: unknown, identity: InvocationIdentity, timeoutMs: number, requestId: string): Promise<string> {
    if (this.state !== 'idle') throw new Error(`instance is ${this.state}, not idle`);
    this.state = 'busy';
    const id = nextInvocationId++;
    return new Promise<string>((resolve, reject) => {
      const running: Running = { id, identity, resolve, reject };
      running.timer = setTimeout(() => {
        // The cloud fails the call and discards the container; a fresh instance replaces it.
        this.settle(id, callFunctionError(FUNCTIONS_EXECUTE_FAIL, timeoutDetail(timeoutMs)));
        void this.terminate();
      }, timeoutMs);
      this.running = running;
      try {
        this.post({ type: 'invoke', id, event, identity, requestId });
      } catch (error) {
        // An event that cannot cross to the worker (e.g. nested too deep to clone) fails this call
        // at once; the instance never received it and is free again.
        this.settle(id, callFunctionError(FUNCTIONS_EXECUTE_FAIL, `the event could not be delivered: ${serializeError(error).message}`));
      }
    });
  }

  /** For a script instance: resolves with its result as JSON text when it finishes. */
  result(): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.running = { id: 0, identity: null, resolve, reject };
    });
  }

  setClockOffset(ms: number): void {
    if (this.state !== 'dead') this.post({ type: 'clock', timeOffsetMs: ms });
  }

  async terminate(): Promise<void> {
    this.die(null);
    await this.worker.terminate();
  }

  private post(message: MainToWorker): void {
    this.worker.postMessage(message);
  }

  private onMessage(message: WorkerToMain, markReady: () => void, markFailed: (e: Error) => void): void {
    switch (message.type) {
      case 'ready':
        this.loadMs = message.loadMs;
        this.coldStartMs = performance.now() - this.spawnedAt;
        this.state = 'idle';
        markReady();
        return;
      case 'load-failed': {
        const error = callFunctionError(FUNCTIONS_EXECUTE_FAIL, describe(message.error));
        markFailed(error);
        this.die(error);
        void this.worker.terminate();
        return;
      }
      case 'done':
        if (message.ok) this.settle(message.id, null, message.json);
        else this.settle(message.id, callFunctionError(FUNCTIONS_EXECUTE_FAIL, describe(message.error)));
        return;
      case 'request': {
        const caller: ServiceCaller = { target: this.options.target, identity: this.identity };
        this.options.serve(message.request, caller).then(
          (value) => this.reply({ type: 'reply', id: message.id, ok: true, value }),
          (err: unknown) => this.reply({ type: 'reply', id: message.id, ok: false, error: serializeError(err) }),
        );
        return;
      }
    }
  }

  private reply(message: MainToWorker): void {
    if (this.state !== 'dead') this.post(message);
  }

  private settle(id: number, error: Error | null, json?: string): void {
    const running = this.running;
    if (!running || running.id !== id) return;
    clearTimeout(running.timer);
    this.running = null;
    if (error) running.reject(error);
    else running.resolve(json ?? 'null');
    // The pool learns that the instance is free when this promise settles (it pumps its queue then).
    if (this.state === 'busy') this.state = 'idle';
  }

  private die(error: Error | null): void {
    if (this.state === 'dead') return;
    this.state = 'dead';
    if (this.running) {
      const running = this.running;
      this.running = null;
      clearTimeout(running.timer);
      running.reject(error ? asCallFunctionError(error) : callFunctionError(FUNCTIONS_EXECUTE_FAIL, 'instance stopped'));
    }
    this.options.onDead(this, error);
  }
}

/** The function's failure as the cloud reports it: "<Name>: <message>". */
function describe(error: SerializedError): string {
  if (error.errMsg && error.errCode !== undefined) return `errCode: ${error.errCode} | errMsg: ${error.errMsg}`;
  const firstStackLine = error.stack?.split('\n')[0];
  return firstStackLine && firstStackLine.includes(error.message) ? firstStackLine : `Error: ${error.message}`;
}
