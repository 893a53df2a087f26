/**
 * Worker side of the openapi stand-ins: replaces `cloud.openapi` with a proxy shaped like the
 * SDK's own (`cloud.openapi.subscribeMessage.send(data)`, `cloud.openapi({ convertCase })...`).
 * The real SDK would encode the call as protobuf for WeChat's server; here the call goes to the
 * main thread, which plays WeChat's server. Case conversion, success and failure shapes follow
 * the SDK (wx-server-sdk 4.0.2, src/api/openapi/namespace/generic.ts).
 */
import { callMain } from '../instances/main-channel';
import type { SerializedError } from '../instances/protocol';
import { sdkError } from '../instances/sdk-error';

type Json = unknown;

function convertKeys(value: Json, convert: (key: string) => string): Json {
  if (Array.isArray(value)) return value.map((item) => convertKeys(item, convert));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const out: Record<string, Json> = {};
    for (const [key, item] of Object.entries(value)) out[convert(key)] = convertKeys(item, convert);
    return out;
  }
  return value;
}

const toSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const toCamel = (key: string) => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** What the main thread (WeChat's stand-in) answers: JSON with errcode, or a binary body. */
export type OpenapiWireAnswer =
  | { kind: 'json'; body: Record<string, Json> }
  | { kind: 'buffer'; contentType: string; buffer: Uint8Array };

async function callOpenapi(api: string, data: Record<string, Json>, convertCase: boolean) {
  const displayName = `openapi.${api}`;
  const wireData = (convertCase ? convertKeys(data, toSnake) : data) as Record<string, Json>;
  let answer: OpenapiWireAnswer;
  try {
    answer = (await callMain({ service: 'openapi', api, data: wireData })) as OpenapiWireAnswer;
  } catch (err) {
    const e = err as SerializedError;
    throw sdkError(e.errCode ?? -601001, `${displayName}:fail ${e.errMsg ?? e.message}`);
  }
  if (answer.kind === 'buffer') {
    return {
      contentType: answer.contentType,
      buffer: Buffer.from(answer.buffer),
      errMsg: `${displayName}:ok`,
      errCode: 0,
    };
  }
  const { errcode, errmsg, ...rest } = answer.body;
  if (typeof errcode === 'number' && errcode !== 0) {
    throw sdkError(errcode, `${displayName}:fail ${String(errmsg)}`);
  }
  const result = (convertCase ? convertKeys(rest, toCamel) : rest) as Record<string, Json>;
  return { ...result, errMsg: `${displayName}:ok`, errCode: 0 };
}

interface ProxyState {
  paths: string[];
  convertCase: boolean;
}

function openapiProxy(state: ProxyState): unknown {
  const target = function openapi() {
    /* callable target for the Proxy */
  };
  return new Proxy(target, {
    get: (_t, prop) => {
      if (typeof prop !== 'string') return undefined;
      return openapiProxy({ ...state, paths: [...state.paths, prop] });
    },
    apply: (_t, _this, args: unknown[]) => {
      // At the root, cloud.openapi(options) returns a configured namespace (the SDK's form).
      if (state.paths.length === 0) {
        const options = (args[0] ?? {}) as { convertCase?: boolean };
        return openapiProxy({ paths: [], convertCase: options.convertCase !== false });
      }
      return callOpenapi(state.paths.join('.'), (args[0] ?? {}) as Record<string, Json>, state.convertCase);
    },
  });
}

export function installOpenapiSurface(cloud: Record<string, unknown>): void {
  cloud.openapi = openapiProxy({ paths: [], convertCase: true });
}
