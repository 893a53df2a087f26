/**
 * security.msgSecCheck, version 2: WeChat always answers errcode 0 and puts the verdict in
 * `result.suggest` (pass / review / risky) with a label. A small built-in word list lets tests
 * drive both non-pass paths without a content model.
 */
import { WechatError, WX } from './wechat-error';

/** Labels as WeChat reports them: 100 normal, 10001 advertising, 20006 illegal, 20008 fraud. */
export const RISKY_WORDS: Record<string, number> = { 赌博: 20006, 毒品: 20006, 代开发票: 20008 };
export const REVIEW_WORDS: Record<string, number> = { 加微信: 10001, 刷单: 20008 };

export function msgSecCheck(data: Record<string, unknown>): Record<string, unknown> {
  const { content, version, scene, openid } = data;
  if (version !== 2) throw new WechatError(WX.dataFormatError, 'data format error: version must be 2');
  if (typeof openid !== 'string' || openid.length === 0) throw new WechatError(WX.invalidOpenid, 'invalid openid');
  if (typeof scene !== 'number' || ![1, 2, 3, 4].includes(scene)) {
    throw new WechatError(WX.dataFormatError, 'data format error: scene must be 1, 2, 3 or 4');
  }
  if (typeof content !== 'string') throw new WechatError(WX.dataFormatError, 'data format error: content');

  const hit = (words: Record<string, number>) => Object.keys(words).find((w) => content.includes(w));
  const risky = hit(RISKY_WORDS);
  const review = risky ? undefined : hit(REVIEW_WORDS);
  const suggest = risky ? 'risky' : review ? 'review' : 'pass';
  const label = risky ? RISKY_WORDS[risky] : review ? REVIEW_WORDS[review] : 100;
  const keyword = risky ?? review;
  return {
    errcode: 0,
    errmsg: 'ok',
    result: { suggest, label },
    detail: [
      { strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 },
      ...(keyword ? [{ strategy: 'keyword', errcode: 0, suggest, label, level: 20, keyword }] : []),
    ],
    trace_id: `local-${Date.now().toString(36)}`,
  };
}
