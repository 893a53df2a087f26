import Taro from '@tarojs/taro';
import type { CallEvent } from '@contract/define';
import { devSession } from './dev-session';

/** Sends one event to one cloud function and resolves with what the function returned. */
export type Transport = (fn: string, event: CallEvent) => Promise<unknown>;

/** The platform's code for "the function ran and threw, timed out or failed to load" (weapp and the local cloud alike). */
const FUNCTION_FAILED = -504002;

/**
 * Thrown for failures of the transport itself. `reachedServer` tells a crashed function (the
 * worker should hear 服务出错了) from a call that never got an answer (网络不好).
 */
export class TransportError extends Error {
  readonly reachedServer: boolean;
  constructor(message: string, readonly errCode?: number, httpStatus?: number) {
    super(message);
    this.name = 'TransportError';
    this.reachedServer = errCode === FUNCTION_FAILED || (httpStatus !== undefined && httpStatus >= 500);
  }
}

const weappTransport: Transport = async (fn, event) => {
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: event as unknown as Record<string, unknown> });
    return res.result;
  } catch (error) {
    const e = error as { errMsg?: string; errCode?: number };
    throw new TransportError(e.errMsg ?? String(error), e.errCode);
  }
};

/** A weak signal must not hang a page forever: give up after this and let the worker retry. */
const HTTP_TIMEOUT_MS = 15000;

/** The local cloud's protocol (docs/local-cloud-http.md): POST /fn/<name>, bearer token. */
const h5Transport: Transport = async (fn, event) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), HTTP_TIMEOUT_MS);
  try {
    const token = devSession.token();
    const res = await fetch(`/fn/${encodeURIComponent(fn)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(event),
      signal: controller.signal,
    });
    const body = (await res.json().catch(() => null)) as { result?: unknown; errCode?: number; errMsg?: string } | null;
    if (res.status === 401) devSession.clear();
    if (!res.ok || !body || !('result' in body)) {
      throw new TransportError(body?.errMsg ?? `HTTP ${res.status}`, body?.errCode, res.status);
    }
    return body.result;
  } catch (error) {
    if (error instanceof TransportError) throw error;
    throw new TransportError(String(error));
  } finally {
    clearTimeout(timer);
  }
};

// Chosen once, at build time: Taro replaces TARO_ENV, so the other branch is dropped from the bundle.
export const transport: Transport = process.env.TARO_ENV === 'weapp' ? weappTransport : h5Transport;
