/**
 * Every staff create, pressed twice at once (a double tap on 保存 / 添加) or retried, through real
 * local-cloud instances racing at one database: one record, and the same answer for every try.
 * Creates whose record the server names make it once per press (server/db/once-per-press.ts):
 * events, articles, station campaigns, roles granted by invite code. Saves keyed by what they are
 * about (a 便民日 by centre and day, a roster by centre and service) write the same document
 * again, so they are idempotent by their key; they are raced here too.
 */
import type { ArticleDraft } from '../../contract/rights/model';
import { shanghaiDay } from '../../contract/time';
import type { Envelope } from '../../contract/define';
import type { Identity } from '../../local-cloud';
import { addDays } from '../../server/domain/centres/slots';
import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import { docs, okOf, rid, testCampaign, testRoster } from './centres-helpers';
import { draft as eventDraft } from './events-helpers';

jest.setTimeout(120_000);

const TRIES = 6;
let cloud: TestCloud;
let admin: Identity;

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true, maxInstancesPerFunction: TRIES });
  admin = await cloud.makeStaff('建档管理员', 'admin');
}, 90_000);

afterAll(async () => {
  await cloud?.destroy();
});

/** The same call TRIES times at once; every answer must be ok and equal to the first. */
async function raced<T>(fire: () => Promise<Envelope<T>>): Promise<T> {
  const answers = await Promise.all(Array.from({ length: TRIES }, fire));
  const data = answers.map(okOf);
  for (const d of data) expect(d).toEqual(data[0]);
  return data[0];
}

describe('creates the server names: one record per press', () => {
  it('events: a double-tapped 保存 of a new event makes one draft', async () => {
    const requestId = rid('event');
    const draft = eventDraft({ title: '双击保存的活动' });
    const saved = await raced(() => cloud.call('events', 'save', { draft, requestId }, admin));
    expect(docs(cloud, 'events', { title: '双击保存的活动' }).map((d) => d._id)).toEqual([saved.id]);
    // The next press (a new request id) is a new event.
    okOf(await cloud.call('events', 'save', { draft, requestId: rid('event') }, admin));
    expect(docs(cloud, 'events', { title: '双击保存的活动' })).toHaveLength(2);
  });

  it('articles: a double-tapped 保存 makes one; another press with the same 编号 is told it is taken', async () => {
    const requestId = rid('article');
    const article: ArticleDraft = {
      slug: 'double-tap-article',
      category: 'hours',
      title: '双击保存的文章',
      question: '双击会不会存两篇？',
      shortAnswer: '不会。',
      steps: ['点一次保存。'],
      evidence: [],
      deadlines: [],
      basis: [{ law: '《劳动法》', article: '第三十六条', version: '2018年修正', gist: '工时。' }],
      localNotes: [],
      case: { title: '案例', story: '故事。', outcome: '结果。' },
      keywords: [],
      related: [],
      author: '工会法律服务团队',
      effectiveLawCheckedAt: '2026-11-20',
      featured: false,
    };
    const saved = await raced(() => cloud.call('rights', 'staffSaveArticle', { draft: article, isNew: true, requestId }, admin));
    expect(saved).toMatchObject({ slug: 'double-tap-article', status: 'draft' });
    expect(docs(cloud, 'rights_articles', { _id: 'double-tap-article' })).toHaveLength(1);
    const other = await cloud.call('rights', 'staffSaveArticle', { draft: { ...article, title: '别人的文章' }, isNew: true, requestId: rid('article') }, admin);
    expect(other.ok ? 'ok' : other.error.code).toBe('SLUG_TAKEN');
    expect(docs(cloud, 'rights_articles', { _id: 'double-tap-article' })[0]).toMatchObject({ title: '双击保存的文章' });
  });

  it('station campaigns: the server makes the id; a double-tapped 保存 makes one campaign and one gift stock', async () => {
    const input = testCampaign({ name: '双击返乡' });
    const saved = await raced(() => cloud.call('station', 'staffSaveCampaign', input, admin));
    expect(saved.id).toMatch(/^c[0-9a-f]{10}$/);
    expect(docs(cloud, 'station_campaigns', { name: '双击返乡' }).map((d) => d._id)).toEqual([saved.id]);
    expect(docs(cloud, 'station_stock', { campaignId: saved.id })).toEqual([expect.objectContaining({ stock: 100, left: 100 })]);
    // Saved again under its id (an edit), it stays one campaign.
    okOf(await cloud.call('station', 'staffSaveCampaign', { ...input, id: saved.id, name: '改名返乡' }, admin));
    expect(docs(cloud, 'station_campaigns', { _id: saved.id })[0]).toMatchObject({ name: '改名返乡' });
    const unknown = await cloud.call('station', 'staffSaveCampaign', { ...input, id: 'nosuchcampaign' }, admin);
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('CAMPAIGN_NOT_FOUND');
  });

  it('roles: a double-tapped 添加 spends the code once and every tap gets the same grant', async () => {
    const newcomer = worker('double-tap-newcomer');
    const { code } = okOf(await cloud.call('staff', 'inviteCode', {}, newcomer));
    const requestId = rid('grant');
    const grant = { code, name: '林社工', role: 'centre_staff' as const, centreIds: ['yannan'], requestId };
    const member = await raced(() => cloud.call('staff', 'grant', grant, admin));
    expect(member).toMatchObject({ name: '林社工', role: 'centre_staff', centreIds: ['yannan'] });
    expect(docs(cloud, 'roles', { name: '林社工' })).toHaveLength(1);
    // A retry of the same press later still gets it; another press with the spent code does not.
    expect(okOf(await cloud.call('staff', 'grant', grant, admin))).toEqual(member);
    const again = await cloud.call('staff', 'grant', { ...grant, requestId: rid('grant') }, admin);
    expect(again.ok ? 'ok' : again.error.code).toBe('NOT_FOUND');
  });

  it('roles: a refused grant leaves the code usable for the corrected press', async () => {
    const newcomer = worker('corrected-newcomer');
    const { code } = okOf(await cloud.call('staff', 'inviteCode', {}, newcomer));
    const wrong = await cloud.call('staff', 'grant', { code, name: '何社工', role: 'centre_staff', centreIds: ['nowhere'], requestId: rid('grant') }, admin);
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('BAD_INPUT');
    okOf(await cloud.call('staff', 'grant', { code, name: '何社工', role: 'centre_staff', centreIds: ['shatou'], requestId: rid('grant') }, admin));
  });
});

describe('saves keyed by what they are about: the same document again', () => {
  it('便民日: a double-tapped 保存 makes one fair and one counter per queue', async () => {
    const date = addDays(shanghaiDay(new Date()), 5);
    const fair = { centreId: 'yannan', date, title: '双击便民日', opens: '09:00', closes: '12:00', place: '广场', queues: [{ id: 'cut', name: '义剪', windows: [] }] };
    const saved = await raced(() => cloud.call('centres', 'staffSaveFair', fair, admin));
    expect(docs(cloud, 'fairs', { title: '双击便民日' }).map((d) => d._id)).toEqual([saved.id]);
    expect(docs(cloud, 'fair_queues', { fairId: saved.id })).toHaveLength(1);
  });

  it('rosters: a double-tapped 保存 writes one roster', async () => {
    const roster = testRoster({ centreId: 'yannan', service: 'job-referral', seats: 7 });
    await raced(() => cloud.call('centres', 'staffSaveRoster', roster, admin));
    expect(docs(cloud, 'rosters', { centreId: 'yannan', service: 'job-referral' })).toEqual([expect.objectContaining({ seats: 7 })]);
  });
});
