/**
 * Each cloud function's config.json grants the openapi its code can call, derived from the bundle
 * (scripts/build-cloud.ts openapiCalledBy): built here into a temporary folder, checked against
 * what each function is known to do, and against the rules that keep the derivation honest.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunction, functionNames, openapiCalledBy } from '../../scripts/build-cloud';
import { DEPLOYMENT, RUNTIME } from '../../server/functions/deployment';
import { SEND_BUDGET_MS } from '../../server/domain/messages/outbox';
import { OPENAPI_PERMISSIONS } from '../../server/runtime/wechat-openapi';

const root = path.resolve(__dirname, '..', '..');
let out: string;
const built = new Map<string, { bundle: string; config: { runtime: string; timeout: number; permissions: { openapi: string[] } } }>();

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'zgj-fn-'));
  for (const name of functionNames()) {
    await buildFunction(name, out);
    built.set(name, {
      bundle: readFileSync(path.join(out, name, 'index.js'), 'utf8'),
      config: JSON.parse(readFileSync(path.join(out, name, 'config.json'), 'utf8')),
    });
  }
}, 60000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

test('each function is granted what its code can call, and nothing else', () => {
  const granted = Object.fromEntries([...built].map(([name, b]) => [name, b.config.permissions.openapi]));
  expect(granted).toEqual({
    // 我的数据 → delete frees a seat; the next in line is offered it and told.
    account: ['subscribeMessage.send'],
    // 帮扶: the worker is told when their application changes status.
    aid: ['subscribeMessage.send'],
    // A booking's topic (预约法律咨询 from an article) is the worker's own words, checked like every free text.
    centres: ['security.msgSecCheck', 'subscribeMessage.send'],
    events: ['subscribeMessage.send'],
    exports: [],
    rights: ['security.msgSecCheck'],
    staff: [],
    station: ['wxacode.getUnlimited'],
  });
});

test('a call in the bundle is found and a definition is not (the rule the build relies on)', () => {
  // Every bundle holds the Platform's definitions (the entry builds it); staff calls none of them.
  expect(openapiCalledBy(built.get('staff')!.bundle)).toEqual([]);
  for (const method of Object.keys(OPENAPI_PERMISSIONS)) expect(built.get('staff')!.bundle).toContain(`${method}(`);
  expect(openapiCalledBy('x.platform.sendSubscribeMessage({touser:a})')).toEqual(['subscribeMessage.send']);
  // Every permission is needed by some function: a method nobody calls is dead code.
  const used = new Set([...built.values()].flatMap((b) => b.config.permissions.openapi));
  expect([...used].sort()).toEqual(Object.values(OPENAPI_PERMISSIONS).sort());
});

test('only server/runtime/wechat-openapi.ts calls cloud.openapi (every call goes through the Platform)', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name)) files.push(full);
    }
  };
  walk(path.join(root, 'server'));
  const callers = files.filter((f) => /\bopenapi\s*\.\s*[a-zA-Z]+\s*\.\s*[a-zA-Z]+\s*\(/.test(readFileSync(f, 'utf8')));
  expect(callers.map((f) => path.relative(root, f))).toEqual(['server/runtime/wechat-openapi.ts']);
});

test('a function that can send has time for the outbox budget; every function states its runtime', () => {
  for (const [name, { config }] of built) {
    expect({ name, runtime: config.runtime }).toEqual({ name, runtime: RUNTIME.wechat });
    expect(config.timeout).toBe(DEPLOYMENT[name as keyof typeof DEPLOYMENT].timeout ?? 3);
    if (config.permissions.openapi.includes('subscribeMessage.send')) {
      expect({ name, enough: config.timeout * 1000 >= SEND_BUDGET_MS + 3000 }).toEqual({ name, enough: true });
    }
  }
});
