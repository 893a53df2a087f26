/**
 * The local cloud, assembled: the embedded database, a pool of instances per cloud function,
 * the openapi and storage stand-ins, timers, and (on demand) the HTTP server. This is the
 * programmatic entry used by tests, benchmarks and the bins. Architecture: docs/local-cloud.md.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type http from 'node:http';
import path from 'node:path';
import { SCHEMA, COLLECTIONS } from '../server/db/schema';
import { LocalDatabase } from './database';
import { callFunctionError, FUNCTION_NOT_FOUND, FUNCTIONS_EXECUTE_FAIL, isCallFunctionError } from './instances/call-errors';
import { listFunctions, readFunctionSpec } from './instances/function-config';
import type { FunctionSpec, TimerTrigger } from './instances/function-config';
import { Instance } from './instances/instance';
import type { ServiceCaller } from './instances/instance';
import { FunctionPool } from './instances/pool';
import type { InstanceTiming } from './instances/pool';
import type { InvocationIdentity, ServiceRequest } from './instances/protocol';
import { createHttpServer, isLoopbackHost, listenOnLoopback } from './http/server';
import type { DoorRefusal } from './http/server';
import { devOpenid, issueToken, loadOrCreateSecret } from './http/tokens';
import type { DevRole } from './http/tokens';
import { OpenapiService } from './openapi/service';
import type { OpenapiCall } from './openapi/service';
import { FileStore } from './storage/store';
import { TimerScheduler } from './timers/scheduler';

export type { OpenapiCall } from './openapi/service';
export type { DoorRefusal } from './http/server';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const DEFAULT_PORT = 8787;
/** getWXContext().ENV and the namespace instances report. */
export const LOCAL_ENV_ID = 'local-cloud';
/** The APPID a client call carries unless the identity names one. */
export const DEFAULT_APPID = 'wx0000000000local';

export interface Identity {
  openid: string;
  appid?: string;
  /** getWXContext().SOURCE; default 'wx_client' (a call from the mini-program). */
  source?: string;
  unionid?: string;
}

export interface LocalCloudOptions {
  dataDir: string;
  /** Default: <repo>/cloudfunctions */
  functionsDir?: string;
  /** Default 8: instances per function before invocations queue. */
  maxInstancesPerFunction?: number;
  /** The H5 build served at `/`. Default: <repo>/dist-h5 */
  staticDir?: string;
  /** Told of each request the HTTP door refuses (npm start logs them); they are counted anyway. */
  onDoorRefusal?: (refusal: DoorRefusal) => void;
}

export interface LocalCloud {
  invoke(fn: string, event: unknown, identity?: Identity | null): Promise<unknown>;
  db: LocalDatabase;
  openapi: { calls: OpenapiCall[]; grantSubscription(openid: string, templateId: string, times?: number): void };
  storage: { read(fileID: string): Buffer | null };
  setTimeOffset(ms: number): void;
  runTimer(fn: string): Promise<unknown>;
  exec(scriptPath: string, args?: string[]): Promise<unknown>;
  listen(port: number, host?: string): Promise<{ url: string }>;
  /** Fires every function's timer trigger on its schedule until close() (npm start does this). */
  startTimers(): void;
  /** Requests the HTTP door refused (no instance ran for them), by protocol error. */
  doorRefusals(): Record<string, number>;
  /** Invocations handed to instances so far, per function (what the door let through). */
  invocations(): Record<string, number>;
  /** Cold starts measured so far: spawn-to-loaded and the module's own require time. */
  instanceTimings(): InstanceTiming[];
  close(): Promise<void>;
}

/** Written while a local cloud listens, so cloud:exec / cloud:trigger can reach it. */
export const SERVER_FILE = 'server.json';

export interface ServerFile {
  pid: number;
  port: number;
  url: string;
}

