/** openapi stand-ins (permissions, WeChat's checks, grants, QR PNG) and the storage stand-in. */
import { startLocalCloud } from '../../local-cloud';
import type { LocalCloud } from '../../local-cloud';
import { makeFunctionsDir, makeTempDir } from './fixtures';

// Instances cold-start in ~0.2 s alone but several seconds when a loaded 2-core machine starts many.
jest.setTimeout(60_000);

let cloud: LocalCloud;
const USER = 'o-subscriber';
const TEMPLATE = 'tmpl-reminder';

beforeAll(async () => {
  cloud = await startLocalCloud({ dataDir: makeTempDir('lc-data-'), functionsDir: makeFunctionsDir(['notify', 'noPermission', 'files']) });
});
afterAll(() => cloud.close());

type Outcome = { ok: boolean; errCode?: number; errMsg?: string; res?: any; contentType?: string; head?: number[]; size?: number };
const call = (ns: string, method: string, data: unknown) =>
  cloud.invoke('notify', { ns, method, data }, { openid: USER }) as Promise<Outcome>;

const send = (data: Record<string, { value: string }>, extra: Record<string, unknown> = {}) =>
  call('subscribeMessage', 'send', { touser: USER, templateId: TEMPLATE, page: 'pages/index/index', data, ...extra });

test('an openapi not granted in config.json permissions fails with the permission error', async () => {
  const r = (await cloud.invoke('noPermission', {})) as Outcome;
  expect(r.ok).toBe(false);
  expect(r.errCode).toBe(-604101);
  expect(r.errMsg).toMatch(/^openapi\.subscribeMessage\.send:fail function has no permission/);
  expect(cloud.openapi.calls.at(-1)).toMatchObject({ api: 'subscribeMessage.send', caller: 'noPermission', errCode: -604101 });
});

