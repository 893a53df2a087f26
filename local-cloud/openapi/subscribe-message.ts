/**
 * subscribeMessage.send as WeChat checks it: the value rules of each template keyword type, and one
 * send per user grant (a tap in wx.requestSubscribeMessage) for that template, else 43101.
 */
import { WechatError, WX } from './wechat-error';

const CHINESE = /[\u3400-\u9fff\uf900-\ufaff]/;
const ONLY_CHINESE = /^[\u3400-\u9fff\uf900-\ufaff·]+$/;
const ONLY_LETTERS = /^[A-Za-z ]+$/;
const chars = (s: string) => Array.from(s).length;

/** One rule per keyword type; the key of a data entry is `<type><n>`, e.g. thing1. */
const VALUE_RULES: Record<string, (value: string) => boolean> = {
  thing: (v) => chars(v) > 0 && chars(v) <= 20,
  number: (v) => /^[0-9]+(\.[0-9]+)?$/.test(v) && v.length <= 32,
  letter: (v) => /^[A-Za-z]+$/.test(v) && v.length <= 32,
  symbol: (v) => /^[^\p{L}\p{N}\s]+$/u.test(v) && chars(v) <= 5,
  character_string: (v) => v.length > 0 && v.length <= 32 && !CHINESE.test(v),
  time: (v) =>
    /^([01]?\d|2[0-3]):[0-5]\d$/.test(v) ||
    /^\d{4}(年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}|\/\d{1,2}\/\d{1,2}) ([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(v),
  date: (v) =>
    /^\d{4}(年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}|\/\d{1,2}\/\d{1,2})( ([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?)?$/.test(v),
  amount: (v) => /^[¥$￥]?[0-9]+(\.[0-9]{1,2})?元?$/.test(v) && chars(v) <= 10,
  phone_number: (v) => /^[0-9+\-() ]+$/.test(v) && v.length <= 17,
  car_number: (v) => chars(v) > 0 && chars(v) <= 8,
  name: (v) => (ONLY_CHINESE.test(v) && chars(v) <= 10) || (ONLY_LETTERS.test(v) && v.length <= 20),
  phrase: (v) => ONLY_CHINESE.test(v) && chars(v) <= 5,
};

const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'];

export class SubscriptionGrants {
  private readonly grants = new Map<string, number>();

  private key(openid: string, templateId: string): string {
    return `${openid}\n${templateId}`;
  }

  grant(openid: string, templateId: string, times = 1): void {
    const key = this.key(openid, templateId);
    this.grants.set(key, (this.grants.get(key) ?? 0) + times);
  }

  /** Takes one grant; false when the user has none left for this template. */
  consume(openid: string, templateId: string): boolean {
    const key = this.key(openid, templateId);
    const left = this.grants.get(key) ?? 0;
    if (left <= 0) return false;
    this.grants.set(key, left - 1);
    return true;
  }
}

let nextMsgId = 1_000_000;

export function sendSubscribeMessage(data: Record<string, unknown>, grants: SubscriptionGrants): Record<string, unknown> {
  const { touser, template_id: templateId, page, miniprogram_state: state } = data;
  if (typeof touser !== 'string' || touser.length === 0) throw new WechatError(WX.invalidOpenid, 'invalid openid');
  if (typeof templateId !== 'string' || templateId.length === 0) {
    throw new WechatError(WX.invalidTemplateId, 'invalid template_id');
  }
  if (page !== undefined && typeof page !== 'string') throw new WechatError(WX.invalidArgument, 'argument invalid! page invalid');
  if (state !== undefined && !MINIPROGRAM_STATES.includes(String(state))) {
    throw new WechatError(WX.invalidArgument, 'argument invalid! miniprogram_state invalid');
  }
  const fields = data.data;
  if (!fields || typeof fields !== 'object' || Object.keys(fields).length === 0) {
    throw new WechatError(WX.invalidArgument, 'argument invalid! data is empty');
  }
  for (const [key, entry] of Object.entries(fields as Record<string, unknown>)) {
    const type = /^([a-z_]+?)\d+$/.exec(key)?.[1];
    const rule = type ? VALUE_RULES[type] : undefined;
    const value = (entry as { value?: unknown } | null)?.value;
    if (!rule || typeof value !== 'string' || !rule(value)) {
      throw new WechatError(WX.invalidArgument, `argument invalid! data.${key}.value invalid`);
    }
  }
  if (!grants.consume(touser, templateId)) throw new WechatError(WX.userRefused, 'user refuse to accept the msg');
  return { errcode: 0, errmsg: 'ok', msgid: nextMsgId++ };
}
