/**
 * 我的数据: a worker sees what the union holds about them and deletes it. Future sign-ups and
 * bookings are ended through their areas' own logic (seats come back, the waitlist moves up);
 * past records stay for the figures, once, without the person; nothing keeps their OPENID.
 */
import { okOf, startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import { everyDocument, insertDocs } from '../support/db-docs';
import { checkLedger, draft, form } from './events-helpers';
import { openSlots, rid, saveRoster, testRoster } from './centres-helpers';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true });
}, 90000);

afterAll(async () => {
  await cloud?.destroy();
});

describe('我的数据', () => {
  it('shows, then deletes: seats freed and passed on, figures unchanged, no trace of the OPENID', async () => {
    const admin = await cloud.makeStaff('隐私管理员', 'admin');
    const me = worker('leaving');
    const next = worker('next-in-line');

    // an event with one seat: I hold it, someone waits
    const eventId = okOf(await cloud.call('events', 'save', { draft: draft({ title: '一个名额的活动', capacity: 1 }) }, admin)).id;
    okOf(await cloud.call('events', 'setStatus', { id: eventId, status: 'published' }, admin));
    const mine = okOf(await cloud.call('events', 'signUp', { eventId, requestId: rid('me'), form: form(1) }, me));
    expect(mine.status).toBe('confirmed');
    const theirs = okOf(await cloud.call('events', 'signUp', { eventId, requestId: rid('nx'), form: form(2) }, next));
    expect(theirs.status).toBe('waitlisted');

    // a past event I went to (written as the events area writes it)
    const past = new Date(Date.now() - 30 * 86400_000);
    await insertDocs(cloud, 'events', [{ _id: 'ev-past', title: '上个月的活动', status: 'closed', venue: { name: 'x' } }]);
    await insertDocs(cloud, 'event_entries', [
      { _id: 'past-entry', eventId: 'ev-past', openid: me.openid, status: 'checked_in', seats: 2, name: '要离开的人', phone: '13911112222', employer: '某厂', form: { name: '要离开的人' }, party: ['孩子'], createdAt: past, checkedInAt: past, startsAt: past, activeKey: `ev-past:${me.openid}`, ticketCode: 'abc' },
    ]);

    // a booking to come
    await saveRoster(cloud, admin, testRoster({ centreId: 'shatou', service: 'rights-help' }));
    const [slot] = await openSlots(cloud, 'shatou', 'rights-help');
    okOf(await cloud.call('centres', 'book', { centreId: 'shatou', service: 'rights-help', start: slot.start, requestId: rid('bk'), phone: '13911112222' }, me));

    // a consultation, a favourite, a nickname
    okOf(await cloud.call('rights', 'ask', { category: 'wages', description: '厂里两个月没发工资了，老板说等货款回来再发，我们该怎么办？', phone: '13911112222', requestId: rid('ask') }, me));
    const slug = (cloud.db.find('rights_articles')[0] as { _id: string })._id;
    okOf(await cloud.call('rights', 'favourite', { slug, on: true }, me));
    okOf(await cloud.call('account', 'setNickname', { nickname: '要离开的人' }, me));

    const today = new Date(Date.now() + 86400_000).toISOString().slice(0, 10);
    const from = new Date(Date.now() - 300 * 86400_000).toISOString().slice(0, 10);
    const before = okOf(await cloud.call('staff', 'figures', { from, to: today }, admin)).totals;

    const shown = okOf(await cloud.call('account', 'myData', {}, me));
    const section = (key: string) => shown.sections.find((s) => s.key === key)!;
    expect(section('profile').items[0].detail).toBe('要离开的人');
    expect(section('events').total).toBe(2);
    expect(section('bookings').total).toBe(1);
    expect(section('consultations').total).toBe(1);
    expect(section('favourites').total).toBe(1);
    expect(shown.sections.every((s) => /[\u4e00-\u9fff]/.test(s.why))).toBe(true);

    // someone else cannot delete mine, and a delete without the typed confirmation does nothing
    expect((await cloud.call('account', 'deleteMyData', { confirm: '删除' as '删除我的数据' }, me)).ok).toBe(false);
    const report = okOf(await cloud.call('account', 'deleteMyData', { confirm: '删除我的数据' }, me));
    expect(report).toMatchObject({
      entriesCancelled: 1,
      entriesAnonymised: 2,
      bookingsCancelled: 1,
      bookingsAnonymised: 1,
      consultationsAnonymised: 1,
      favouritesRemoved: 1,
      profileRemoved: true,
    });

    // the freed seat went to the next person in line, exactly once
    const theirsNow = okOf(await cloud.call('events', 'mine', {}, next));
    expect(['offered', 'confirmed']).toContain(theirsNow[0].status);
    expect(checkLedger(cloud, eventId)).toMatchObject({ seatsLeft: 0, heldSum: 1, heldSeatsByEntries: 1, nothingInFlight: true });
    // the slot seat and the weekly quota came back
    const slotDoc = cloud.db.find('slots', {})[0] as { seats: number; left: number };
    expect(slotDoc.left).toBe(slotDoc.seats);

    // nothing anywhere still names me (the audit log is a security record and names staff only)
    const all = everyDocument(cloud);
    for (const [collection, documents] of Object.entries(all)) {
      if (collection === 'audit') continue;
      const text = JSON.stringify(documents);
      expect({ collection, hasOpenid: text.includes(me.openid), hasPhone: text.includes('13911112222'), hasName: text.includes('要离开的人') }).toEqual({
        collection,
        hasOpenid: false,
        hasPhone: false,
        hasName: false,
      });
    }
    // the past check-in is still counted, once
    const after = okOf(await cloud.call('staff', 'figures', { from, to: today }, admin)).totals;
    expect(after.checkIns).toBe(before.checkIns);
    expect(after.signUps).toBe(before.signUps);
    // and 我的数据 is empty now
    const empty = okOf(await cloud.call('account', 'myData', {}, me));
    expect(empty.sections.reduce((n, s) => n + s.total, 0)).toBe(0);
    // deleting again is harmless
    expect(okOf(await cloud.call('account', 'deleteMyData', { confirm: '删除我的数据' }, me)).entriesAnonymised).toBe(0);
  }, 60000);

  it('the privacy sweep keeps only anonymous counts of an ended station campaign', async () => {
    await insertDocs(cloud, 'station_campaigns', [{ _id: 'oldcamp', name: '去年', station: 's', centreId: 'shatou', startDate: '2020-01-01', endDate: '2020-01-05', services: [] }]);
    await insertDocs(cloud, 'station_taps', [{ _id: 'tap-old', campaignId: 'oldcamp', serviceId: 'tea', openid: 'someone', kind: 'service', date: '2020-01-02', hour: '09', at: new Date('2020-01-02T01:00:00Z') }]);
    await insertDocs(cloud, 'station_counts', [{ _id: 'oldcamp:tea:2020-01-02T09', campaignId: 'oldcamp', serviceId: 'tea', date: '2020-01-02', hour: '09', n: 1 }]);
    const report = (await cloud.runTimer('staff')) as { ok: boolean; data: { tapsRemoved: number; campaigns: string[] } };
    expect(report.ok).toBe(true);
    expect(report.data.campaigns).toContain('oldcamp');
    expect(cloud.db.find('station_taps', { campaignId: 'oldcamp' })).toHaveLength(0);
    expect(cloud.db.find('station_counts', { campaignId: 'oldcamp' })).toHaveLength(1);
  });

  it('the privacy sweep removes audit records older than three years and keeps younger ones', async () => {
    const now = Date.now();
    const day = 24 * 3600 * 1000;
    await insertDocs(cloud, 'audit', [
      { _id: 'audit-old', at: new Date(now - (3 * 366 + 2) * day), fn: 'events', action: 'attendees', openid: 'x', name: '旧', role: 'admin', outcome: 'ok', personal: true },
      { _id: 'audit-young', at: new Date(now - (3 * 365 - 30) * day), fn: 'events', action: 'attendees', openid: 'x', name: '新', role: 'admin', outcome: 'ok', personal: true },
    ]);
    const report = (await cloud.runTimer('staff')) as { ok: boolean; data: { auditRemoved: number } };
    expect(report.ok).toBe(true);
    expect(report.data.auditRemoved).toBe(1);
    expect(cloud.db.find('audit', { _id: 'audit-old' })).toHaveLength(0);
    expect(cloud.db.find('audit', { _id: 'audit-young' })).toHaveLength(1);
  });
});