/** A timer trigger's event, as WeChat delivers it. */
export function timerEvent(trigger: TimerTrigger, at: number) {
  return { Type: 'Timer', TriggerName: trigger.name, Time: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

/** How the platform's timer runs a function: the only identity that carries `trigger`. */
const TIMER_IDENTITY: InvocationIdentity = { source: 'wx_trigger', trigger: 'timer' };

function identityOf(identity: Identity | null | undefined): InvocationIdentity {
  if (!identity) return { source: 'wx_http' };
  return {
    openid: identity.openid,
    appid: identity.appid ?? DEFAULT_APPID,
    unionid: identity.unionid,
    source: identity.source ?? 'wx_client',
  };
}

/** A call from the mini-program also carries `userInfo` in the event, as in the cloud. */
function eventFor(event: unknown, identity: InvocationIdentity): unknown {
  if (!identity.openid || !event || typeof event !== 'object' || Array.isArray(event)) return event;
  return { ...(event as object), userInfo: { appId: identity.appid, openId: identity.openid } };
}

export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const dataDir = path.resolve(opts.dataDir);
  const functionsDir = path.resolve(opts.functionsDir ?? path.join(REPO_ROOT, 'cloudfunctions'));
  const maxInstances = opts.maxInstancesPerFunction ?? 8;
  fs.mkdirSync(dataDir, { recursive: true });

  let timeOffsetMs = 0;
  const now = () => Date.now() + timeOffsetMs;
  let baseUrl: string | null = null;

  const secret = loadOrCreateSecret(dataDir);
  const db = await LocalDatabase.open({ dir: path.join(dataDir, 'db'), schema: SCHEMA, now });
  const storageDir = path.join(dataDir, 'storage');
  const files = new FileStore(storageDir, () => baseUrl);
  const openapi = new OpenapiService(() => baseUrl ?? `http://127.0.0.1:${DEFAULT_PORT}`, now);
  const sdkPath = createRequire(path.join(REPO_ROOT, 'package.json')).resolve('wx-server-sdk');
  const pools = new Map<string, FunctionPool>();
  const scripts = new Set<Instance>();
  const scheduler = new TimerScheduler(now, (fn, trigger, at) => invokeAs(fn, timerEvent(trigger, at), TIMER_IDENTITY));
  const refusals: Record<string, number> = {};
  const invocations: Record<string, number> = {};
  let server: http.Server | null = null;
  let closed = false;

  function poolFor(name: string): FunctionPool | null {
    const existing = pools.get(name);
    if (existing) return existing;
    const spec = readFunctionSpec(functionsDir, name);
    if (!spec) return null;
    const pool = new FunctionPool(spec, { sdkPath, envId: LOCAL_ENV_ID, maxInstances, timeOffsetMs: () => timeOffsetMs, serve });
    pools.set(name, pool);
    return pool;
  }

  async function invokeAs(name: string, event: unknown, identity: InvocationIdentity): Promise<unknown> {
    if (closed) throw new Error('the local cloud is closed');
    const pool = poolFor(name);
    if (!pool) throw callFunctionError(FUNCTION_NOT_FOUND, `FunctionName parameter could not be found: ${name}`);
    invocations[name] = (invocations[name] ?? 0) + 1;
    return JSON.parse(await pool.invoke(eventFor(event, identity), identity));
  }

  /** cloud.callFunction from inside a function: back to the pool, answered as the TCB server does. */
  async function invokeNested(params: Record<string, unknown>, caller: ServiceCaller) {
    const name = String(params.function_name);
    const requestId = `local-${Date.now().toString(36)}`;
    const data = typeof params.request_data === 'string' && params.request_data ? JSON.parse(params.request_data) : {};
    const parent = caller.identity;
    const identity: InvocationIdentity = {
      openid: parent?.openid,
      appid: parent?.appid,
      unionid: parent?.unionid,
      source: parent ? `${parent.source},scf` : 'scf',
    };
    try {
      const result = await invokeAs(name, data, identity);
      return { requestId, data: { response_data: JSON.stringify(result) } };
    } catch (err) {
      if (!isCallFunctionError(err)) throw err;
      if (err.errCode === FUNCTION_NOT_FOUND) {
        return { requestId, code: 'ResourceNotFound.Function', message: err.detail };
      }
      return {
        requestId,
        code: 'FUNCTIONS_EXECUTE_FAIL',
        message: `errCode: ${FUNCTIONS_EXECUTE_FAIL} functions execute fail | errMsg: ${err.detail}`,
      };
    }
  }

  async function serve(request: ServiceRequest, caller: ServiceCaller): Promise<unknown> {
    const callerName = caller.target.kind === 'function' ? caller.target.name : 'exec';
    switch (request.service) {
      case 'tcb': {
        const action = String(request.params.action);
        if (action === 'functions.invokeFunction') return invokeNested(request.params, caller);
        if (action.startsWith('database.')) return db.handle(request.params);
        return { code: 'INVALID_PARAM', message: `the local cloud does not answer ${action}` };
      }
      case 'openapi': {
        const allowed = caller.target.kind === 'function' ? (pools.get(caller.target.name)?.spec.openapi ?? []) : 'all';
        return openapi.call(request.api, request.data, allowed, callerName);
      }
      case 'storage':
        switch (request.op) {
          case 'upload':
            return files.upload(request.cloudPath, request.content);
          case 'download':
            return request.fileIDs.map((id) => files.download(id));
          case 'tempUrl':
            return files.tempUrls(request.fileIDs);
          case 'delete':
            return files.delete(request.fileIDs);
        }
    }
  }

  async function exec(scriptPath: string, args: string[] = []): Promise<unknown> {
    if (closed) throw new Error('the local cloud is closed');
    const absolute = path.resolve(scriptPath);
    if (!fs.existsSync(absolute)) throw new Error(`no script at ${absolute}`);
    const instance = new Instance({
      target: { kind: 'script', scriptPath: absolute, args },
      sdkPath,
      envId: LOCAL_ENV_ID,
      timeOffsetMs,
      serve,
      onDead: (dead) => scripts.delete(dead),
    });
    scripts.add(instance);
    try {
      return JSON.parse(await instance.result());
    } catch (err) {
      // The script's own error, not wrapped as a callFunction failure.
      throw isCallFunctionError(err) ? new Error(err.detail) : err;
    } finally {
      await instance.terminate();
    }
  }

  function specOf(name: string): FunctionSpec {
    const spec = readFunctionSpec(functionsDir, name);
    if (!spec) throw callFunctionError(FUNCTION_NOT_FOUND, `FunctionName parameter could not be found: ${name}`);
    return spec;
  }

  async function runTimer(name: string): Promise<unknown> {
    const trigger = specOf(name).triggers[0];
    if (!trigger) throw new Error(`${name}/config.json declares no timer trigger`);
    return invokeAs(name, timerEvent(trigger, now()), TIMER_IDENTITY);
  }

  async function devLogin(role: DevRole, name: string) {
    const openid = devOpenid(role, name);
    if (role === 'staff') {
      // Staff rights come from the database: write the roles record the functions will check,
      // exactly as the SDK's doc(openid).set() would send it.
      const answer = (await db.handle({
        action: 'database.modifyDocument',
        collectionName: COLLECTIONS.roles,
        queryType: 'DOC',
        query: JSON.stringify({ _id: openid }),
        data: JSON.stringify({ role: 'admin', name, centreIds: [], grantedBy: 'dev-login' }),
        multi: false,
        merge: false,
        upsert: true,
      })) as { code?: string; message?: string };
      if (answer.code) throw new Error(`dev login could not write the roles record: ${answer.message}`);
    }
    return { token: issueToken(secret, { openid, role, name, iat: Date.now() }), openid, role, name };
  }

  const serverFile = path.join(dataDir, SERVER_FILE);

  const cloud: LocalCloud = {
    invoke: (fn, event, identity) => invokeAs(fn, event, identityOf(identity)),
    db,
    openapi: {
      calls: openapi.calls,
      grantSubscription: (openid, templateId, times) => openapi.grantSubscription(openid, templateId, times),
    },
    storage: { read: (fileID) => files.read(fileID) },
    setTimeOffset(ms) {
      timeOffsetMs = ms;
      for (const pool of pools.values()) pool.setClockOffset(ms);
      for (const script of scripts) script.setClockOffset(ms);
    },
    runTimer,
    exec,
    async listen(port, host = '127.0.0.1') {
      if (!isLoopbackHost(host)) {
        throw new Error(`the local cloud binds to loopback only (127.0.0.1, localhost, ::1), not ${host}`);
      }
      if (server) throw new Error('the local cloud is already listening');
      const httpServer = createHttpServer({
        secret,
        staticDir: path.resolve(opts.staticDir ?? path.join(REPO_ROOT, 'dist-h5')),
        storageDir,
        hasFunction: (name) => readFunctionSpec(functionsDir, name) !== null,
        functionNames: () => listFunctions(functionsDir).map((f) => f.name),
        invoke: (name, event, identity) => invokeAs(name, event, identityOf(identity)),
        devLogin,
        grantSubscriptions: (openid, templateIds) => templateIds.forEach((t) => openapi.grantSubscription(openid, t)),
        exec,
        runTimer,
        refused(refusal) {
          refusals[refusal.error] = (refusals[refusal.error] ?? 0) + 1;
          opts.onDoorRefusal?.(refusal);
        },
      });
      const bound = await listenOnLoopback(httpServer, port, host);
      server = httpServer;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
      baseUrl = url;
      const info: ServerFile = { pid: process.pid, port: bound, url };
      fs.writeFileSync(serverFile, JSON.stringify(info));
      return { url };
    },
    startTimers() {
      scheduler.start(listFunctions(functionsDir).flatMap((spec) => spec.triggers.map((trigger) => ({ fn: spec.name, trigger }))));
    },
    doorRefusals: () => ({ ...refusals }),
    invocations: () => ({ ...invocations }),
    instanceTimings: () => [...pools.values()].flatMap((pool) => pool.timings),
    async close() {
      if (closed) return;
      closed = true;
      scheduler.stop();
      if (server) {
        const s = server;
        server = null;
        baseUrl = null;
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
        if (fs.existsSync(serverFile)) fs.rmSync(serverFile);
      }
      await Promise.all([...pools.values()].map((pool) => pool.close()));
      await Promise.all([...scripts].map((script) => script.terminate()));
      await db.close();
    },
  };
  return cloud;
}