test('subscribeMessage.send checks each keyword rule with 47003', async () => {
  cloud.openapi.grantSubscription(USER, TEMPLATE, 100);
  const bad: Array<Record<string, { value: string }>> = [
    { thing1: { value: '一二三四五六七八九十一二三四五六七八九十一' } }, // 21 chars
    { phrase2: { value: '已经报名成功' } }, // 6 chars
    { phrase2: { value: 'ok' } }, // not Chinese
    { character_string3: { value: 'A'.repeat(33) } },
    { character_string3: { value: '编号123' } },
    { name4: { value: '一二三四五六七八九十一' } }, // 11 Chinese chars
    { number5: { value: '12a' } },
    { date6: { value: 'tomorrow' } },
    { time7: { value: '25:00' } },
    { unknown8: { value: 'x' } },
  ];
  for (const data of bad) {
    const r = await send(data);
    expect({ data, errCode: r.errCode }).toEqual({ data, errCode: 47003 });
    expect(r.errMsg).toContain(`data.${Object.keys(data)[0]}.value invalid`);
  }
  const good = await send({
    thing1: { value: '一二三四五六七八九十一二三四五六七八九十' },
    phrase2: { value: '报名成功' },
    character_string3: { value: 'EV-2024-0001' },
    name4: { value: '张三' },
    number5: { value: '12' },
    date6: { value: '2024年10月1日' },
    time7: { value: '2024-10-01 15:01' },
  });
  expect(good.ok).toBe(true);
  expect(good.res).toMatchObject({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
  expect(typeof good.res.msgid).toBe('number');
  expect((await send({ thing1: { value: 'x' } }, { miniprogramState: 'beta' })).errCode).toBe(47003);
  expect((await call('subscribeMessage', 'send', { templateId: TEMPLATE, data: { thing1: { value: 'x' } } })).errCode).toBe(40003);
});

test('one grant allows exactly one send: none → 43101, granted → ok once, then 43101 again', async () => {
  const other = 'tmpl-other';
  const sendOther = () => call('subscribeMessage', 'send', { touser: USER, templateId: other, data: { thing1: { value: '活动提醒' } } });
  expect((await sendOther()).errCode).toBe(43101);
  cloud.openapi.grantSubscription(USER, other);
  expect((await sendOther()).ok).toBe(true);
  const again = await sendOther();
  expect(again.errCode).toBe(43101);
  expect(again.errMsg).toContain('user refuse to accept the msg');
  const recorded = cloud.openapi.calls.filter((c) => c.data.template_id === other);
  expect(recorded.map((c) => c.errCode)).toEqual([43101, 0, 43101]);
  expect(recorded[1].data).toMatchObject({ touser: USER, template_id: other, data: { thing1: { value: '活动提醒' } } });
});

test('HTTP /dev/subscribe grants for the signed-in user (the H5 stand-in for requestSubscribeMessage)', async () => {
  const { url } = await cloud.listen(0);
  const login = (await (await fetch(`${url}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'worker', name: '订阅者' }) })).json()) as { token: string; openid: string };
  const unauth = await fetch(`${url}/dev/subscribe`, { method: 'POST', body: JSON.stringify({ templateIds: ['t-http'] }) });
  expect(unauth.status).toBe(401);
  const granted = await fetch(`${url}/dev/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
    body: JSON.stringify({ templateIds: ['t-http'] }),
  });
  expect(await granted.json()).toEqual({ errMsg: 'requestSubscribeMessage:ok', 't-http': 'accept' });
  const r = (await cloud.invoke('notify', { ns: 'subscribeMessage', method: 'send', data: { touser: login.openid, templateId: 't-http', data: { thing1: { value: '提醒' } } } })) as Outcome;
  expect(r.ok).toBe(true);
});

test('wxacode.getUnlimited checks scene and page, and returns a real PNG', async () => {
  expect((await call('wxacode', 'getUnlimited', { scene: 'a'.repeat(33), page: 'pages/index/index' })).errCode).toBe(40169);
  expect((await call('wxacode', 'getUnlimited', { scene: '中文', page: 'pages/index/index' })).errCode).toBe(40169);
  expect((await call('wxacode', 'getUnlimited', { scene: 'id=1', page: '/pages/index/index' })).errCode).toBe(41030);
  const png = await call('wxacode', 'getUnlimited', { scene: 'e=ev1&c=2', page: 'packages/events/detail/index', checkPath: false });
  expect(png).toMatchObject({ ok: true, contentType: 'image/png', errMsg: 'openapi.wxacode.getUnlimited:ok' });
  expect(png.head).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.size).toBeGreaterThan(200);
  expect(cloud.openapi.calls.at(-1)).toMatchObject({ api: 'wxacode.getUnlimited', errCode: 0, data: { scene: 'e=ev1&c=2', check_path: false } });
});

test('security.msgSecCheck v2 always answers errcode 0 with pass / review / risky', async () => {
  const check = (content: string) => call('security', 'msgSecCheck', { content, version: 2, scene: 2, openid: USER });
  const pass = await check('周末一起去职工之家打羽毛球');
  expect(pass.res).toMatchObject({ errCode: 0, result: { suggest: 'pass', label: 100 } });
  expect((await check('有意者加微信详聊')).res.result.suggest).toBe('review');
  const risky = await check('线上赌博稳赚');
  expect(risky.res.result).toEqual({ suggest: 'risky', label: 20006 });
  expect(risky.res.detail.some((d: { keyword?: string }) => d.keyword === '赌博')).toBe(true);
  expect((await call('security', 'msgSecCheck', { content: 'x', version: 1, scene: 2, openid: USER })).ok).toBe(false);
});

test('storage: upload, temp URL served over HTTP, download, delete; paths cannot escape', async () => {
  const up = (await cloud.invoke('files', { op: 'upload', cloudPath: 'qr/event-1.txt', text: '你好 storage' })) as { fileID: string };
  expect(up.fileID).toBe('cloud://local/qr/event-1.txt');
  expect(cloud.storage.read(up.fileID)?.toString('utf8')).toBe('你好 storage');
  const urls = (await cloud.invoke('files', { op: 'url', fileID: up.fileID })) as { fileList: Array<{ tempFileURL: string; status: number }> };
  expect(urls.fileList[0].status).toBe(0);
  const served = await fetch(urls.fileList[0].tempFileURL);
  expect(await served.text()).toBe('你好 storage');
  expect(await cloud.invoke('files', { op: 'download', fileID: up.fileID })).toBe('你好 storage');
  const del = (await cloud.invoke('files', { op: 'delete', fileID: up.fileID })) as { fileList: Array<{ status: number }> };
  expect(del.fileList[0].status).toBe(0);
  expect(cloud.storage.read(up.fileID)).toBeNull();
  await expect(cloud.invoke('files', { op: 'download', fileID: up.fileID })).rejects.toMatchObject({ errCode: -504002 });
  await expect(cloud.invoke('files', { op: 'upload', cloudPath: '../escape.txt', text: 'x' })).rejects.toMatchObject({ errCode: -504002 });
});
