/**
 * One instance of a cloud function (or one run of an operations script), inside a worker thread.
 *
 * Order matters: the clock is shifted and `wx-server-sdk` is pinned and patched BEFORE the
 * function's module is required, so its module-level code already talks to the local backends.
 * The worker has its own copy of process.env; each invocation rewrites the variables the SDK's
 * getWXContext() reads, so concurrent invocations in different instances never see each other's
 * caller. One invocation runs at a time per instance, as in the cloud.
 */
import Module from 'node:module';
import { workerData } from 'node:worker_threads';
import { installSdkSeam } from '../sdk-seam';
import { installOpenapiSurface } from '../openapi/sdk-surface';
import { installStorageSurface } from '../storage/sdk-surface';
import { callMain, port, postToMain, settleReply } from './main-channel';
import { serializeError } from './protocol';
import type { InvocationIdentity, MainToWorker, WorkerData } from './protocol';
import { installShiftedClock, setClockOffset } from './shifted-clock';

const data = workerData as WorkerData;

installShiftedClock(data.timeOffsetMs);
pinSdkResolution(data.sdkPath);
installSdkSeam(({ params }) => callMain({ service: 'tcb', params }));
const cloud = require(data.sdkPath) as Record<string, unknown> & { init(config?: object): void };
installOpenapiSurface(cloud);
installStorageSurface(cloud);
process.env.TCB_ENV = data.envId;

/**
 * Functions and scripts may live anywhere (a temp folder in tests); `require('wx-server-sdk')`
 * from them must still get the one patched copy, never another install.
 */
function pinSdkResolution(sdkPath: string): void {
  const moduleInternals = Module as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
  };
  const original = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function resolve(request: string, ...rest: unknown[]) {
    if (request === 'wx-server-sdk') return sdkPath;
    return original.call(this, request, ...rest);
  };
}

/** The environment variables getWXContext() reads (wx-server-sdk src/api/utils/api/getWXContext.ts). */
const IDENTITY_VARS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP'] as const;

function applyIdentity(identity: InvocationIdentity): void {
  const values: Record<(typeof IDENTITY_VARS)[number], string | undefined> = {
    WX_OPENID: identity.openid,
    WX_APPID: identity.appid,
    WX_UNIONID: identity.unionid,
    WX_CLIENTIP: identity.openid ? '127.0.0.1' : undefined,
  };
  for (const key of IDENTITY_VARS) {
    const value = values[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  // Always the full list: getWXContext() returns {} (not even ENV and SOURCE) when it is empty,
  // and skips the keys whose variable is unset, which is how a call without a user looks.
  process.env.WX_CONTEXT_KEYS = IDENTITY_VARS.join(',');
  process.env.TCB_SOURCE = identity.source;
  // What @cloudbase/node-sdk reads to tell a timer run (utils/wxCloudToken.js); the entry checks it.
  if (identity.trigger === 'timer') process.env.TRIGGER_SRC = 'timer';
  else delete process.env.TRIGGER_SRC;
}

function toCloudJson(value: unknown): string {
  // The cloud sends a function's return value to the caller as JSON: Dates become strings,
  // undefined fields disappear, an undefined result arrives as null.
  return JSON.stringify(value === undefined ? null : value) ?? 'null';
}

async function runScript(target: Extract<WorkerData['target'], { kind: 'script' }>): Promise<void> {
  applyIdentity({ source: 'local_exec' });
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  try {
    // Operations scripts may be TypeScript: only then is a transpiler loaded into the worker.
    if (/\.[cm]?ts$/.test(target.scriptPath)) {
      (require('tsx/cjs/api') as { register(): void }).register();
    }
    const loaded = require(target.scriptPath) as unknown;
    const entry =
      typeof loaded === 'function'
        ? loaded
        : loaded && typeof (loaded as { default?: unknown }).default === 'function'
          ? (loaded as { default: (input: unknown) => unknown }).default
          : null;
    const result = entry ? await entry({ cloud, args: target.args }) : null;
    postToMain({ type: 'done', id: 0, ok: true, json: toCloudJson(result) });
  } catch (err) {
    postToMain({ type: 'done', id: 0, ok: false, error: serializeError(err) });
  }
}

function loadFunction(target: Extract<WorkerData['target'], { kind: 'function' }>) {
  const started = performance.now();
  try {
    const mod = require(target.modulePath) as { main?: unknown };
    if (typeof mod.main !== 'function') throw new Error(`${target.name}/index.js does not export main`);
    postToMain({ type: 'ready', loadMs: performance.now() - started });
    return mod.main as (event: unknown, context: object) => unknown;
  } catch (err) {
    postToMain({ type: 'load-failed', error: serializeError(err) });
    return null;
  }
}

const target = data.target;
if (target.kind === 'script') {
  port().on('message', (message: MainToWorker) => {
    if (message.type === 'clock') setClockOffset(message.timeOffsetMs);
    else settleReply(message);
  });
  void runScript(target);
} else {
  const main = loadFunction(target);
  port().on('message', (message: MainToWorker) => {
    if (message.type === 'clock') setClockOffset(message.timeOffsetMs);
    if (settleReply(message) || message.type !== 'invoke' || !main) return;
    applyIdentity(message.identity);
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      request_id: message.requestId,
      function_name: target.name,
      function_version: '$LATEST',
      namespace: data.envId,
      memory_limit_in_mb: target.memoryMb,
      time_limit_in_ms: target.timeoutMs,
    };
    Promise.resolve()
      .then(() => main(message.event, context))
      .then(
        (result) => postToMain({ type: 'done', id: message.id, ok: true, json: toCloudJson(result) }),
        (err: unknown) => postToMain({ type: 'done', id: message.id, ok: false, error: serializeError(err) }),
      )
      .catch((err: unknown) => postToMain({ type: 'done', id: message.id, ok: false, error: serializeError(err) }));
  });
}
