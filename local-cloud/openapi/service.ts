/**
 * The main thread's WeChat openapi stand-in: checks the calling function's
 * `permissions.openapi`, dispatches to the API's stand-in, and records every call (successful or
 * not) in `calls` so tests can assert on what would have been sent.
 */
import type { OpenapiWireAnswer } from './sdk-surface';
import { msgSecCheck } from './msg-sec-check';
import { sendSubscribeMessage, SubscriptionGrants } from './subscribe-message';
import { WechatError } from './wechat-error';
import { getUnlimited } from './wxacode';

export interface OpenapiCall {
  /** e.g. 'subscribeMessage.send' */
  api: string;
  /** What the function sent, in WeChat's snake_case wire form. */
  data: Record<string, unknown>;
  /** The calling function's name, or 'exec' for operations scripts. */
  caller: string;
  /** 0 when WeChat would have accepted the call. */
  errCode: number;
  at: number;
}

/** The SDK's code when a function calls an openapi its config.json does not grant. */
export const NO_PERMISSION = -604101;

export class OpenapiService {
  readonly calls: OpenapiCall[] = [];
  private readonly grants = new SubscriptionGrants();

  constructor(
    private readonly h5Base: () => string,
    private readonly now: () => number,
  ) {}

  grantSubscription(openid: string, templateId: string, times = 1): void {
    this.grants.grant(openid, templateId, times);
  }

  /**
   * Answers one call. `allowed` is the function's permissions.openapi, or 'all' for scripts run
   * with operator rights. Permission failures reject (the SDK's own error); WeChat's rule
   * failures resolve with WeChat's JSON errcode, as the real server answers.
   */
  async call(api: string, data: Record<string, unknown>, allowed: string[] | 'all', caller: string): Promise<OpenapiWireAnswer> {
    const record = (errCode: number) => this.calls.push({ api, data, caller, errCode, at: this.now() });
    if (allowed !== 'all' && !allowed.includes(api)) {
      record(NO_PERMISSION);
      throw Object.assign(new Error('function has no permission to call this API'), {
        errCode: NO_PERMISSION,
        errMsg: `function has no permission to call this API (add "${api}" to permissions.openapi in config.json)`,
      });
    }
    try {
      const answer = await this.dispatch(api, data);
      record(0);
      return answer;
    } catch (err) {
      if (!(err instanceof WechatError)) throw err;
      record(err.errcode);
      return { kind: 'json', body: { errcode: err.errcode, errmsg: err.errmsg } };
    }
  }

  private async dispatch(api: string, data: Record<string, unknown>): Promise<OpenapiWireAnswer> {
    switch (api) {
      case 'subscribeMessage.send':
        return { kind: 'json', body: sendSubscribeMessage(data, this.grants) };
      case 'wxacode.getUnlimited':
        return { kind: 'buffer', contentType: 'image/png', buffer: await getUnlimited(data, this.h5Base()) };
      case 'security.msgSecCheck':
        return { kind: 'json', body: msgSecCheck(data) };
      default:
        throw Object.assign(new Error(`the local cloud has no stand-in for openapi.${api}`), {
          errCode: -601001,
          errMsg: `the local cloud has no stand-in for openapi.${api}`,
        });
    }
  }
}
