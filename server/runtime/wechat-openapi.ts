/**
 * wxacode.getUnlimited behind the QrMaker port the station domain declares, so domain code never
 * imports wx-server-sdk (subscribe messages go through ctx.platform). The function entries
 * (server/functions/<fn>.ts) hand these to the handlers that need them; each function's
 * permissions.openapi is declared in server/functions/deployment.ts.
 */
import * as cloud from 'wx-server-sdk';
import type { QrMaker } from '../domain/station/campaigns';

export const wechatQr: QrMaker = {
  async unlimited(scene, page) {
    const res = (await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, width: 430 } as never)) as {
      buffer?: Buffer;
    };
    if (!res.buffer) throw new Error('wxacode.getUnlimited answered without an image');
    return Buffer.from(res.buffer);
  },
};
