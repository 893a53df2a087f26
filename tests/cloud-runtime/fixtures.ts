/**
 * Tiny cloud functions written into a temporary functions folder, so the runtime is tested on its
 * own behaviour rather than the product's functions. Each is CommonJS requiring the real
 * wx-server-sdk, as a deployed function is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FixtureFunction {
  index: string;
  config?: Record<string, unknown>;
}

const PRELUDE = `
const cloud = require('wx-server-sdk');
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();
const _ = db.command;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
`;

export const FIXTURES: Record<string, FixtureFunction> = {
  // Returns who called, which instance answered and how many calls that instance has served.
  whoami: {
    index: `${PRELUDE}
const instanceId = Math.random().toString(36).slice(2);
let calls = 0;
exports.main = async (event) => {
  calls += 1;
  const startedAt = Date.now();
  if (event.delayMs) await sleep(event.delayMs);
  const ctx = cloud.getWXContext();
  return { OPENID: ctx.OPENID, APPID: ctx.APPID, SOURCE: ctx.SOURCE, ENV: ctx.ENV, instanceId, calls, startedAt, endedAt: Date.now(), now: Date.now(), newDate: new Date().getTime(), event };
};`,
  },
  setup: {
    index: `${PRELUDE}
exports.main = async (event) => {
  await db.collection('users').doc('counter').set({ data: { n: 0 } });
  await db.collection('centres').doc('event1').set({ data: { left: event.seats } });
  return true;
};`,
  },
  // The anti-pattern: read, then write what was read plus one. Loses updates across instances.
  unsafeIncrement: {
    index: `${PRELUDE}
exports.main = async () => {
  const { data } = await db.collection('users').doc('counter').get();
  await sleep(10);
  await db.collection('users').doc('counter').update({ data: { n: data.n + 1 } });
  return data.n + 1;
};`,
  },
  // The cloud idiom: one conditional write takes a seat or does nothing.
  takeSeat: {
    index: `${PRELUDE}
exports.main = async () => {
  const res = await db.collection('centres').where({ _id: 'event1', left: _.gt(0) }).update({ data: { left: _.inc(-1) } });
  return res.stats.updated === 1;
};`,
  },
  stamp: {
    index: `${PRELUDE}
exports.main = async (event) => {
  await db.collection('users').doc(event.id).set({ data: { at: db.serverDate(), clientNow: Date.now() } });
  return true;
};`,
  },
  stuck: {
    index: `${PRELUDE}
exports.main = async (event) => {
  if (event.ok) return 'fine';
  for (;;) {}
};`,
    config: { timeout: 1 },
  },
  boom: {
    index: `${PRELUDE}
exports.main = async () => { throw new Error('kaboom: the function failed'); };`,
  },
  brokenModule: {
    index: `throw new Error('cannot load this module');`,
  },
  caller: {
    index: `${PRELUDE}
exports.main = async (event) => {
  try {
    const res = await cloud.callFunction({ name: event.target, data: { delayMs: 0, from: 'caller' } });
    return { ok: true, result: res.result };
  } catch (e) {
    return { ok: false, errCode: e.errCode, errMsg: e.errMsg };
  }
};`,
  },
  notify: {
    index: `${PRELUDE}
exports.main = async (event) => {
  try {
    const res = await cloud.openapi[event.ns][event.method](event.data);
    if (res.buffer) return { ok: true, contentType: res.contentType, errMsg: res.errMsg, head: Array.from(res.buffer.subarray(0, 8)), size: res.buffer.length };
    return { ok: true, res };
  } catch (e) {
    return { ok: false, errCode: e.errCode, errMsg: e.errMsg };
  }
};`,
    config: { permissions: { openapi: ['subscribeMessage.send', 'wxacode.getUnlimited', 'security.msgSecCheck'] } },
  },
  noPermission: {
    index: `${PRELUDE}
exports.main = async () => {
  try {
    await cloud.openapi.subscribeMessage.send({ touser: 'x', templateId: 't', data: { thing1: { value: 'a' } } });
    return { ok: true };
  } catch (e) {
    return { ok: false, errCode: e.errCode, errMsg: e.errMsg };
  }
};`,
  },
  files: {
    index: `${PRELUDE}
exports.main = async (event) => {
  if (event.op === 'upload') return cloud.uploadFile({ cloudPath: event.cloudPath, fileContent: Buffer.from(event.text) });
  if (event.op === 'url') return cloud.getTempFileURL({ fileList: [event.fileID] });
  if (event.op === 'download') { const r = await cloud.downloadFile({ fileID: event.fileID }); return r.fileContent.toString('utf8'); }
  if (event.op === 'delete') return cloud.deleteFile({ fileList: [event.fileID] });
  throw new Error('unknown op');
};`,
  },
  tick: {
    index: `${PRELUDE}
exports.main = async (event) => {
  const ctx = cloud.getWXContext();
  await db.collection('users').add({ data: { kind: 'tick', event, source: ctx.SOURCE, openid: ctx.OPENID || null } });
  return { event, SOURCE: ctx.SOURCE, OPENID: ctx.OPENID || null, TRIGGER_SRC: process.env.TRIGGER_SRC || null };
};`,
    config: { triggers: [{ name: 'everySecond', type: 'timer', config: '* * * * * * *' }] },
  },
};

export function makeFunctionsDir(names: string[] = Object.keys(FIXTURES)): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-fns-'));
  for (const name of names) {
    const fixture = FIXTURES[name];
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'index.js'), fixture.index);
    if (fixture.config) fs.writeFileSync(path.join(dir, name, 'config.json'), JSON.stringify(fixture.config));
  }
  return dir;
}

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
