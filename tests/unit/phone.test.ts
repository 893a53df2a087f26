import { mobileProblem } from '../../contract/phone';
import { mobilePhone } from '../../contract/phone-schema';

describe('the one mobile-number rule (contract/phone.ts)', () => {
  test('a mobile passes, with spaces around it', () => {
    expect(mobileProblem('13812345678')).toBeNull();
    expect(mobilePhone.parse(' 19912345678 ')).toBe('19912345678');
  });

  test('eleven digits that are not a mobile are told it is not a mobile, not to count digits', () => {
    expect(mobileProblem('23812345678')).toBe('这不是手机号：手机号是1开头的11位数字，请检查前两位');
    expect(mobileProblem('12812345678')).toContain('这不是手机号');
    expect(mobilePhone.safeParse('23812345678').success).toBe(false);
  });

  test('too short or not digits gets the example', () => {
    expect(mobileProblem('1381234')).toBe('手机号是1开头的11位数字，例如 13812345678');
    expect(mobileProblem('abc')).toContain('例如');
  });
});
