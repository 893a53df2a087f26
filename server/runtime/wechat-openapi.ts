/**
 * The one file that calls WeChat's openapi (cloud.openapi): the Platform the entry hands to every
 * handler (ctx.platform), so domain code never imports wx-server-sdk.
 *
 * A cloud function may call an openapi only if its config.json lists it in permissions.openapi
 * (-604101 otherwise). OPENAPI_PERMISSIONS maps each Platform method to its permission, and
 * scripts/build-cloud.ts grants a function exactly the permissions of the methods its bundle calls
 * (openapiCalledBy there): a function that reaches a send through another area's code (account → a freed
 * seat → the next in line's offer) gets the permission without anyone remembering it.
 */
import * as cloud from 'wx-server-sdk';
import type { Platform } from './context';

/** Platform method -> the openapi permission it needs. Typed: a new method must say which. */
export const OPENAPI_PERMISSIONS: Record<keyof Platform, string> = {
  checkText: 'security.msgSecCheck',
  sendSubscribeMessage: 'subscribeMessage.send',
  wxacodeUnlimited: 'wxacode.getUnlimited',
};

export const wechatPlatform: Platform = {
  async checkText(text, openid) {
    const res = (await cloud.openapi.security.msgSecCheck({ content: text, version: 2, scene: 2, openid })) as {
      result?: { suggest?: string };
    };
    const suggest = res.result?.suggest;
    return suggest === 'risky' || suggest === 'review' ? suggest : 'pass';
  },
  async sendSubscribeMessage({ touser, templateId, page, data }) {
    try {
      const res = (await cloud.openapi.subscribeMessage.send({
        touser,
        templateId,
        page,
        data: Object.fromEntries(Object.entries(data).map(([key, value]) => [key, { value }])),
      })) as { errCode?: number };
      return res.errCode ?? 0;
    } catch (error) {
      const code = (error as { errCode?: unknown }).errCode;
      return typeof code === 'number' ? code : -1;
    }
  },
  async wxacodeUnlimited(scene, page) {
    const res = (await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, width: 430 } as never)) as {
      buffer?: Buffer;
    };
    if (!res.buffer) throw new Error('wxacode.getUnlimited answered without an image');
    return Buffer.from(res.buffer);
  },
};
