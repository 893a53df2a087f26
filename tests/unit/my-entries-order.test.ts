import { byEventDate } from '../../server/domain/events/queries';

describe('我的报名 order (byEventDate)', () => {
  test('coming events soonest first, then past events latest first', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const at = (iso: string) => ({ startsAt: new Date(iso), name: iso.slice(0, 10) });
    const list = [at('2026-11-20T10:00:00Z'), at('2026-12-20T10:00:00Z'), at('2026-11-28T10:00:00Z'), at('2026-12-03T10:00:00Z')];
    expect(list.sort(byEventDate(now)).map((e) => e.name)).toEqual(['2026-12-03', '2026-12-20', '2026-11-28', '2026-11-20']);
  });
});
