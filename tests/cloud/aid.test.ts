/**
 * The aid function (帮扶) through the local cloud (real wx-server-sdk, several instances):
 * idempotent applications, per-kind fields, private documents, centre scope, one decision under
 * concurrent staff, the 补材料 round trip and the 集体欠薪 alert.
 */
import { SUBSCRIBE_TEMPLATES } from '../../contract/subscribe-templates';
import { startTestCloud, okOf, worker, type TestCloud } from '../support/local-cloud';
import type { Identity } from '../../local-cloud';
import type { InputOf } from '../../contract';

let cloud: TestCloud;
let admin: Identity;
let jiujiangStaff: Identity;
let shatouStaff: Identity;
let jiujiangStaff2: Identity;

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true });
  await cloud.listen(0);
  admin = await cloud.makeStaff('帮扶管理员', 'admin');
  jiujiangStaff = await cloud.makeStaff('九江小王', 'centre_staff', ['jiujiang']);
  jiujiangStaff2 = await cloud.makeStaff('九江小陈', 'centre_staff', ['jiujiang']);
  shatouStaff = await cloud.makeStaff('沙头小李', 'centre_staff', ['shatou']);
}, 90000);

afterAll(async () => {
  await cloud?.destroy();
});

const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'OK' : res.error?.code);
let seq = 0;
const rid = () => `aid-${Date.now().toString(36)}-${(seq += 1)}`;
/** A valid 18-digit resident ID (GB 11643 checksum). */
const ID = '11010519491231002X';

function legal(overrides: Partial<InputOf<'aid', 'apply'>> = {}): InputOf<'aid', 'apply'> {
  return {
    kind: 'legal',
    centreId: 'jiujiang',
    name: '阿依古丽·买买提',
    phone: '19912345678',
    description: '老板拖欠了三个月工资，一直不给。',
    idNumber: ID,
    employer: '鸿发制衣有限公司',
    legalTopic: 'other',
    requestId: rid(),
    ...overrides,
  };
}

describe('applying', () => {
  it('the same press 20 times at once files one application', async () => {
    const who = worker('aid-twenty');
    const input = legal({ requestId: rid() });
    const answers = await Promise.all(Array.from({ length: 20 }, () => cloud.call('aid', 'apply', input, who)));
    const ids = new Set(answers.map((a) => okOf(a).id));
    expect(ids.size).toBe(1);
    const mine = okOf(await cloud.call('aid', 'mine', {}, who));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.status).toBe('submitted');
    expect(mine[0]!.centreName).toBe('九江镇职工·家服务中心');
    // The first calls start the function's instances: on a busy machine that takes seconds.
  }, 60000);

  it('asks only for what the kind needs, checks the ID number and refuses sensitive data without its tick', async () => {
    const who = worker('aid-fields');
    const noId = await cloud.call('aid', 'apply', legal({ idNumber: undefined }), who);
    expect(noId).toMatchObject({ ok: false, error: { code: 'FIELD_REQUIRED', fields: { idNumber: '请填写身份证号' } } });
    const badId = await cloud.call('aid', 'apply', legal({ idNumber: '110105194912310021' }), who);
    expect(badId).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(!badId.ok && badId.error.fields?.idNumber).toContain('身份证号不对');
    const hardship = { kind: 'hardship' as const, centreId: 'jiujiang', name: '张三', phone: '16612345678', description: '家人生病，开销大', idNumber: ID, householdSize: 4, monthlyIncome: 3000 };
    expect(code(await cloud.call('aid', 'apply', { ...hardship, requestId: rid() }, who))).toBe('SENSITIVE_CONSENT_REQUIRED');
    okOf(await cloud.call('aid', 'apply', { ...hardship, requestId: rid(), sensitiveConsent: true }, who));
    // 就业推荐 needs no ID number: one sent anyway is not kept.
    const job = okOf(await cloud.call('aid', 'apply', { kind: 'job', centreId: 'jiujiang', name: '李四', phone: '13812345678', description: '想找白天的工作', desiredJob: '仓管', idNumber: ID, requestId: rid() }, who));
    expect(job.details).toEqual({ desiredJob: '仓管' });
    expect(code(await cloud.call('aid', 'apply', legal({ centreId: 'nowhere' }), who))).toBe('NOT_FOUND');
  });
});

