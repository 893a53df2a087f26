/**
 * A failure answered by the WeChat stand-in. Rule violations come back in WeChat's JSON form
 * (`errcode`, `errmsg`), which the SDK surface turns into its own error shape.
 */
export class WechatError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${errcode} ${errmsg}`);
  }
}

/** WeChat's codes used by the stand-ins. */
export const WX = {
  invalidOpenid: 40003,
  invalidTemplateId: 40037,
  invalidScene: 40169,
  invalidPage: 41030,
  userRefused: 43101,
  invalidArgument: 47003,
  dataFormatError: 47001,
} as const;
