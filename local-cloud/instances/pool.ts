/**
 * The instances of one cloud function. As in the cloud, an instance runs one invocation at a
 * time; more instances start on demand up to a maximum, then invocations wait in a queue. A dead
 * instance (timeout, crash) is dropped and replaced on the next demand.
 */
import { randomUUID } from 'node:crypto';
import { asCallFunctionError } from './call-errors';
import type { FunctionSpec } from './function-config';
import { Instance } from './instance';
import type { ServiceHandler } from './instance';
import type { InvocationIdentity } from './protocol';

export interface PoolEnvironment {
  sdkPath: string;
  envId: string;
  maxInstances: number;
  timeOffsetMs: () => number;
  serve: ServiceHandler;
}

interface Job {
  event: unknown;
  identity: InvocationIdentity;
  resolve: (json: string) => void;
  reject: (error: Error) => void;
}

export interface InstanceTiming {
  function: string;
  /** Spawn to module loaded. */
  coldStartMs: number;
  /** require() of the function's index.js inside the worker. */
  loadMs: number;
}

export class FunctionPool {
  private readonly instances: Instance[] = [];
  private readonly queue: Job[] = [];
  readonly timings: InstanceTiming[] = [];

  constructor(
    readonly spec: FunctionSpec,
    private readonly env: PoolEnvironment,
  ) {}

  /** Resolves with the function's return value as JSON text. */
  invoke(event: unknown, identity: InvocationIdentity): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ event, identity, resolve, reject });
      this.pump();
    });
  }

  setClockOffset(ms: number): void {
    for (const instance of this.instances) instance.setClockOffset(ms);
  }

  async close(): Promise<void> {
    const instances = this.instances.splice(0);
    await Promise.all(instances.map((i) => i.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const idle = this.instances.find((i) => i.state === 'idle');
      if (idle) {
        this.assign(idle, this.queue.shift() as Job);
        continue;
      }
      const starting = this.instances.filter((i) => i.state === 'starting').length;
      if (starting < this.queue.length && this.instances.length < this.env.maxInstances) {
        this.spawn();
        continue;
      }
      return;
    }
  }

  private assign(instance: Instance, job: Job): void {
    instance
      .run(job.event, job.identity, this.spec.timeoutMs, randomUUID())
      .then(job.resolve, job.reject)
      .finally(() => this.pump());
  }

  private spawn(): void {
    const instance = new Instance({
      target: {
        kind: 'function',
        name: this.spec.name,
        modulePath: this.spec.modulePath,
        timeoutMs: this.spec.timeoutMs,
        memoryMb: this.spec.memoryMb,
      },
      sdkPath: this.env.sdkPath,
      envId: this.env.envId,
      timeOffsetMs: this.env.timeOffsetMs(),
      serve: this.env.serve,
      onDead: (dead, error) => {
        const index = this.instances.indexOf(dead);
        if (index >= 0) this.instances.splice(index, 1);
        if (error && dead.coldStartMs === 0) {
          // A module that fails to load fails the invocations waiting for it, as a failed cold
          // start does in the cloud; a later call tries a fresh instance.
          const failure = asCallFunctionError(error);
          for (const job of this.queue.splice(0)) job.reject(failure);
          return;
        }
        this.pump();
      },
    });
    this.instances.push(instance);
    instance.ready.then(
      () => {
        this.timings.push({ function: this.spec.name, coldStartMs: instance.coldStartMs, loadMs: instance.loadMs });
        this.pump();
      },
      () => undefined, // handled in onDead
    );
  }
}