describe('documents', () => {
  it('refuses a wrong type or a too-large file in plain Chinese, and keeps files to their owner and centre', async () => {
    const owner = worker('aid-owner');
    const other = worker('aid-other');
    const app = okOf(await cloud.call('aid', 'apply', legal({ requestId: rid() }), owner));
    const exe = await cloud.call('aid', 'uploadSlot', { id: app.id, kind: 'id', name: '身份证.exe', ext: 'exe', size: 1000 }, owner);
    expect(exe).toMatchObject({ ok: false, error: { code: 'FILE_TYPE_REFUSED' } });
    expect(!exe.ok && exe.error.message).toContain('jpg、png 或 pdf');
    const big = await cloud.call('aid', 'uploadSlot', { id: app.id, kind: 'id', name: '身份证.jpg', ext: 'jpg', size: 6 * 1024 * 1024 }, owner);
    expect(big).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
    expect(!big.ok && big.error.message).toContain('5MB');

    const slot = okOf(await cloud.call('aid', 'uploadSlot', { id: app.id, kind: 'id', name: '身份证.jpg', ext: 'jpg', size: 4 }, owner));
    expect(slot.cloudPath).toMatch(/^aid\/[0-9a-f]{32}\/[0-9a-f]{24}\.jpg$/);
    const fileId = cloud.storage.write(slot.cloudPath, Buffer.from('JPEG'));
    const withFile = okOf(await cloud.call('aid', 'addDocuments', { id: app.id, documents: [{ fileId, kind: 'id', name: '身份证.jpg', ext: 'jpg', size: 4 }] }, owner));
    expect(withFile.documents).toHaveLength(1);
    expect(JSON.stringify(withFile)).not.toContain(slot.cloudPath);
    const documentId = withFile.documents[0]!.id;

    const link = okOf(await cloud.call('aid', 'file', { id: app.id, documentId }, owner));
    expect(await (await fetch(link.url)).text()).toBe('JPEG');

    // Another worker reaches neither the application nor its files, and cannot attach a foreign file.
    expect(code(await cloud.call('aid', 'application', { id: app.id }, other))).toBe('APPLICATION_NOT_FOUND');
    expect(code(await cloud.call('aid', 'file', { id: app.id, documentId }, other))).toBe('APPLICATION_NOT_FOUND');
    expect(code(await cloud.call('aid', 'uploadSlot', { id: app.id, kind: 'id', name: 'a.jpg', ext: 'jpg', size: 4 }, other))).toBe('APPLICATION_NOT_FOUND');
    const hers = okOf(await cloud.call('aid', 'apply', legal({ requestId: rid() }), other));
    const stolen = await cloud.call('aid', 'addDocuments', { id: hers.id, documents: [{ fileId, kind: 'id', name: 'a.jpg', ext: 'jpg', size: 4 }] }, other);
    expect(code(stolen)).toBe('FILE_NOT_YOURS');

    // Staff of the application's centre get a link; another centre's staff do not.
    expect(okOf(await cloud.call('aid', 'staffFile', { id: app.id, documentId }, jiujiangStaff)).url).toContain('/storage/');
    expect(code(await cloud.call('aid', 'staffFile', { id: app.id, documentId }, shatouStaff))).toBe('NOT_YOUR_CENTRE');
  });
});

