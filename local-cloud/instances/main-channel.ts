/**
 * The worker's side of the conversation with the main thread: service requests (database, nested
 * callFunction, openapi, storage) go up the port and are answered by id.
 */
import { parentPort } from 'node:worker_threads';
import type { MainToWorker, SerializedError, ServiceRequest, WorkerToMain } from './protocol';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

const pending = new Map<number, Pending>();
let nextId = 1;

export function port() {
  if (!parentPort) throw new Error('local-cloud worker code must run inside a worker thread');
  return parentPort;
}

export function postToMain(message: WorkerToMain): void {
  port().postMessage(message);
}

/** Rebuilds an error the main thread sent, keeping errCode/errMsg as the SDK's errors carry them. */
export function errorFrom(serialized: SerializedError): Error & { errCode?: number; errMsg?: string } {
  const error = new Error(serialized.message) as Error & { errCode?: number; errMsg?: string };
  if (serialized.errCode !== undefined) error.errCode = serialized.errCode;
  if (serialized.errMsg !== undefined) error.errMsg = serialized.errMsg;
  return error;
}

export function callMain(request: ServiceRequest): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    postToMain({ type: 'request', id, request });
  });
}

/** Settles a pending request; returns false when the message is not a reply. */
export function settleReply(message: MainToWorker): boolean {
  if (message.type !== 'reply') return false;
  const waiting = pending.get(message.id);
  if (!waiting) return true;
  pending.delete(message.id);
  if (message.ok) waiting.resolve(message.value);
  else waiting.reject(errorFrom(message.error));
  return true;
}
