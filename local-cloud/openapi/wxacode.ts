/**
 * wxacode.getUnlimited: WeChat's checks on `scene` and `page`, and a real PNG QR code. WeChat's
 * code would open the mini-program page; ours encodes the URL of that page in the H5 build
 * (`<h5 base>/#/<page>?scene=<encoded scene>`), which the page reads the same way
 * (`decodeURIComponent(options.query.scene)`), so a phone camera can follow it on the LAN demo.
 */
import QRCode from 'qrcode';
import { WechatError, WX } from './wechat-error';

const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]{1,32}$/;
const DEFAULT_PAGE = 'pages/index/index';

export function scanUrl(h5Base: string, page: string, scene: string): string {
  return `${h5Base}/#/${page}?scene=${encodeURIComponent(scene)}`;
}

export async function getUnlimited(data: Record<string, unknown>, h5Base: string): Promise<Buffer> {
  const { scene, page, width } = data;
  if (typeof scene !== 'string' || !SCENE.test(scene)) {
    throw new WechatError(WX.invalidScene, 'invalid length for scene, or the data is not json');
  }
  if (page !== undefined && (typeof page !== 'string' || page.startsWith('/') || !/^[\w\-/]+$/.test(page))) {
    throw new WechatError(WX.invalidPage, 'invalid page');
  }
  // WeChat clamps width to 280..1280 px rather than failing.
  const px = Math.min(1280, Math.max(280, typeof width === 'number' ? width : 430));
  return QRCode.toBuffer(scanUrl(h5Base, (page as string | undefined) ?? DEFAULT_PAGE, scene), {
    type: 'png',
    width: px,
    margin: 2,
  });
}