describe('staff', () => {
  it('centre staff see and act only for their centres; admins for all; the audit names the application', async () => {
    const who = worker('aid-scope');
    const shatouApp = okOf(await cloud.call('aid', 'apply', legal({ centreId: 'shatou', requestId: rid() }), who));
    const jiujiangQueue = okOf(await cloud.call('aid', 'staffQueue', {}, jiujiangStaff));
    expect(jiujiangQueue.every((a) => a.centreId === 'jiujiang')).toBe(true);
    expect(jiujiangQueue.map((a) => a.id)).not.toContain(shatouApp.id);
    expect(code(await cloud.call('aid', 'staffQueue', { centreId: 'shatou' }, jiujiangStaff))).toBe('NOT_YOUR_CENTRE');
    expect(code(await cloud.call('aid', 'staffAccept', { id: shatouApp.id }, jiujiangStaff))).toBe('NOT_YOUR_CENTRE');
    const seen = okOf(await cloud.call('aid', 'staffApplication', { id: shatouApp.id }, shatouStaff));
    expect(seen.phone).toBe('199****5678');
    expect(seen.details.idNumber).toBe('1101**********002X');
    expect(JSON.stringify(seen)).not.toContain(who.openid);
    expect(okOf(await cloud.call('aid', 'staffQueue', { kind: 'legal' }, admin)).map((a) => a.id)).toContain(shatouApp.id);
    const audit = await cloud.db.handle({
      action: 'database.getDocument', collectionName: 'audit', queryType: 'WHERE',
      query: JSON.stringify({ action: 'staffAccept', 'target.id': shatouApp.id }), limit: 10, offset: 0,
    }) as { data: { list: string[] } };
    expect(audit.data.list.map((d) => JSON.parse(d).outcome)).toEqual(['NOT_YOUR_CENTRE']);
  });

  it('two staff deciding at once make one decision', async () => {
    const app = okOf(await cloud.call('aid', 'apply', legal({ requestId: rid() }), worker('aid-race')));
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        cloud.call('aid', 'staffDecide', { id: app.id, outcome: i % 2 ? 'done' : 'refused', reason: `理由${i}` }, i % 2 ? jiujiangStaff : jiujiangStaff2),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(new Set(answers.filter((a) => !a.ok).map(code))).toEqual(new Set(['ALREADY_DECIDED']));
    const final = okOf(await cloud.call('aid', 'application', { id: app.id }, worker('aid-race')));
    expect(final.history.filter((h) => h.status === 'done' || h.status === 'refused')).toHaveLength(1);
  });

  it('asks for more, the worker adds it, staff decide with the aid given, the worker sees the result and is told', async () => {
    const who = worker('aid-journey');
    cloud.openapi.grantSubscription(who.openid, SUBSCRIBE_TEMPLATES.aidStatus.id, 5);
    const app = okOf(
      await cloud.call('aid', 'apply', { kind: 'hardship', centreId: 'jiujiang', name: '王五', phone: '13712345678', description: '爱人住院', idNumber: ID, householdSize: 3, monthlyIncome: 2500, sensitiveConsent: true, requestId: rid() }, who),
    );
    okOf(await cloud.call('aid', 'staffAccept', { id: app.id }, jiujiangStaff));
    okOf(await cloud.call('aid', 'staffAskMore', { id: app.id, missing: ['medical'], note: '住院发票' }, jiujiangStaff));
    const asked = okOf(await cloud.call('aid', 'application', { id: app.id }, who));
    expect(asked.status).toBe('needs-more');
    expect(asked.missing).toEqual(['medical']);
    expect(asked.missingNote).toBe('住院发票');

    const slot = okOf(await cloud.call('aid', 'uploadSlot', { id: app.id, kind: 'medical', name: '发票.pdf', ext: 'pdf', size: 3 }, who));
    const fileId = cloud.storage.write(slot.cloudPath, Buffer.from('PDF'));
    const added = okOf(await cloud.call('aid', 'addDocuments', { id: app.id, documents: [{ fileId, kind: 'medical', name: '发票.pdf', ext: 'pdf', size: 3 }] }, who));
    expect(added.status).toBe('reviewing');
    expect(added.missing).toEqual([]);

    expect(code(await cloud.call('aid', 'staffDecide', { id: app.id, outcome: 'done', reason: '符合条件' }, jiujiangStaff))).toBe('FIELD_REQUIRED');
    okOf(await cloud.call('aid', 'staffDecide', { id: app.id, outcome: 'done', reason: '符合困难帮扶条件', aid: { kind: 'cash', amount: 2000 } }, jiujiangStaff));
    const done = okOf(await cloud.call('aid', 'application', { id: app.id }, who));
    expect(done.status).toBe('done');
    expect(done.decision).toMatchObject({ outcome: 'done', reason: '符合困难帮扶条件', aid: { kind: 'cash', amount: 2000 } });
    expect(done.history.map((h) => h.status)).toEqual(['submitted', 'accepted', 'needs-more', 'reviewing', 'done']);
    const sent = cloud.openapi.calls.filter((c) => c.api === 'subscribeMessage.send' && (c.data as { touser?: string }).touser === who.openid);
    expect(sent.map((c) => (c.data as { data: { phrase2: { value: string } } }).data.phrase2.value)).toEqual(['已受理', '需要补材料', '已办结']);
    expect(sent.every((c) => c.errCode === 0)).toBe(true);
    expect(code(await cloud.call('aid', 'uploadSlot', { id: app.id, kind: 'other', name: 'a.jpg', ext: 'jpg', size: 3 }, who))).toBe('APPLICATION_CLOSED');
  });
});

