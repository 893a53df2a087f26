/** The station campaign as staff save it and as the page reads its hours: field messages naming the field, hours in plain words. */
import { fieldMessages } from '../../contract/field-messages';
import { CONTRACT } from '../../contract';
import { ALL_DAY_HOURS, hoursText, withinHours } from '../../contract/station/model';

const save = CONTRACT.station.staffSaveCampaign.input;
const valid = {
  requestId: 'press-0001-abc',
  name: '2028平安返乡',
  station: '沙头文体公园公交站',
  centreId: 'shatou',
  startDate: '2028-01-18',
  endDate: '2028-01-22',
  opens: '08:00',
  closes: '20:00',
  services: [
    { id: 'tea', label: '姜茶', kind: 'service' },
    { id: 'gift', label: '返乡礼品', kind: 'gift', stock: 100 },
  ],
  tips: [],
};

function messagesFor(input: Record<string, unknown>): Record<string, string> {
  const res = save.safeParse(input);
  return res.success ? {} : fieldMessages(save, res.error.issues);
}

describe('新建服务点活动: what the server says about each box', () => {
  it('accepts a new campaign without an id (the server makes it), and an all-day one', () => {
    expect(messagesFor(valid)).toEqual({});
    expect(messagesFor({ ...valid, ...ALL_DAY_HOURS })).toEqual({});
  });

  it('names the field in plain Chinese', () => {
    expect(messagesFor({ ...valid, name: '' })).toEqual({ name: '请填写活动名称' });
    expect(messagesFor({ ...valid, station: '' })).toEqual({ station: '请填写服务点地点' });
    expect(messagesFor({ ...valid, startDate: '' })).toEqual({ startDate: '开始日期的格式不对' });
    expect(messagesFor({ ...valid, endDate: '2028-01-17' })).toEqual({ endDate: '结束日期不能早于开始日期' });
    expect(messagesFor({ ...valid, closes: '07:00' })).toEqual({ closes: '每天结束时间要晚于开始时间' });
    expect(messagesFor({ ...valid, services: [{ id: 'gift', label: '返乡礼品', kind: 'gift', stock: -1 }] })).toEqual({ 'services.0.stock': '礼品数量不能小于0' });
  });

  it('a save with neither an id nor a request id is refused (a new campaign needs its press)', () => {
    const { requestId: _press, ...noPress } = valid;
    expect(Object.keys(messagesFor(noPress))).toEqual(['requestId']);
  });
});

describe('the daily hours', () => {
  it('reads as a person says them', () => {
    expect(hoursText({ opens: '08:00', closes: '20:00' })).toBe('每天 8:00–20:00');
    expect(hoursText({ opens: '07:30', closes: '09:15' })).toBe('每天 7:30–9:15');
    expect(hoursText(ALL_DAY_HOURS)).toBe('全天开放');
  });

  it('includes the opening minute, not the closing one; 24:00 is midnight', () => {
    const hours = { opens: '08:00', closes: '20:00' };
    expect([withinHours(hours, '07:59'), withinHours(hours, '08:00'), withinHours(hours, '19:59'), withinHours(hours, '20:00')]).toEqual([false, true, true, false]);
    expect([withinHours(ALL_DAY_HOURS, '00:00'), withinHours(ALL_DAY_HOURS, '23:59')]).toEqual([true, true]);
  });
});