describe('集体欠薪 early warning', () => {
  it('raises one alert, names masked, when several workers of one employer report unpaid wages at once', async () => {
    const spellings = ['佛山市南海区九江镇鸿运五金有限公司', '鸿运五金厂', '鸿运五金（有限公司）', ' 鸿运 五金 ', '九江鸿运五金公司'];
    const names = ['陈大文', '林小红', '欧阳明', '黄强', '吴丽'];
    await Promise.all(
      spellings.map((employer, i) =>
        cloud.call('aid', 'apply', legal({ employer, name: names[i]!, legalTopic: 'wages', requestId: rid() }), worker(`wages-${i}`)),
      ),
    );
    const alerts = okOf(await cloud.call('aid', 'staffAlerts', {}, jiujiangStaff)).filter((a) => a.employer.includes('鸿运'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.count).toBeGreaterThanOrEqual(3);
    expect(alerts[0]!.workers.every((w) => /^.\*+$/.test(w))).toBe(true);
    expect(JSON.stringify(alerts)).not.toMatch(/林小红|欧阳明|19912345678/);
    // A 法律咨询 about wages naming the employer counts as a report too.
    await Promise.all([0, 1].map((i) => cloud.call('aid', 'apply', legal({ employer: '利民塑料厂', legalTopic: 'wages', requestId: rid() }), worker(`mixed-${i}`))));
    expect(okOf(await cloud.call('aid', 'staffAlerts', {}, admin)).filter((a) => a.employer.includes('利民'))).toHaveLength(0);
    okOf(await cloud.call('rights', 'ask', { category: 'wages', description: '厂里两个月没发工资了，老板一直拖着不给，怎么办？', employer: '利民塑料有限公司', requestId: rid() }, worker('mixed-2')));
    expect(okOf(await cloud.call('aid', 'staffAlerts', {}, admin)).filter((a) => a.employer.includes('利民'))).toHaveLength(1);
    // Two workers are not a pattern.
    await Promise.all([0, 1].map((i) => cloud.call('aid', 'apply', legal({ employer: '顺达电子', legalTopic: 'wages', requestId: rid() }), worker(`few-${i}`))));
    expect(okOf(await cloud.call('aid', 'staffAlerts', {}, admin)).filter((a) => a.employer.includes('顺达'))).toHaveLength(0);

    const acked = okOf(await cloud.call('aid', 'staffAcknowledgeAlert', { id: alerts[0]!.id }, jiujiangStaff));
    expect(acked.acknowledged?.by).toBe('九江小王');
    expect(okOf(await cloud.call('aid', 'staffAlerts', {}, admin)).map((a) => a.id)).not.toContain(alerts[0]!.id);
    expect(code(await cloud.call('aid', 'staffAlerts', {}, worker('wages-0')))).toBe('FORBIDDEN');
  });
});

describe('keeping and deleting', () => {
  async function decidedWithFile(who: Identity) {
    const app = okOf(
      await cloud.call('aid', 'apply', { kind: 'hardship', centreId: 'jiujiang', name: '赵六', phone: '13612345678', description: '孩子上学困难', idNumber: ID, householdSize: 4, monthlyIncome: 2000, sensitiveConsent: true, requestId: rid() }, who),
    );
    const slot = okOf(await cloud.call('aid', 'uploadSlot', { id: app.id, kind: 'income', name: '收入.png', ext: 'png', size: 3 }, who));
    const fileId = cloud.storage.write(slot.cloudPath, Buffer.from('PNG'));
    okOf(await cloud.call('aid', 'addDocuments', { id: app.id, documents: [{ fileId, kind: 'income', name: '收入.png', ext: 'png', size: 3 }] }, who));
    okOf(await cloud.call('aid', 'staffDecide', { id: app.id, outcome: 'done', reason: '符合条件', aid: { kind: 'education', amount: 1500 } }, admin));
    return { app, fileId };
  }

  it('我的数据: an open application goes with its files; a paid 困难帮扶 keeps its outline and name, not its files or details', async () => {
    const who = worker('aid-forget');
    const open = okOf(await cloud.call('aid', 'apply', legal({ requestId: rid() }), who));
    const slot = okOf(await cloud.call('aid', 'uploadSlot', { id: open.id, kind: 'contract', name: '合同.jpg', ext: 'jpg', size: 3 }, who));
    const openFile = cloud.storage.write(slot.cloudPath, Buffer.from('JPG'));
    okOf(await cloud.call('aid', 'addDocuments', { id: open.id, documents: [{ fileId: openFile, kind: 'contract', name: '合同.jpg', ext: 'jpg', size: 3 }] }, who));
    const { app: decided, fileId } = await decidedWithFile(who);
    const shown = okOf(await cloud.call('account', 'myData', {}, who));
    expect(shown.sections.find((s) => s.key === 'aid')?.total).toBe(2);

    const report = okOf(await cloud.call('account', 'deleteMyData', { confirm: '删除我的数据' }, who));
    expect(report).toMatchObject({ aidApplicationsRemoved: 1, aidApplicationsAnonymised: 1 });
    expect(cloud.storage.read(openFile)).toBeNull();
    expect(cloud.storage.read(fileId)).toBeNull();
    expect(cloud.db.find('aid_applications', { _id: open.id })).toEqual([]);
    const kept = cloud.db.find('aid_applications', { _id: decided.id })[0] as Record<string, unknown>;
    expect(kept).toMatchObject({ openid: '', phone: '', details: {}, documents: [], name: '赵六', decision: { aid: { kind: 'education', amount: 1500 } } });
    expect(JSON.stringify(kept)).not.toContain(ID);
    expect(okOf(await cloud.call('aid', 'mine', {}, who))).toEqual([]);
  });

  it('the daily sweep removes documents and details 180 days after the decision, and the files with them', async () => {
    const who = worker('aid-sweep');
    const { app, fileId } = await decidedWithFile(who);
    await cloud.runTimer('staff');
    expect(cloud.storage.read(fileId)?.toString()).toBe('PNG');
    cloud.setTimeOffset(181 * 86400_000);
    try {
      await cloud.runTimer('staff');
    } finally {
      cloud.setTimeOffset(0);
    }
    expect(cloud.storage.read(fileId)).toBeNull();
    const after = okOf(await cloud.call('aid', 'application', { id: app.id }, who));
    expect(after).toMatchObject({ documents: [], details: {}, phone: '', status: 'done' });
  });
});
